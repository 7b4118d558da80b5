import DragomanKit
public import Foundation
import GRDB

/// A translation memory in one SQLite file that several processes may read and write at once.
///
/// The database runs in WAL mode: readers never wait for writers and see one consistent
/// snapshot, writers take turns, waiting up to `busyTimeout` for each other. Every write is
/// one transaction, so a failed write, or a process killed in the middle of one, leaves the
/// memory as it was before. Commits are durable against crashes of the process; with
/// `synchronous = NORMAL` a power failure may lose the last transactions, never consistency.
///
/// Dates are stored as Unix time in milliseconds (UTC), so they read back to the millisecond.
/// The schema is described in `SQLiteMemory+Schema.swift`.
public final class SQLiteMemory: TranslationMemory {
    /// Whether opening may create the memory.
    public enum OpenMode: Sendable {
        /// Create an empty memory when the file does not exist (or is empty).
        case createIfMissing
        /// Fail with ``MemoryError/noSuchMemory(path:)`` when the file does not exist.
        case mustExist
    }

    /// The schema version this build writes and reads (`PRAGMA user_version`).
    public static let schemaVersion = 6

    /// The path as given.
    public let path: String
    let pool: DatabasePool
    let normalizer = TextNormalizer()

    /// Opens the memory at `path`, creating it when allowed, and brings its schema up to date.
    ///
    /// - Throws: ``MemoryError`` for a missing file (with ``OpenMode/mustExist``), a folder,
    ///   a file that is not SQLite or belongs to another program, a memory of a newer schema.
    public init(
        path: String, mode: OpenMode = .createIfMissing, busyTimeout: TimeInterval = 10
    ) throws(MemoryError) {
        self.path = path
        try Self.checkFile(path, mode: mode)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        // Runs on every connection before GRDB switches the file to WAL mode, so the file of
        // another program is refused before anything in it changes.
        configuration.prepareDatabase { db in
            try Self.checkIdentity(db, path: path)
            // A large import touches index pages all over the file; with SQLite's default
            // 2 MB cache the writer would spill and re-read them. Allocated only as used.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -262144") }
        }
        do {
            pool = try Self.openPool(path, configuration)
            try Self.migrate(pool, path: path)
        } catch {
            throw Self.openingError(path, error)
        }
    }

    /// The size of the database file and of its write-ahead log, in bytes.
    public func fileSizes() -> (database: Int, wal: Int) {
        func size(_ file: String) -> Int {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            return (attributes?[.size] as? NSNumber)?.intValue ?? 0
        }
        return (size(path), size(path + "-wal"))
    }

    /// The schema version stored in the file.
    public func storedSchemaVersion() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Runs SQLite's integrity and foreign-key checks; returns the problems found, none when
    /// the memory is sound.
    public func integrityProblems() throws -> [String] {
        try reading { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter {
                $0 != "ok"
            }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += orphans.map { row in
                "row \(row[1] as Int64? ?? 0) of table \(row[0] as String? ?? "?") refers to a "
                    + "missing row of \(row[2] as String? ?? "?")"
            }
            return problems
        }
    }

    // MARK: Opening

