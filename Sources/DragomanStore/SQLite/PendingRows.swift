import GRDB

/// Rows of one table that wait to be inserted, many to a statement.
///
/// An import writes about four rows a unit besides the unit's own: its variants, a property
/// or two, sometimes a note. Inserted one statement a unit per table, SQLite paid the cost
/// of running a statement (its program started, cursors on the table and its indexes opened
/// and closed) for every one or three rows. Here the values wait, as they are, until
/// ``rowsPerInsert`` rows are held or ``insert()`` is called, and go in with one prepared
/// `INSERT … VALUES (…), (…), …`, in the order they were added.
struct PendingRows {
    /// A value as bound: texts are kept as the strings given, not copied until bound.
    private enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    let table: String
    let columns: [String]
    /// Rows a full statement inserts.
    let rowsPerInsert: Int
    private let db: Database
    private var values: [Value] = []
    /// Prepared inserts by their number of rows: the full one, and those of the last rows.
    private var statements: [Int: DirectStatement] = [:]

    /// - Parameter parameters: the most values one statement binds; SQLite allows 32,766.
    init(_ db: Database, table: String, columns: [String], parameters: Int = 256) {
        self.db = db
        self.table = table
        self.columns = columns
        rowsPerInsert = max(1, parameters / columns.count)
        values.reserveCapacity(rowsPerInsert * columns.count)
    }

    mutating func append(_ value: String?) { values.append(value.map(Value.text) ?? .null) }

    mutating func append(_ value: Int64?) { values.append(value.map(Value.integer) ?? .null) }

    mutating func append(_ value: Int?) { append(value.map(Int64.init)) }

    /// Ends the row whose values were appended; inserts the rows held when they fill a
    /// statement.
    mutating func endRow() throws {
        precondition(
            values.count % columns.count == 0, "a row of \(table) needs \(columns.count) values")
        if values.count == rowsPerInsert * columns.count { try insert() }
    }

    /// Inserts the rows held, in the order they were added.
    mutating func insert() throws {
        guard !values.isEmpty else { return }
        let insert = try statement(rows: values.count / columns.count)
        for (index, value) in values.enumerated() {
            let parameter = Int32(index + 1)
            switch value {
            case .text(let text): insert.bind(parameter, text)
            case .integer(let number): insert.bind(parameter, number)
            case .null: insert.bind(parameter, nil as Int64?)
            }
        }
        values.removeAll(keepingCapacity: true)
        try insert.run()
    }

    private mutating func statement(rows: Int) throws -> DirectStatement {
        if let statement = statements[rows] { return statement }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let statement = try DirectStatement(
            db,
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: row, count: rows).joined(separator: ", "))
        statements[rows] = statement
        return statement
    }
}
