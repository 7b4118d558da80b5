import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

/// `--memory` and `--workspace`, shared by the commands that read or write a memory.
struct MemoryOptions: ParsableArguments {
    @Option(
        help:
            "The translation memory: an SQLite memory file, a TMX file, or a folder of TMX files (default: the workspace's Memories/)."
    )
    var memory: String?

    @Option(
        help:
            "The workspace whose Memories/ and Glossaries/ are the defaults (default: the current folder)."
    )
    var workspace: String?

    /// Opens the memory, creating its store (and importing its TMX files) on first use.
    func open(create: Bool = false) throws -> SQLiteMemory {
        try MemoryLocation(
            memory ?? ((workspace ?? ".") as NSString).appendingPathComponent("Memories")
        )
        .open(create: create)
    }
}

/// Where a memory's SQLite store is, given what the user named.
///
/// - A folder (the workspace's `Memories/`): the store is `FOLDER/.store/memory.sqlite`,
///   built from the folder's `*.tmx` files on first use and rebuilt when one of them is newer.
/// - A TMX file: the store is `.store/NAME.sqlite` beside it, built the same way.
/// - Any other path: an SQLite memory file.
struct MemoryLocation {
    let path: String

    init(_ path: String) { self.path = path }

    func open(create: Bool) throws -> SQLiteMemory {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            let tmx = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { $0.lowercased().hasSuffix(".tmx") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            return try openStore(
                (path as NSString).appendingPathComponent(".store/memory.sqlite"), sources: tmx,
                news: (path as NSString).appendingPathComponent("news"))
        }
        if path.lowercased().hasSuffix(".tmx") {
            guard exists else { throw CLIError("\(path): no such file") }
            let folder = (path as NSString).deletingLastPathComponent
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return try openStore(
                ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(
                    ".store/\(name).sqlite"),
                sources: [path], news: nil)
        }
        do {
            return try SQLiteMemory(path: path, mode: create ? .createIfMissing : .mustExist)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The store built from TMX `sources` (or, when there are none, from the news items in
    /// `news`), rebuilt when a source is newer than the store.
    private func openStore(_ store: String, sources: [String], news: String?) throws -> SQLiteMemory
    {
        let manager = FileManager.default
        func modified(_ file: String) -> Date {
            (try? manager.attributesOfItem(atPath: file)[.modificationDate] as? Date)
                ?? .distantPast
        }
        let storeDate = modified(store)
        var inputs = sources
        if sources.isEmpty, let news, let files = try? manager.contentsOfDirectory(atPath: news) {
            inputs = files.map { (news as NSString).appendingPathComponent($0) }
        }
        let stale =
            manager.fileExists(atPath: store) && inputs.contains { modified($0) > storeDate }
        if stale {
            for suffix in ["", "-wal", "-shm", ".fuzzy"] {
                try? manager.removeItem(atPath: store + suffix)
            }
        }
        let fresh = !manager.fileExists(atPath: store)
        try manager.createDirectory(
            atPath: (store as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        let memory: SQLiteMemory
        do {
            memory = try SQLiteMemory(path: store)
        } catch {
            throw CLIError(error.description)
        }
        if fresh && !inputs.isEmpty {
            do {
                if !sources.isEmpty {
                    try StoreBuilder.importSources(sources, into: memory)
                } else if let news {
                    try StoreBuilder.alignNews(in: news, into: memory)
                }
            } catch {
                for suffix in ["", "-wal", "-shm"] {
                    try? manager.removeItem(atPath: store + suffix)
                }
                throw error
            }
        }
        return memory
    }
}
