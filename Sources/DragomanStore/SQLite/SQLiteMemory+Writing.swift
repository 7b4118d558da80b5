public import DragomanKit
import Foundation
import GRDB

extension SQLiteMemory {
    /// Adds or replaces `units` in one transaction.
    ///
    /// Each unit is checked as it is written; the first that fails rolls back the whole batch.
    /// - Complexity: O(n) statements for n units, plus one NFC normalization and match key per
    ///   variant.
    public func add(_ units: [TranslationUnit]) throws {
        guard !units.isEmpty else { return }
        // Normalized before the write lock is taken, so other writers wait less.
        let keys = UnitWriter.keys(of: units, normalizer: normalizer)
        try writingUnits { db in
            var writer = UnitWriter(db: db, normalizer: normalizer)
            try writer.write(units, keys: keys)
            try UnitWriter.raiseRevision(db)
        }
    }

    @discardableResult
    public func remove(ids: [String]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try writing { db in
            var removed = 0
            var documents: Set<String> = []
            let find = try db.cachedStatement(
                sql: "SELECT unit_no, document_id FROM unit WHERE id = ?")
            let delete = try db.cachedStatement(sql: "DELETE FROM unit WHERE unit_no = ?")
            for id in ids {
                guard let row = try Row.fetchOne(find, arguments: [id]) else { continue }
                try delete.execute(arguments: [row[0] as Int64])
                if let document = row[1] as String? { documents.insert(document) }
                removed += 1
            }
            for document in documents { try UnitWriter.dropIfUnused(document, db) }
            if removed > 0 { try UnitWriter.raiseRevision(db) }
            return removed
        }
    }
}

/// Writes units inside one transaction with prepared statements.
struct UnitWriter {
    let db: Database
    let normalizer: TextNormalizer
    /// Provenance already written in this transaction: units of one document usually come
    /// together and carry the same metadata.
    private var writtenProvenance: Set<Provenance> = []
    /// The provenance of the unit written last, compared before ``writtenProvenance`` is
    /// asked: comparing costs a fraction of hashing a provenance with its titles.
    private var lastProvenance: Provenance?
    /// The insert of a unit, run for every unit, prepared on first use.
    private var insertUnit: DirectStatement?
    /// Rows of the units written so far, inserted many to a statement.
    private var variantRows: PendingRows
    private var propertyRows: PendingRows
    private var noteRows: PendingRows

    /// What a variant's row needs besides the unit, made before the unit is written.
    struct VariantKey: Sendable {
        let language: Language
        /// The normalized NFC text when its bytes differ from the text as read; nil when the
        /// text is its own NFC form (nearly always), which the row then leaves NULL.
        let nfc: String?
        let matchKey: String
    }

    init(db: Database, normalizer: TextNormalizer) {
        self.db = db
        self.normalizer = normalizer
        variantRows = PendingRows(
            db, table: "variant",
            columns: [
                "unit_no", "language", "text", "nfc", "match_key", "source_file",
                "source_start", "source_end",
            ])
        propertyRows = PendingRows(
            db, table: "unit_property", columns: ["unit_no", "name", "value"])
        noteRows = PendingRows(db, table: "unit_note", columns: ["unit_no", "position", "text"])
    }

