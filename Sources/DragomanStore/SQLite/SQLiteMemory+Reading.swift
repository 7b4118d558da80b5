public import DragomanKit
import Foundation
import GRDB

extension SQLiteMemory {
    public func unit(id: String) throws -> TranslationUnit? {
        var found: TranslationUnit?
        try reading { db in
            try UnitReader.read(db, path: path, filter: .id(id)) { found = $0 }
        }
        return found
    }

    /// The units with these ids that are stored, read in one pass.
    public func units(ids: [String]) throws -> [String: TranslationUnit] {
        guard !ids.isEmpty else { return [:] }
        var found: [String: TranslationUnit] = [:]
        try reading { db in
            try UnitReader.read(db, path: path, filter: .ids(ids)) { found[$0.id] = $0 }
        }
        return found
    }

    public func count() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0 }
    }

    public func languages() throws -> [Language] {
        try statistics().languages
    }

    public func documentIDs() throws -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id") }
    }

    public func units(inDocument documentID: String?) throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        try reading { db in
            try UnitReader.read(db, path: path, filter: .document(documentID)) {
                units.append($0)
            }
        }
        return units
    }

    /// Calls `body` with every unit as a record for ``TMXWriter``, in the order of
    /// ``forEachUnit(_:)``: an export reads the units without a ``TranslationUnit`` made for
    /// each. The record is valid during the call only; an error thrown by `body` stops the
    /// walk and is rethrown.
    public func forEachTMXRecord(_ body: (TMXUnitRecord) throws -> Void) throws {
        try walk({ try UnitReader.readRecords($0, path: path, filter: .all, $1) }, body)
    }

    public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
        try walk({ try UnitReader.read($0, path: path, filter: .all, $1) }, body)
    }

    /// Runs `walk` over all units inside one read, calling `body` on each; an error thrown by
    /// `body` stops the walk and is rethrown as it was, not as a database failure.
    private func walk<Element>(
        _ walk: (Database, (Element) throws -> Void) throws -> Void,
        _ body: (Element) throws -> Void
    ) throws {
        var failure: (any Error)?
        do {
            // `body` runs only during the walk; Swift asks for that to be said before it is
            // handed to another closure parameter.
            try withoutActuallyEscaping(body) { body in
                try reading { db in
                    try walk(db) { element in
                        do {
                            try body(element)
                        } catch {
                            failure = error
                            throw error
                        }
                    }
                }
            }
        } catch {
            throw failure ?? error
        }
    }

    /// The props, notes and `<ude>`s of the headers of the TMX files imported, in the order of import,
    /// each distinct one once: the header of an export.
    public func tmxHeader() throws -> TMXHeaderMetadata {
        try reading { db in
            var merged = TMXHeaderMetadata()
            var current = TMXHeaderMetadata()
            var currentImport: Int64?
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT import_no, kind, type, language, value FROM tmx_header_item
                    ORDER BY import_no, position
                    """)
            {
                let importNo: Int64 = row[0]
                if importNo != currentImport {
                    merged = merged.merging(current)
                    current = TMXHeaderMetadata()
                    currentImport = importNo
                }
                if row[1] as String == "prop" {
                    let type: String = row[2]
                    if type == TMXNames.userDefinedEncoding {
                        current.userDefinedEncodings.append(row[4])
                    } else {
                        current.props.append(.init(type: type, language: row[3], value: row[4]))
                    }
                } else {
                    current.notes.append(.init(row[4], language: row[3]))
                }
            }
            return merged.merging(current)
        }
    }

    public func statistics() throws -> MemoryStatistics {
        try reading { db in
            let units = try Row.fetchOne(
                db, sql: "SELECT count(*), coalesce(sum(flagged), 0) FROM unit")
            var variants: [Language: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT language, count(*) FROM variant GROUP BY language")
            {
                variants[try UnitReader.language(row[0], path: path)] = row[1]
            }
            return MemoryStatistics(
                units: units?[0] ?? 0, flaggedUnits: units?[1] ?? 0, variants: variants,
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0)
        }
    }
}

/// Reads units by walking the unit, variant, property and note tables side by side in
/// `unit_no` order, so a unit costs no query of its own.
struct UnitReader {
    enum Filter {
        case all
        case id(String)
        case ids([String])
        /// Units of a document; nil for units without one.
        case document(String?)
    }

    let db: Database
    let path: String
    let filter: Filter
    private var documents: [String: Provenance] = [:]
    private var lastDocument: Provenance?
    /// Every document of the memory, read at the first one a walk through all units meets.
    private var preloaded: [[UInt8]: Provenance]?
    /// Languages already read, by the packed bytes of their codes.
    private var languages: [(key: UInt64, language: Language)] = []

    init(db: Database, path: String, filter: Filter) {
        self.db = db
        self.path = path
        self.filter = filter
    }

    /// Calls `body` with the units that pass `filter`, in `unit_no` order.
    static func read(
        _ db: Database, path: String, filter: Filter, _ body: (TranslationUnit) throws -> Void
    ) throws {
        var reader = UnitReader(db: db, path: path, filter: filter)
        try reader.forEach(body)
    }

    /// Calls `body` with the units that pass `filter` as TMX records, in `unit_no` order: the
    /// column bytes go into one record kept from unit to unit, with no strings made for them.
    static func readRecords(
        _ db: Database, path: String, filter: Filter, _ body: (TMXUnitRecord) throws -> Void
    ) throws {
        var reader = UnitReader(db: db, path: path, filter: filter)
        try reader.forEachRecord(body)
    }

    /// The statements that walk the unit, variant, property and note tables side by side,
    /// each child table stepped to its first row.
    func statements() throws -> (
        units: StatementRows, variants: StatementRows, properties: StatementRows,
        notes: StatementRows
    ) {
        let condition: String
        let arguments: StatementArguments
        switch filter {
        case .all: (condition, arguments) = ("1", [])
        case .id(let id): (condition, arguments) = ("id = ?", [id])
        case .ids(let ids):
            condition = "id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))"
            arguments = StatementArguments(ids)
        case .document(let id?): (condition, arguments) = ("document_id = ?", [id])
        case .document(nil): (condition, arguments) = ("document_id IS NULL", [])
        }
        // The child tables are read for the selected units only; for all units no subquery.
        func children(_ columns: String, _ table: String, _ order: String) -> String {
            let selection =
                if case .all = filter { "" } else {
                    "WHERE unit_no IN (SELECT unit_no FROM unit WHERE \(condition))"
                }
            return
                "SELECT unit_no, \(columns) FROM \(table) \(selection) ORDER BY unit_no, \(order)"
        }
        let childArguments: StatementArguments = if case .all = filter { [] } else { arguments }
        // Statements of a fixed text are prepared once per connection: a look-up reads its
        // few matches' units this way, and compiling the four statements each time cost more
        // than finding the matches.
        let reusable: Bool =
            switch filter {
            case .ids(let ids): ids.count <= 8
            default: true
            }
        let db = db
        func rows(_ sql: String, _ arguments: StatementArguments) throws -> StatementRows {
            try StatementRows(
                reusable ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql),
                arguments: arguments)
        }
        // Each child table is read alongside the units, from its first row.
        let variants = try rows(
            children(
                "language, text, source_file, source_start, source_end", "variant", "language"),
            childArguments)
        let properties = try rows(children("name, value", "unit_property", "name"), childArguments)
        let notes = try rows(children("text", "unit_note", "position"), childArguments)
        for rows in [variants, properties, notes] { try rows.step() }

        let units = try rows(
            """
            SELECT unit_no, id, origin, document_id, alignment_score, flagged, created, changed
            FROM unit WHERE \(condition) ORDER BY unit_no
            """, arguments)
        return (units, variants, properties, notes)
    }

    private mutating func forEach(_ body: (TranslationUnit) throws -> Void) throws {
        let (units, variants, properties, notes) = try statements()
        while try units.step() {
            let unitNo = units.int64(0)
            let id = try text(units, 1, "unit")
            guard let origin = TranslationUnit.Origin(rawValue: try text(units, 2, "unit \(id)"))
            else {
                throw MemoryError.damaged(path: path, reason: "unit \(id) has an unknown origin")
            }
            let provenance = units.isNull(3) ? nil : try document(units, 3)

            // Room for a unit's usual three languages: growing a dictionary moves it.
            var unitVariants = [Language: Variant](minimumCapacity: 3)
            try variants.forEachRow(ofUnit: unitNo) {
                let language = try self.language(variants, 1)
                let span: SourceSpan? =
                    if let file = variants.text(3) {
                        SourceSpan(
                            file: file, start: Int(variants.int64(4)), end: Int(variants.int64(5)))
                    } else { nil }
                unitVariants[language] = Variant(
                    language: language, text: try text(variants, 2, "unit \(id)"), span: span)
            }
            var unitProperties: [String: String] = [:]
            try properties.forEachRow(ofUnit: unitNo) {
                let name = try text(properties, 1, "unit \(id)")
                if unitProperties[name] == nil {
                    unitProperties[name] = try text(properties, 2, "unit \(id)")
                }
            }
            var unitNotes: [String] = []
            try notes.forEachRow(ofUnit: unitNo) {
                unitNotes.append(try text(notes, 1, "unit \(id)"))
            }
            try body(
                TranslationUnit(
                    id: id, variants: unitVariants, origin: origin, provenance: provenance,
                    alignmentScore: units.double(4), flagged: units.int64(5) != 0,
                    properties: unitProperties, notes: unitNotes,
                    created: Self.date(units.int64(6)), changed: Self.date(units.int64(7))))
        }
    }

    private mutating func forEachRecord(_ body: (TMXUnitRecord) throws -> Void) throws {
        let (units, variants, properties, notes) = try statements()
        var record = TMXUnitRecord()
        // The document of the last unit, known by the bytes of its id.
        var lastDocument: TMXDocumentFields?
        while try units.step() {
            record.removeAll()
            let unitNo = units.int64(0)
            record.setID(record.append(try bytes(units, 1, "unit")))
            // Named in errors only.
            func owner(_ record: TMXUnitRecord) -> String { "unit \(record.string(record.id))" }
            guard let origin = Self.origin(try bytes(units, 2, owner(record))) else {
                throw MemoryError.damaged(
                    path: path, reason: "\(owner(record)) has an unknown origin")
            }
            record.origin = origin
            if !units.isNull(3) {
                if let last = lastDocument,
                    last.bytes.withUnsafeBufferPointer({
                        units.text(3, equals: UnsafeBufferPointer(rebasing: $0[last.id]))
                    })
                {
                    record.document = last
                } else {
                    let fields = TMXDocumentFields(try document(units, 3))
                    lastDocument = fields
                    record.document = fields
                }
            }
            try variants.forEachRow(ofUnit: unitNo) {
                let language = try self.language(variants, 1)
                var span: (file: TMXUnitRecord.Field, start: Int, end: Int)?
                if let file = variants.bytes(3) {
                    span = (record.append(file), Int(variants.int64(4)), Int(variants.int64(5)))
                }
                let text = record.append(try bytes(variants, 2, owner(record)))
                record.addVariant(language, text: text, span: span)
            }
            try properties.forEachRow(ofUnit: unitNo) {
                let name = try bytes(properties, 1, owner(record))
                record.addProperty(name: name, value: try bytes(properties, 2, owner(record)))
            }
            try notes.forEachRow(ofUnit: unitNo) {
                record.addNote(record.append(try bytes(notes, 1, owner(record))))
            }
            record.alignmentScore = units.double(4)
            record.flagged = units.int64(5) != 0
            record.created = Self.date(units.int64(6))
            record.changed = Self.date(units.int64(7))
            try body(record)
        }
    }

    /// The origin named by a column's bytes.
    private static func origin(_ bytes: UnsafeBufferPointer<UInt8>) -> TranslationUnit.Origin? {
        func equal(_ name: StaticString) -> Bool {
            bytes.count == name.utf8CodeUnitCount
                && memcmp(bytes.baseAddress!, name.utf8Start, bytes.count) == 0
        }
        switch bytes.count {
        case 7 where equal("aligned"): return .aligned
        case 8 where equal("imported"): return .imported
        case 6 where equal("edited"): return .edited
        default: return nil
        }
    }

    /// The bytes of a text column the schema makes NOT NULL, valid until the next step.
    private func bytes(
        _ rows: StatementRows, _ column: Int32, _ owner: @autoclosure () -> String
    ) throws -> UnsafeBufferPointer<UInt8> {
        guard let bytes = rows.bytes(column) else {
            throw MemoryError.damaged(path: path, reason: "\(owner()) lacks a text")
        }
        return bytes
    }

    /// The text of a column the schema makes NOT NULL.
    private func text(
        _ rows: StatementRows, _ column: Int32, _ owner: @autoclosure () -> String
    ) throws -> String {
        guard let text = rows.text(column) else {
            throw MemoryError.damaged(path: path, reason: "\(owner()) lacks a text")
        }
        return text
    }

    /// The language of a variant row: the few codes of a memory are read once each, by their
    /// bytes, instead of a tag parsed per row.
    private mutating func language(_ rows: StatementRows, _ column: Int32) throws -> Language {
        let key = rows.bytes(column).flatMap { bytes -> UInt64? in
            guard (1...7).contains(bytes.count) else { return nil }
            var packed = UInt64(bytes.count)
            for byte in bytes { packed = packed << 8 | UInt64(byte) }
            return packed
        }
        if let key, let known = languages.first(where: { $0.key == key }) { return known.language }
        let language = try Self.language(try text(rows, column, "a variant"), path: path)
        if let key, languages.count < 64 { languages.append((key, language)) }
        return language
    }

    /// The document of a unit row; units of one document mostly follow each other, and the
    /// last one is known by its bytes without a string made for its id.
    private mutating func document(_ rows: StatementRows, _ column: Int32) throws -> Provenance {
        if let last = lastDocument {
            var lastID = last.documentID
            if lastID.withUTF8({ rows.text(column, equals: $0) }) { return last }
        }
        let provenance = try document(try text(rows, column, "a unit"))
        lastDocument = provenance
        return provenance
    }

    private mutating func document(_ id: String) throws -> Provenance {
        if let known = documents[id] { return known }
        if case .all = filter {
            // A walk through every unit meets every document: two queries for all of them
            // cost less than two for each.
            if preloaded == nil { preloaded = try allDocuments() }
            if let known = preloaded?[Array(id.utf8)] {
                documents[id] = known
                return known
            }
        }
        // Stepped directly, as the units are: a memory has a document for every few units.
        var url: String?
        var date: String?
        do {
            let row = try StatementRows(
                db.cachedStatement(sql: "SELECT url, date FROM document WHERE id = ?"),
                arguments: [id])
            if try row.step() {
                url = row.text(0)
                date = row.text(1)
            }
        }
        var titles: [Language: String] = [:]
        do {
            let rows = try StatementRows(
                db.cachedStatement(
                    sql: "SELECT language, title FROM document_title WHERE document_id = ?"),
                arguments: [id])
            while try rows.step() {
                titles[try Self.language(try text(rows, 0, "a title"), path: path)] =
                    try text(rows, 1, "a title")
            }
        }
        let provenance = Provenance(documentID: id, titles: titles, url: url, date: date)
        documents[id] = provenance
        return provenance
    }

    /// Every document with its metadata, by the bytes of its id: looked up by the exact id,
    /// as the query for one document does.
    private func allDocuments() throws -> [[UInt8]: Provenance] {
        var documents: [[UInt8]: Provenance] = [:]
        let rows = try StatementRows(
            db.makeStatement(sql: "SELECT id, url, date FROM document"), arguments: [])
        // Keyed by the column's bytes: an id that is not UTF-8 is not found by its repaired
        // string, in either way of reading.
        while try rows.step() {
            let id = try text(rows, 0, "a document")
            documents[Array(try bytes(rows, 0, "a document"))] = Provenance(
                documentID: id, url: rows.text(1), date: rows.text(2))
        }
        // In the order of the table's key, as the query for one document reads its titles.
        let titles = try StatementRows(
            db.makeStatement(
                sql: """
                    SELECT document_id, language, title FROM document_title
                    ORDER BY document_id, language
                    """),
            arguments: [])
        while try titles.step() {
            let key = Array(try bytes(titles, 0, "a title"))
            guard documents[key] != nil else { continue }
            let language = try Self.language(try text(titles, 1, "a title"), path: path)
            documents[key]?.titles[language] = try text(titles, 2, "a title")
        }
        return documents
    }

    static func language(_ code: String, path: String) throws -> Language {
        guard let language = Language(tag: code) else {
            throw MemoryError.damaged(path: path, reason: "'\(code)' is not a language tag")
        }
        return language
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
