import DragomanKit
import DragomanStore
import Foundation

/// Fills a new store from what a memory folder holds: its TMX files, and the news items in
/// its `news/` folder (`NAME.LANG.txt` or `.html`, the same NAME in two or more languages),
/// aligned as `dragoman align --into` would.
enum StoreBuilder {
    /// Imports TMX files in one transaction, as `dragoman import` does.
    static func importSources(_ sources: [String], into memory: SQLiteMemory) throws {
        try CLIError.wrapping {
            try memory.transaction { transaction in
                for source in sources { _ = try Import.read(source, into: transaction) }
            }
        }
    }

    /// Aligns every news item of `folder` into `memory`, in one transaction per item.
    static func alignNews(in folder: String, into memory: SQLiteMemory) throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var items: [String: [(Language, String)]] = [:]
        for file in files.sorted() {
            let parts = file.split(separator: ".")
            guard parts.count >= 3, ["txt", "html", "htm"].contains(parts.last!.lowercased()),
                let language = Language(tag: String(parts[parts.count - 2]))
            else { continue }
            let name = parts.dropLast(2).joined(separator: ".")
            // One file per language and item: plain text wins over HTML.
            if items[name]?.contains(where: { $0.0 == language }) == true { continue }
            items[name, default: []].append(
                (language, (folder as NSString).appendingPathComponent(file)))
        }
        for (_, item) in items.sorted(by: { $0.key < $1.key }) where item.count >= 2 {
            let ordered = item.sorted { Language.displayOrder($0.0) < Language.displayOrder($1.0) }
            let inputs = try ordered.map { try InputFile.read($0.1) }
            let alignment = try NewsAlignment.make(
                languages: ordered.map(\.0), inputs: inputs.map { ($0.name, $0.text) },
                presplit: false)
            do {
                try memory.add(AlignmentStorage.units(alignment))
            } catch let error as MemoryError {
                throw CLIError(error.description)
            }
        }
    }
}
