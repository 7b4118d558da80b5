import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rows of a prepared statement, stepped and read through SQLite's C interface.
///
/// GRDB's row cursors wrap each row in a `Row` and decode each column through its generic
/// conversions; reading a whole memory for an export spent a fifth of its time there. Here a
/// column is read straight from the statement, in the same way GRDB reads it (a text up to its
/// first NUL, a flag as nonzero), so units read either way are the same.
///
/// Used only inside a read of the `Database` the statement belongs to, on its queue, like any
/// GRDB statement. The statement is reset when this value goes, so a cached statement is left
/// ready for its next use even when reading stops early.
final class StatementRows {
    private let statement: Statement
    /// SQLite's statement, for what these methods do not read (a column's type or name).
    let handle: OpaquePointer
    /// Whether the last ``step()`` moved to a row: SQLite counts a statement busy from a
    /// step until it has returned its last row or is reset.
    var onRow: Bool { sqlite3_stmt_busy(handle) != 0 }

    init(_ statement: Statement, arguments: StatementArguments) throws {
        self.statement = statement
        try statement.setArguments(arguments)
        handle = statement.sqliteStatement
    }

    deinit { sqlite3_reset(handle) }

    /// Moves to the next row; false when there is none.
    @discardableResult
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// For the rows of a child table in the order of the unit number in column 0, read
    /// alongside the units: calls `body` on each row of unit `unitNo`, the current one first,
    /// and stops on the first row of a later unit. Rows of earlier units (none, in one
    /// snapshot) are passed over.
    @inline(__always)
    func forEachRow(ofUnit unitNo: Int64, _ body: () throws -> Void) throws {
        while onRow, int64(0) <= unitNo {
            if int64(0) == unitNo { try body() }
            try step()
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(handle, column)
    }

    /// The text of `column`, nil for NULL.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: bytes)
    }

    /// The bytes of the text of `column` up to its first NUL, as ``text(_:)`` reads it; nil
    /// for NULL. Valid until the next step.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
        return UnsafeBufferPointer(start: bytes, count: count)
    }

    /// Whether the text of `column`, as ``bytes(_:)`` reads it (NULL as no bytes), is
    /// `other`: a known text found again without a string made for it.
    func text(_ column: Int32, equals other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let bytes = bytes(column) else { return other.isEmpty }
        return bytes.count == other.count
            && (bytes.isEmpty || memcmp(bytes.baseAddress!, other.baseAddress!, bytes.count) == 0)
    }
}
