/// Why a translation memory could not be opened, read or written.
///
/// Every message is one sentence that names the memory and, where there is one, the fix.
public enum MemoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The memory does not exist and the caller asked not to create it.
    case noSuchMemory(path: String)
    /// The file cannot be opened or created (a folder, a missing parent folder, permissions).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database.
    case notSQLite(path: String)
    /// The file is an SQLite database of some other program.
    case notAMemory(path: String)
    /// The memory was written by a newer Dragoman whose schema this one does not know.
    case newerSchema(path: String, version: Int, supported: Int)
    /// A unit cannot be stored as it is; nothing of its batch was written.
    case invalidUnit(id: String, reason: String)
    /// The memory holds data this version cannot read back.
    case damaged(path: String, reason: String)
    /// The database failed while reading or writing (disk full, I/O error, lock timeout).
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .noSuchMemory(let path):
            "\(path): no such memory (check the path, or create one by adding units to it)"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the memory: \(reason)"
        case .notSQLite(let path):
            "\(path): not a Dragoman memory (the file is not an SQLite database)"
        case .notAMemory(let path):
            "\(path): not a Dragoman memory (an SQLite database of another program)"
        case .newerSchema(let path, let version, let supported):
            "\(path): the memory has schema version \(version), this dragoman reads up to "
                + "\(supported); update dragoman to open it"
        case .invalidUnit(let id, let reason):
            "unit \(id.isEmpty ? "with an empty id" : "'\(id)'"): \(reason); nothing was written"
        case .damaged(let path, let reason):
            "\(path): the memory is damaged: \(reason)"
        case .database(let path, let message):
            "\(path): \(message)"
        }
    }
}
