import GRDB
import GRDBSQLite

/// A prepared statement run through SQLite's C interface, for the rows of a large import.
///
/// GRDB's `execute(arguments:)` turns every row's values into an array of boxed database
/// values and binds each text inside a closure of its own; for the millions of rows of an
/// import that bookkeeping cost about a tenth of the import. Here values are bound as they
/// are: texts are copied into one buffer kept with the statement (SQLite does not copy them
/// again), numbers are bound directly, and the statement is stepped, reset and cleared for the
/// next row.
///
/// The statement belongs to the `Database` it was prepared on and is used only inside that
/// database's write transaction, on its queue, like any GRDB statement; it skips GRDB's
/// observation of executed statements, which the memory does not use.
final class DirectStatement {
    /// GRDB's statement, kept for its `sqlite3_stmt` (finalized when GRDB's goes).
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    /// The bytes of the texts bound to the current row, one after the other. It grows
    /// between rows only: the texts already bound point into it.
    private var buffer: UnsafeMutableRawBufferPointer
    private var used = 0
    /// Texts that did not fit in `buffer` during the current row, freed after it.
    private var overflow: [UnsafeMutableRawBufferPointer] = []
    private var needed = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection!
        buffer = .allocate(byteCount: 4096, alignment: 8)
    }

    deinit {
        sqlite3_clear_bindings(handle)
        buffer.deallocate()
        for block in overflow { block.deallocate() }
    }

    /// Binds `value` (NULL for nil) to the parameter at `index`, counted from 1.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var text = value
        text.withUTF8 { bytes in
            let target = reserve(bytes.count)
            if let base = bytes.baseAddress, !bytes.isEmpty {
                target.baseAddress!.copyMemory(from: base, byteCount: bytes.count)
            }
            // SQLITE_STATIC (a nil destructor): the bytes stay put until the row is done.
            sqlite3_bind_text(
                handle, index, target.baseAddress!.assumingMemoryBound(to: CChar.self),
                Int32(bytes.count), nil)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value {
            sqlite3_bind_int64(handle, index, value)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    func bind(_ index: Int32, _ value: Double?) {
        if let value {
            sqlite3_bind_double(handle, index, value)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    func bind(_ index: Int32, _ value: Bool) { sqlite3_bind_int64(handle, index, value ? 1 : 0) }

    /// Runs the statement with the values bound, then makes it ready for the next row.
    ///
    /// - Throws: GRDB's `DatabaseError` with SQLite's code and message when the row is
    ///   refused (a constraint, a trigger, a full disk); the memory's error mapping reads it
    ///   like any other database failure.
    func run() throws {
        let code = sqlite3_step(handle)
        defer { finishRow() }
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            // sqlite3_step reports the code; the message is read before the reset.
            let message = String(cString: sqlite3_errmsg(connection))
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Space for `count` bytes of the current row that stays put until the row is done.
    private func reserve(_ count: Int) -> UnsafeMutableRawBufferPointer {
        needed += count
        if used + count <= buffer.count {
            defer { used += count }
            return UnsafeMutableRawBufferPointer(rebasing: buffer[used..<(used + count)])
        }
        let block = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(count, 1), alignment: 8)
        overflow.append(block)
        return block
    }

    private func finishRow() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if !overflow.isEmpty {
            for block in overflow { block.deallocate() }
            overflow.removeAll(keepingCapacity: true)
            // The next rows fit in one buffer.
            buffer.deallocate()
            buffer = .allocate(byteCount: max(needed, buffer.count) * 2, alignment: 8)
        }
        used = 0
        needed = 0
    }
}