    /// The NFC text and match key of each variant of each unit, in the order of
    /// ``TranslationUnit/languages``: the costly part of writing a unit, done on every core
    /// for a large batch.
    static func keys(
        of units: [TranslationUnit], normalizer: TextNormalizer
    ) -> [[VariantKey]] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard units.count >= 1_000, cores > 1 else {
            return units.map { keys(of: $0, normalizer: normalizer) }
        }
        let chunkSize = (units.count + cores - 1) / cores
        // One slot per thread, written through a pointer: threads storing into distinct
        // elements of one Swift array would race on the array itself.
        nonisolated(unsafe) let chunks = UnsafeMutableBufferPointer<[[VariantKey]]>.allocate(
            capacity: cores)
        chunks.initialize(repeating: [])
        defer {
            chunks.deinitialize()
            chunks.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: cores) { chunk in
            let lo = chunk * chunkSize
            let hi = min(units.count, lo + chunkSize)
            guard lo < hi else { return }
            chunks[chunk] = units[lo..<hi].map { keys(of: $0, normalizer: normalizer) }
        }
        return chunks.flatMap { $0 }
    }

    /// The keys of the variants of `unit`, in the order of ``TranslationUnit/languages``.
    static func keys(of unit: TranslationUnit, normalizer: TextNormalizer) -> [VariantKey] {
        unit.languages.map { language in
            let text = unit.variants[language]!.text
            // Inline markup of imported units is kept in `text`; search uses the plain text.
            let nfc = normalizer.normalize(unit.plainText(language) ?? text)
            return VariantKey(
                language: language, nfc: sameBytes(nfc, text) ? nil : nfc,
                matchKey: MatchKey.make(nfc))
        }
    }

    /// Whether two strings have the same UTF-8 bytes. Swift's `==` counts canonically
    /// equivalent strings (NFD and NFC) equal, which would leave the NFC form of a text read
    /// in NFD unstored.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                a.count == b.count
                    && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    /// Writes `units` in order, with the keys of their variants when they were made
    /// beforehand (``keys(of:normalizer:)``); `validated` skips checking them again.
    ///
    /// A unit's row is inserted at once (its number is needed, and whether its id is taken);
    /// the rows of its variants, properties and notes wait and go in with those of the next
    /// units, many to a statement, before this returns: SQLite's cost of running a statement
    /// (the program started, cursors on the table and its indexes opened and closed) for
    /// every one to three rows was about two fifths of its work in an import. The rows and their numbers are those of
    /// one insert per row in the same order: rows are numbered in the order they are
    /// inserted, which waiting does not change, and the waiting rows go in before a stored
    /// unit is replaced, whose rows are deleted.
    mutating func write(
        _ units: [TranslationUnit], keys: [[VariantKey]]? = nil, validated: Bool = false
    ) throws {
        for (index, unit) in units.enumerated() {
            try writeUnit(unit, keys: keys?[index], validated: validated)
        }
        try insertWaitingRows()
    }

    /// Writes one unit as ``write(_:keys:validated:)`` does.
    mutating func write(
        _ unit: TranslationUnit, keys: [VariantKey]? = nil, validated: Bool = false
    ) throws {
        try write([unit], keys: keys.map { [$0] }, validated: validated)
    }

    /// Inserts the unit's row and queues the rows of its variants, properties and notes.
    private mutating func writeUnit(
        _ unit: TranslationUnit, keys: [VariantKey]?, validated: Bool
    ) throws {
        if !validated { try Self.validate(unit) }
        if let provenance = unit.provenance { try writeDocument(provenance) }
        // Most units of an import are new: the insert itself finds out whether the id is
        // stored already (no row inserted), which saves a look-up per unit.
        if insertUnit == nil {
            insertUnit = try DirectStatement(
                db,
                sql: """
                    INSERT INTO unit (id, origin, document_id, alignment_score, flagged,
                    created, changed) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                    """)
        }
        let insert = insertUnit!
        insert.bind(1, unit.id)
        insert.bind(2, unit.origin.rawValue)
        insert.bind(3, unit.provenance?.documentID)
        insert.bind(4, unit.alignmentScore)
        insert.bind(5, unit.flagged)
        insert.bind(6, Self.milliseconds(unit.created))
        insert.bind(7, Self.milliseconds(unit.changed))
        try insert.run()
        let unitNo: Int64
        if db.changesCount == 1 {
            unitNo = db.lastInsertedRowID
        } else {
            try insertWaitingRows()
            unitNo = try replace(unit)
        }
        for key in keys ?? Self.keys(of: unit, normalizer: normalizer) {
            let variant = unit.variants[key.language]!
            variantRows.append(unitNo)
            variantRows.append(key.language.code)
            variantRows.append(variant.text)
            variantRows.append(key.nfc)
            variantRows.append(key.matchKey)
            variantRows.append(variant.span?.file)
            variantRows.append(variant.span?.start)
            variantRows.append(variant.span?.end)
            try variantRows.endRow()
        }
        for (name, value) in unit.properties.sorted(by: { $0.key < $1.key }) {
            propertyRows.append(unitNo)
            propertyRows.append(name)
            propertyRows.append(value)
            try propertyRows.endRow()
        }
        for (position, note) in unit.notes.enumerated() {
            noteRows.append(unitNo)
            noteRows.append(position)
            noteRows.append(note)
            try noteRows.endRow()
        }
    }

    /// Inserts the rows queued so far.
    private mutating func insertWaitingRows() throws {
        try variantRows.insert()
        try propertyRows.insert()
        try noteRows.insert()
    }

    /// Updates the stored unit with the id of `unit` in place and removes its variants,
    /// properties and notes, which are written again; returns its number.
    private mutating func replace(_ unit: TranslationUnit) throws -> Int64 {
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT unit_no, document_id FROM unit WHERE id = ?"),
            arguments: [unit.id])
        guard let existing else {
            preconditionFailure("unit \(unit.id) was neither inserted nor found")
        }
        // Replacing keeps the unit's number, and so its place in document order.
        let unitNo: Int64 = existing[0]
        try db.cachedStatement(
            sql: """
                UPDATE unit SET origin = ?, document_id = ?, alignment_score = ?,
                flagged = ?, created = ?, changed = ? WHERE unit_no = ?
                """
        ).execute(arguments: [
            unit.origin.rawValue, unit.provenance?.documentID, unit.alignmentScore,
            unit.flagged, Self.milliseconds(unit.created), Self.milliseconds(unit.changed),
            unitNo,
        ])
        for table in ["variant", "unit_property", "unit_note"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE unit_no = ?")
                .execute(arguments: [unitNo])
        }
        if let old = existing[1] as String?, old != unit.provenance?.documentID {
            try Self.dropIfUnused(old, db)
            writtenProvenance = writtenProvenance.filter { $0.documentID != old }
            if lastProvenance?.documentID == old { lastProvenance = nil }
        }
        return unitNo
    }

    private mutating func writeDocument(_ provenance: Provenance) throws {
        guard provenance != lastProvenance else { return }
        lastProvenance = provenance
        guard writtenProvenance.insert(provenance).inserted else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO document (id, url, date) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET url = coalesce(excluded.url, url),
                date = coalesce(excluded.date, date)
                """
        ).execute(arguments: [provenance.documentID, provenance.url, provenance.date])
        let title = try db.cachedStatement(
            sql: """
                INSERT INTO document_title (document_id, language, title) VALUES (?, ?, ?)
                ON CONFLICT (document_id, language) DO UPDATE SET title = excluded.title
                """)
        for (language, text) in provenance.titles {
            try title.execute(arguments: [provenance.documentID, language.code, text])
        }
    }

    /// Marks the memory as changed, once per write transaction: an index built beside it
    /// for another revision is stale.
    static func raiseRevision(_ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE revision SET value = value + 1 WHERE id = 1")
            .execute()
    }

    /// Removes a document that no unit refers to any more, with its titles: removed here,
    /// not by the cascade of the foreign key, since units are written without the
    /// enforcement of foreign keys (``SQLiteMemory/writingUnits(_:)``).
    static func dropIfUnused(_ documentID: String, _ db: Database) throws {
        let unused = "NOT EXISTS (SELECT 1 FROM unit WHERE document_id = ?1)"
        try db.cachedStatement(
            sql: "DELETE FROM document_title WHERE document_id = ?1 AND \(unused)"
        ).execute(arguments: [documentID])
        try db.cachedStatement(sql: "DELETE FROM document WHERE id = ?1 AND \(unused)")
            .execute(arguments: [documentID])
    }

    static func validate(_ unit: TranslationUnit) throws(MemoryError) {
        func invalid(_ reason: String) -> MemoryError { .invalidUnit(id: unit.id, reason: reason) }
        if unit.id.isEmpty { throw invalid("the id is empty") }
        if unit.variants.isEmpty { throw invalid("it has no variant") }
        for (language, variant) in unit.variants {
            if variant.language != language {
                throw invalid(
                    "the variant filed under \(language) says it is in \(variant.language)")
            }
            if let span = variant.span, span.start < 0 || span.end < span.start {
                throw invalid(
                    "the \(language) source span \(span.start)..<\(span.end) is not a range")
            }
        }
        if let score = unit.alignmentScore, !(0...1).contains(score) {
            throw invalid("the alignment score \(score) is outside 0...1")
        }
        if unit.provenance?.documentID.isEmpty == true {
            throw invalid("the provenance has an empty document id")
        }
    }

    /// Unix time in milliseconds, the form dates are stored in.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

extension SQLiteMemory {
    /// Runs `body` in one write transaction, so that units added in many batches are stored
    /// all or nothing: when `body` or any batch throws, nothing of it is stored.
    ///
    /// An import of a large file adds its units batch by batch as it reads, keeping memory
    /// use bounded, and still leaves the memory unchanged when the file turns out to be
    /// broken halfway. Other writers wait until `body` returns; readers keep seeing the
    /// memory as it was until then. Errors thrown by `body` are rethrown unchanged.
    public func transaction<T>(_ body: (MemoryTransaction) throws -> T) throws -> T {
        try writingUnits { db in
            let transaction = MemoryTransaction(UnitWriter(db: db, normalizer: normalizer))
            defer { transaction.close() }
            let result = try body(transaction)
            try transaction.flush()
            if transaction.wrote { try UnitWriter.raiseRevision(db) }
            return result
        }
    }
}

/// Adds units inside one ``SQLiteMemory/transaction(_:)``; valid only while its body runs.
///
/// The units of one ``add(_:)`` are checked at once and keyed (NFC text and match key per
/// variant) on other threads while the units of the previous call are written; they are
/// written by the next call, by ``flush()``, or when the transaction's body returns. A unit
/// that fails its checks fails the call that brought it; a failure only the database sees
/// (a full disk, a trigger) may surface one call later. Either way nothing of the
/// transaction is stored.
public final class MemoryTransaction {
    private var writer: UnitWriter?
    private let normalizer: TextNormalizer
    /// Units being keyed, written by the next call.
    private var pending: KeyedBatch?
    /// Whether any unit was written, so the memory's revision must be raised.
    fileprivate private(set) var wrote = false

    init(_ writer: UnitWriter) {
        self.writer = writer
        normalizer = writer.normalizer
    }

    /// Adds or replaces `units` as ``SQLiteMemory/add(_:)`` does, as part of the transaction.
    ///
    /// - Throws: ``MemoryError/invalidUnit(id:reason:)`` for a unit of `units` that cannot
    ///   be stored; database failures of the units of the previous call.
    public func add(_ units: [TranslationUnit]) throws {
        guard writer != nil else {
            preconditionFailure("a MemoryTransaction was used after its transaction ended")
        }
        guard !units.isEmpty else { return }
        for unit in units { try UnitWriter.validate(unit) }
        let batch = KeyedBatch(units, normalizer: normalizer)
        try flush()
        pending = batch
    }

    /// Writes the units of earlier calls that are still waiting, so that their database
    /// failures surface now: an import calls it at the end of each file, to name the file.
    public func flush() throws {
        guard let batch = pending else { return }
        pending = nil
        guard writer != nil else {
            preconditionFailure("a MemoryTransaction was used after its transaction ended")
        }
        wrote = true
        try writer!.write(batch.units, keys: batch.keys(), validated: true)
    }

    /// Records the import of the TMX file `source` with the props, notes and `<ude>`s of its header,
    /// as part of the transaction; exports write them into their header.
    public func recordTMXImport(source: String, header: TMXHeaderMetadata) throws {
        try flush()
        guard let db = writer?.db else {
            preconditionFailure("a MemoryTransaction was used after its transaction ended")
        }
        try db.execute(
            sql: "INSERT INTO tmx_import (source, imported) VALUES (?, ?)",
            arguments: [source, UnitWriter.milliseconds(Date())])
        let importNo = db.lastInsertedRowID
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO tmx_header_item (import_no, position, kind, type, language, value)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        var position = 0
        for prop in header.props {
            try insert.execute(arguments: [
                importNo, position, "prop", prop.type, prop.language, prop.value,
            ])
            position += 1
        }
        for note in header.notes {
            try insert.execute(arguments: [
                importNo, position, "note", nil, note.language, note.text,
            ])
            position += 1
        }
        // A <ude> is kept as a prop of a type of TMX structure, with its XML as the value.
        for encoding in header.userDefinedEncodings {
            try insert.execute(arguments: [
                importNo, position, "prop", TMXNames.userDefinedEncoding, nil, encoding,
            ])
            position += 1
        }
    }

    fileprivate func close() {
        writer = nil
        pending = nil
    }
}
