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

    public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
        // The walk runs inside the database's read; the caller's error leaves it unchanged.
        var failure: (any Error)?
        do {
            try reading { db in
                try UnitReader.read(db, path: path, filter: .all) { unit in
                    do {
                        try body(unit)
                    } catch {
                        failure = error
                        throw error
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

    private init(db: Database, path: String, filter: Filter) {
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

    private mutating func forEach(_ body: (TranslationUnit) throws -> Void) throws {
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
        func cursor(_ sql: String, _ arguments: StatementArguments) throws -> RowCursor {
            reusable
                ? try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
                : try Row.fetchCursor(db, sql: sql, arguments: arguments)
        }
        let path = path
        var variants = try Children(
            cursor(
                children(
                    "language, text, source_file, source_start, source_end", "variant", "language"),
                childArguments)
        ) { row in
            let language = try Self.language(row[1], path: path)
            let span: SourceSpan? =
                if let file = row[3] as String? {
                    SourceSpan(file: file, start: row[4], end: row[5])
                } else { nil }
            return Variant(language: language, text: row[2], span: span)
        }
        var properties = try Children(
            cursor(children("name, value", "unit_property", "name"), childArguments)
        ) { row in (row[1] as String, row[2] as String) }
        var notes = try Children(
            cursor(children("text", "unit_note", "position"), childArguments)
        ) { row in row[1] as String }

        let units = try cursor(
            """
            SELECT unit_no, id, origin, document_id, alignment_score, flagged, created, changed
            FROM unit WHERE \(condition) ORDER BY unit_no
            """, arguments)
        while let row = try units.next() {
            let unitNo: Int64 = row[0]
            let id: String = row[1]
            guard let origin = TranslationUnit.Origin(rawValue: row[2]) else {
                throw MemoryError.damaged(path: path, reason: "unit \(id) has an unknown origin")
            }
            var provenance: Provenance?
            if let documentID = row[3] as String? { provenance = try document(documentID) }
            var unitVariants: [Language: Variant] = [:]
            for variant in try variants.take(unitNo) { unitVariants[variant.language] = variant }
            try body(
                TranslationUnit(
                    id: id, variants: unitVariants, origin: origin, provenance: provenance,
                    alignmentScore: row[4], flagged: row[5],
                    properties: Dictionary(
                        try properties.take(unitNo), uniquingKeysWith: { first, _ in first }),
                    notes: try notes.take(unitNo), created: Self.date(row[6]),
                    changed: Self.date(row[7])))
        }
    }

    private mutating func document(_ id: String) throws -> Provenance {
        if let known = documents[id] { return known }
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT url, date FROM document WHERE id = ?"), arguments: [id])
        var titles: [Language: String] = [:]
        for title in try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT language, title FROM document_title WHERE document_id = ?"),
            arguments: [id])
        {
            titles[try Self.language(title[0], path: path)] = title[1]
        }
        let provenance = Provenance(
            documentID: id, titles: titles, url: row?[0], date: row?[1])
        documents[id] = provenance
        return provenance
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

/// The rows of a child table, ordered by `unit_no`, taken unit by unit.
private struct Children<Element> {
    private let cursor: RowCursor
    private let decode: (Row) throws -> Element
    private var pending: (unitNo: Int64, element: Element)?

    init(_ cursor: RowCursor, decode: @escaping (Row) throws -> Element) throws {
        self.cursor = cursor
        self.decode = decode
        pending = try Self.next(cursor, decode)
    }

    /// The elements of unit `unitNo`; rows of earlier units (none, in one snapshot) are
    /// skipped.
    mutating func take(_ unitNo: Int64) throws -> [Element] {
        var taken: [Element] = []
        while let (number, element) = pending, number <= unitNo {
            if number == unitNo { taken.append(element) }
            pending = try Self.next(cursor, decode)
        }
        return taken
    }

    private static func next(
        _ cursor: RowCursor, _ decode: (Row) throws -> Element
    ) throws -> (unitNo: Int64, element: Element)? {
        guard let row = try cursor.next() else { return nil }
        return (row[0], try decode(row))
    }
}
