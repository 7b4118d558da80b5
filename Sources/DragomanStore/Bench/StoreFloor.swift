import Foundation
import GRDB
import GRDBSQLite

/// What SQLite alone takes for the reads of an export and the writes of an import: the floors
/// under those two figures of `dragoman bench tmx`.
///
/// Neither can run faster than the database under it. An export must at least step every row
/// of the units it writes; an import must at least store every row it makes. Timing just that,
/// on the same memory in the same run, shows how much of each figure is the program's own work
/// and how fast either could get with this store.
public enum StoreFloor {
    /// The tables an import writes, in an order that keeps every reference.
    static let importedTables = [
        "tmx_import", "tmx_header_item", "document", "document_title", "unit", "variant",
        "unit_property", "unit_note",
    ]

    /// Seconds to step every row an export of all units reads, in its order, with each
    /// column read as the export reads it (texts as bytes, numbers as numbers) and nothing
    /// else done with them; and the number of rows.
    public static func read(_ memory: SQLiteMemory) throws -> (seconds: Double, rows: Int) {
        let queries = [
            """
            SELECT unit_no, id, origin, document_id, alignment_score, flagged, created, changed
            FROM unit ORDER BY unit_no
            """,
            """
            SELECT unit_no, language, text, source_file, source_start, source_end FROM variant
            ORDER BY unit_no, language
            """,
            "SELECT unit_no, name, value FROM unit_property ORDER BY unit_no, name",
            "SELECT unit_no, text FROM unit_note ORDER BY unit_no, position",
        ]
        var rows = 0
        let start = DispatchTime.now().uptimeNanoseconds
        try memory.reading { db in
            for sql in queries {
                let statement = try db.makeStatement(sql: sql)
                let handle = statement.sqliteStatement
                let columns = sqlite3_column_count(handle)
                while try step(handle, db) {
                    rows += 1
                    for column in 0..<columns {
                        if sqlite3_column_type(handle, column) == SQLITE_TEXT {
                            _ = sqlite3_column_text(handle, column)
                            _ = sqlite3_column_bytes(handle, column)
                        } else {
                            _ = sqlite3_column_int64(handle, column)
                        }
                    }
                }
            }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, rows)
    }

    /// Seconds for SQLite to store the imported rows of `memory` again, into the empty memory
    /// `target`: the rows are first read into this process's memory; the time counted is that
    /// of inserting them by prepared statements, one row each, in one transaction made as an
    /// import makes its own (the same schema, indexes and triggers, foreign keys unchecked),
    /// committed; and the number of rows.
    public static func insert(
        copying memory: SQLiteMemory, into target: SQLiteMemory
    )
        throws -> (seconds: Double, rows: Int)
    {
        let tables = try memory.reading { db in try importedTables.map { try Rows(db, $0) } }
        let rows = tables.reduce(0) { $0 + $1.cells.count / max(1, $1.columns.count) }
        let start = DispatchTime.now().uptimeNanoseconds
        try target.writingUnits { db in
            for table in tables { try table.insert(into: db) }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, rows)
    }

    /// Steps `handle`: true on a row, false when done; throws on a failure.
    static func step(_ handle: OpaquePointer, _ db: Database) throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// The rows of one table, held as SQLite gave them: texts in one block of bytes.
    struct Rows {
        enum Cell {
            case null
            case integer(Int64)
            case real(Double)
            /// A text: where it starts in ``text`` and its length in bytes.
            case text(Int, Int)
        }

        let table: String
        let columns: [String]
        var cells: [Cell] = []
        /// Never empty, so its bytes always have an address, even when every text is empty.
        var text: [UInt8] = [0]

        init(_ db: Database, _ table: String) throws {
            self.table = table
            let statement = try db.makeStatement(sql: "SELECT * FROM \(table)")
            let handle = statement.sqliteStatement
            let count = sqlite3_column_count(handle)
            columns = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)) }
            while try StoreFloor.step(handle, db) {
                for column in 0..<count {
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_NULL: cells.append(.null)
                    case SQLITE_INTEGER:
                        cells.append(.integer(sqlite3_column_int64(handle, column)))
                    case SQLITE_FLOAT: cells.append(.real(sqlite3_column_double(handle, column)))
                    default:
                        let bytes = Int(sqlite3_column_bytes(handle, column))
                        let start = text.count
                        if let pointer = sqlite3_column_text(handle, column) {
                            text.append(
                                contentsOf: UnsafeBufferPointer(start: pointer, count: bytes))
                        }
                        cells.append(.text(start, bytes))
                    }
                }
            }
        }

        /// Inserts the rows into the same table of `db`, inside its open transaction.
        func insert(into db: Database) throws {
            guard !columns.isEmpty, !cells.isEmpty else { return }
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO \(table) (\(columns.joined(separator: ", ")))
                    VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                    """)
            let handle = statement.sqliteStatement
            let width = columns.count
            try text.withUnsafeBufferPointer { text in
                let base = UnsafeRawPointer(text.baseAddress!)
                for row in stride(from: 0, to: cells.count, by: width) {
                    for column in 0..<width {
                        let index = Int32(column + 1)
                        switch cells[row + column] {
                        case .null: sqlite3_bind_null(handle, index)
                        case .integer(let value): sqlite3_bind_int64(handle, index, value)
                        case .real(let value): sqlite3_bind_double(handle, index, value)
                        case .text(let start, let count):
                            // SQLITE_STATIC (a nil destructor): the bytes outlive the row.
                            sqlite3_bind_text(
                                handle, index,
                                base.advanced(by: start).assumingMemoryBound(to: CChar.self),
                                Int32(count), nil)
                        }
                    }
                    _ = try StoreFloor.step(handle, db)
                    sqlite3_reset(handle)
                }
            }
            sqlite3_clear_bindings(handle)
        }
    }
}
