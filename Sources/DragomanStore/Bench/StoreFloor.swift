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

    /// Seconds to step every row an export of all units reads, by the statements of the
    /// export's own walk, with each column read as the export reads it (texts as bytes,
    /// numbers as numbers) and nothing else done with them; and the number of rows.
    public static func read(_ memory: SQLiteMemory) throws -> (seconds: Double, rows: Int) {
        var rows = 0
        let start = DispatchTime.now().uptimeNanoseconds
        try memory.reading { db in
            // Each child table stands on its first row, the units before theirs.
            let walk = try UnitReader(db: db, path: memory.path, filter: .all).statements()
            while try walk.units.step() {
                rows += 1
                readColumns(walk.units)
            }
            for child in [walk.variants, walk.properties, walk.notes] {
                while child.onRow {
                    rows += 1
                    readColumns(child)
                    try child.step()
                }
            }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, rows)
    }

    private static func readColumns(_ rows: StatementRows) {
        for column in 0..<sqlite3_column_count(rows.handle) {
            if sqlite3_column_type(rows.handle, column) == SQLITE_TEXT {
                _ = rows.bytes(column)
            } else {
                _ = rows.int64(column)
            }
        }
    }

    /// Seconds for SQLite to store the imported rows of `memory` again, into the empty memory
    /// `target`: the rows are first read into this process's memory; the time counted is that
    /// of inserting them by the import's own ``DirectStatement``, one row each, in one
    /// transaction made as an import makes its own (the same schema, indexes and triggers,
    /// foreign keys unchecked), committed; and the number of rows.
    public static func insert(
        copying memory: SQLiteMemory, into target: SQLiteMemory
    )
        throws -> (seconds: Double, rows: Int)
    {
        let tables = try memory.reading { db in try importedTables.map { try Rows(db, $0) } }
        let rows = tables.reduce(0) { $0 + $1.count }
        let start = DispatchTime.now().uptimeNanoseconds
        try target.writingUnits { db in
            for table in tables { try table.insert(into: db) }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, rows)
    }

    /// The rows of one table, as SQLite gave them.
    struct Rows {
        enum Cell {
            case null
            case integer(Int64)
            case real(Double)
            case text(String)
        }

        let table: String
        let columns: [String]
        /// Row after row, ``columns`` cells each.
        var cells: [Cell] = []

        var count: Int { columns.isEmpty ? 0 : cells.count / columns.count }

        init(_ db: Database, _ table: String) throws {
            self.table = table
            let rows = try StatementRows(
                db.makeStatement(sql: "SELECT * FROM \(table)"), arguments: [])
            let width = sqlite3_column_count(rows.handle)
            columns = (0..<width).map { String(cString: sqlite3_column_name(rows.handle, $0)) }
            while try rows.step() {
                for column in 0..<width {
                    switch sqlite3_column_type(rows.handle, column) {
                    case SQLITE_NULL: cells.append(.null)
                    case SQLITE_INTEGER: cells.append(.integer(rows.int64(column)))
                    case SQLITE_FLOAT: cells.append(.real(rows.double(column)!))
                    default: cells.append(.text(rows.text(column) ?? ""))
                    }
                }
            }
        }

        /// Inserts the rows into the same table of `db`, inside its open transaction.
        func insert(into db: Database) throws {
            guard count > 0 else { return }
            let statement = try DirectStatement(
                db,
                sql: """
                    INSERT INTO \(table) (\(columns.joined(separator: ", ")))
                    VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                    """)
            for row in stride(from: 0, to: cells.count, by: columns.count) {
                for column in 0..<columns.count {
                    let index = Int32(column + 1)
                    switch cells[row + column] {
                    case .null: statement.bind(index, nil as Int64?)
                    case .integer(let value): statement.bind(index, value)
                    case .real(let value): statement.bind(index, value)
                    case .text(let value): statement.bind(index, value)
                    }
                }
                try statement.run()
            }
        }
    }
}