    private static func checkFile(_ path: String, mode: OpenMode) throws(MemoryError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if mode == .mustExist { throw .noSuchMemory(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw .cannotOpen(path: path, reason: "the folder \(folder) does not exist")
            }
            return
        }
        if isDirectory.boolValue {
            throw .cannotOpen(path: path, reason: "it is a folder; name a file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "the file cannot be read (permissions?)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        // An empty file becomes a new memory; anything else must be SQLite.
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
            throw .notSQLite(path: path)
        }
    }

    /// Refuses SQLite files of other programs and memories of a newer schema.
    private static func checkIdentity(_ db: Database, path: String) throws {
        // One statement, so one snapshot: read apart, another process creating the memory could
        // commit its tables between the reads.
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT application_id, user_version,
                (SELECT count(*) FROM sqlite_master
                    WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations')
                FROM pragma_application_id, pragma_user_version
                """)
        let applicationID: Int32 = row?[0] ?? 0
        let version: Int = row?[1] ?? 0
        let otherObjects: Int = row?[2] ?? 0
        if applicationID == Schema.applicationID {
            if version > schemaVersion {
                throw MemoryError.newerSchema(
                    path: path, version: version, supported: schemaVersion)
            }
            return
        }
        // A new file, or one whose creation another process has only begun: the migration
        // table comes before the first migration sets the application id.
        guard applicationID == 0, otherObjects == 0 else {
            throw MemoryError.notAMemory(path: path)
        }
    }

    /// Opens the pool, waiting while another process holds the file for switching it to WAL:
    /// SQLite answers that switch with "database is locked" at once, without the busy timeout,
    /// when two processes create one memory at the same moment.
    private static func openPool(
        _ path: String, _ configuration: Configuration
    ) throws -> DatabasePool {
        var attempts = 0
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                attempts += 1
                guard attempts < 100 else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private static func migrate(_ pool: DatabasePool, path: String) throws {
        let migrator = Schema.migrator
        var attempts = 0
        while true {
            do {
                try migrator.migrate(pool)
                break
            } catch {
                // Two processes creating or upgrading one memory at once both see a migration
                // missing; the second fails on the tables the first made. The memory is fine
                // once complete; until then the first may still be applying later migrations,
                // so the second tries again (the migrator skips what is applied) a while.
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { break }
                // Only the failures of a race wait: a table already made (SQLITE_ERROR) or the
                // file held (SQLITE_BUSY); a read-only or damaged file fails at once.
                attempts += 1
                guard let failure = error as? DatabaseError, attempts < 100,
                    failure.resultCode == .SQLITE_ERROR || failure.resultCode == .SQLITE_BUSY
                else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            let version = try pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
            throw MemoryError.newerSchema(
                path: path, version: max(version, schemaVersion + 1), supported: schemaVersion)
        }
    }

    private static func openingError(_ path: String, _ error: any Error) -> MemoryError {
        if let error = error as? MemoryError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return .notSQLite(path: path)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                return .cannotOpen(
                    path: path, reason: "\(error.message ?? "\(error.resultCode)") (permissions?)")
            case .SQLITE_CORRUPT: return .damaged(path: path, reason: error.message ?? "corrupt")
            default: break
            }
        }
        return .database(path: path, message: "\(error)")
    }

    // MARK: Access

    /// Runs `body` in a read transaction, mapping database failures to ``MemoryError``.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw mapped(error)
        }
    }

    /// Runs `body` in one immediate write transaction, rolled back when it throws.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch {
            throw mapped(error)
        }
    }

    /// Runs `body` in one immediate write transaction, rolled back when it throws, with
    /// SQLite's enforcement of foreign keys off: for ``UnitWriter``, which keeps every
    /// reference by the order it writes in.
    ///
    /// Checking each row's references (the unit of a variant, property or note, the document
    /// of a unit) took about a fifth of SQLite's time in an import, every check answered
    /// before it was asked: the writer stores a unit's document before the unit and the unit before
    /// its rows, deletes a replaced unit's rows itself and drops a document, with its titles,
    /// only when no unit refers to it. Other writes (``remove(ids:)``, migrations) keep the
    /// enforcement and its cascades. The pragma takes effect only outside a transaction, so
    /// it is set around this one and set back however it ends.
    func writingUnits<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                var result: T?
                try db.inTransaction {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw mapped(error)
        }
    }

    /// Database failures become ``MemoryError``; other errors (a caller's) pass unchanged.
    func mapped(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return MemoryError.damaged(path: path, reason: error.message ?? "corrupt")
        case .SQLITE_BUSY:
            return MemoryError.database(
                path: path,
                message: "the memory stayed locked by another writer; try again when it is done")
        default:
            return MemoryError.database(path: path, message: error.message ?? "\(error)")
        }
    }
}

extension SQLiteMemory {
    /// Grows with every write transaction that changes units: equal revisions mean equal
    /// contents.
    public func revision() throws -> Int64 {
        try reading { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
        }
    }
}
