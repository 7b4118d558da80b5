import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import TMX 1.1 to 1.4b and XLIFF 1.2/2.0 files into a memory, all or nothing.",
        discussion: """
            Every file is read in one transaction: when one file cannot be read (broken XML, \
            a <tuv> without a language, an entity declaration), the memory stays as it was. \
            A <tu> with a tuid replaces the unit with that id; a <tu> without one gets an id \
            made from its texts, so the same unit imported twice is stored once. XLIFF files \
            (.xlf, .xliff, .xlf2, or an <xliff> root) give one unit per translated segment, \
            with an id made from its texts; standard input is told by its root element.
            """
    )

    @OptionGroup var options: MemoryFileOption

    @Argument(help: "TMX or XLIFF files; - reads standard input (TMX or XLIFF, by its root).")
    var files: [String]

    /// Units handed to the store at a time.
    static let batchSize = 2_000

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: options.memory)
        let memory = try options.open(mode: .createIfMissing)
        do {
            let before = try CLIError.wrapping { try memory.count() }
            let read = try CLIError.wrapping {
                try memory.transaction { transaction in
                    try files.reduce(0) { $0 + (try Self.read($1, into: transaction)) }
                }
            }
            let added = try CLIError.wrapping { try memory.count() } - before
            print(
                "imported \(read) units from \(files.count) file\(files.count == 1 ? "" : "s") "
                    + "into \(options.memory): \(added) new, \(read - added) replaced a unit "
                    + "with the same id")
        } catch {
            // A memory this command created holds nothing of a failed import: remove it.
            if !existed {
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: options.memory + suffix)
                }
            }
            throw error
        }
    }

    /// Reads one file into the transaction; returns the units read.
    static func read(_ file: String, into transaction: MemoryTransaction) throws -> Int {
        let input: TMXReader.Input
        if file == "-" {
            let head = try standardInputHead()
            if case .found("xliff") = XMLRootElement.sniff(head) {
                var bytes = head
                bytes += FileHandle.standardInput.readDataToEndOfFile()
                return try readXLIFF(
                    "<stdin>", into: transaction,
                    reading: { try XLIFFReader.read(data: Data(bytes), path: "<stdin>") })
            }
            input = .restOfStandardInput(head: head)
        } else if isXLIFF(file) {
            return try readXLIFF(file, into: transaction)
        } else {
            input = .file(file)
        }
        var progress = ProgressLine(label: input.name)
        defer { progress.clear() }
        do {
            // Read on a thread of its own while this one writes; warnings and progress come
            // here, between batches.
            let summary = try TMXImport(batchSize: batchSize).read(
                input, into: transaction,
                warning: { message in
                    progress.clear()
                    Terminal.error("dragoman: \(message)")
                },
                progress: { progress.show($0, of: $1) })
            return summary.units
        } catch let error as TMXError {
            throw CLIError(error.description)
        } catch let error as MemoryError {
            throw CLIError("\(input.name): \(error.description)")
        }
    }
}

extension Import {
    /// Whether `file` is XLIFF: by its extension, or by an `<xliff>` root near its start.
    static func isXLIFF(_ file: String) -> Bool {
        let fileExtension = URL(fileURLWithPath: file).pathExtension.lowercased()
        if XLIFFReader.fileExtensions.contains(fileExtension) { return true }
        guard let handle = FileHandle(forReadingAtPath: file) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return XLIFFReader.looksLikeXLIFF(head)
    }

    /// The start of standard input, up to the root element's name (or what there is).
    static func standardInputHead() throws -> [UInt8] {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while head.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes {
                Foundation.read(STDIN_FILENO, $0.baseAddress, $0.count)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw CLIError("<stdin>: cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            head += chunk[..<count]
            if case .needMore = XMLRootElement.sniff(head) { continue }
            break
        }
        return head
    }

    /// Reads the translated units of an XLIFF file into the transaction (read by `reading`
    /// when given); returns their count.
    static func readXLIFF(
        _ file: String, into transaction: MemoryTransaction,
        reading: (() throws -> BilingualDocument)? = nil
    ) throws -> Int {
        let document: BilingualDocument
        do {
            document = try reading?() ?? XLIFFReader.read(contentsOf: URL(fileURLWithPath: file))
        } catch let error as XLIFFError {
            throw CLIError(error.description)
        }
        if document.hasTargets {
            guard let target = document.targetLanguage else {
                throw CLIError(
                    "\(file): the file names no target language (target-language in XLIFF 1.2, "
                        + "trgLang in XLIFF 2), so its translations cannot be stored")
            }
            guard target != document.sourceLanguage else {
                throw CLIError(
                    "\(file): source and target are both \(target): a memory keeps one text "
                        + "per language")
            }
        }
        let units = document.translationUnits(file: file)
        do {
            for start in stride(from: 0, to: units.count, by: batchSize) {
                try transaction.add(Array(units[start..<min(start + batchSize, units.count)]))
            }
            // Written now, so that a failure names this file, not the next one.
            try transaction.flush()
        } catch let error as MemoryError {
            throw CLIError("\(file): \(error.description)")
        }
        return units.count
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a memory as TMX 1.4b.",
        discussion: """
            Without --langs the file is multilingual (srclang="*all*") and holds every unit. \
            With --langs en,tr (or en,tr,de) it holds those languages only, the first as the \
            source language, and leaves out units that lack any of them. The file is written \
            beside the target and renamed into place at the end, so a failed export leaves \
            no partial file; -o - writes standard output.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tmx }

    @OptionGroup var options: MemoryFileOption

    @Option(help: "The exchange format: tmx.")
    var format: Format

    @Option(help: "Languages of a bilingual or trilingual file, source first (en,tr or en,tr,de).")
    var langs: String?

    @Option(name: .shortAndLong, help: "The file to write; - for standard output.")
    var output: String

    func validate() throws {
        _ = try languages()
    }

    func languages() throws -> [Language]? {
        guard let langs else { return nil }
        return try LanguageList.parse(langs, first: "source")
    }

    func run() throws {
        let memory = try options.open(mode: .mustExist)
        let destination = try OutputDestination(output)
        defer { destination.abandon() }
        var writer = TMXWriter(languages: try languages(), sink: destination.write)
        try writer.begin(
            creationToolVersion: Dragoman.configuration.version,
            header: try CLIError.wrapping { try memory.tmxHeader() })
        try CLIError.wrapping { try memory.forEachTMXRecord { try writer.write($0) } }
        try writer.end()
        try destination.commit()
        var summary = "exported \(writer.unitsWritten) units to \(destination.name)"
        if writer.unitsSkipped > 0, let languages = writer.languages {
            summary +=
                "; \(writer.unitsSkipped) units without all of "
                + "\(languages.map(\.code).joined(separator: ", ")) left out"
        }
        Terminal.error(summary)
        if writer.droppedCharacters > 0 {
            Terminal.error(
                "dragoman: warning: \(writer.droppedCharacters) control characters that XML "
                    + "cannot carry were left out of \(destination.name)")
        }
    }
}

/// Where an export goes: a temporary file beside the target, renamed into place by
/// ``commit()``, or standard output.
final class OutputDestination {
    let name: String
    private let target: String?
    private var temporary: String?
    private var descriptor: Int32

    init(_ path: String) throws(CLIError) {
        if path == "-" {
            name = "<stdout>"
            target = nil
            descriptor = STDOUT_FILENO
            return
        }
        name = path
        target = path
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            throw CLIError("\(path): is a directory; name a file to write")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        ).path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw CLIError("\(path): cannot be written (\(String(cString: strerror(errno))))")
        }
        self.temporary = temporary
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(
                    descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else {
                    throw CLIError(
                        "\(name): cannot be written (\(String(cString: strerror(errno))))")
                }
                offset += written
            }
        }
    }

    /// Moves the finished file into place.
    func commit() throws {
        guard let temporary, let target else { return }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            throw CLIError("\(name): cannot be written (\(String(cString: strerror(errno))))")
        }
        descriptor = -1
        guard rename(temporary, target) == 0 else {
            throw CLIError("\(name): cannot be written (\(String(cString: strerror(errno))))")
        }
        self.temporary = nil
    }

    /// Removes the temporary file of an export that did not finish.
    func abandon() {
        guard let temporary else { return }
        if descriptor >= 0 { close(descriptor) }
        unlink(temporary)
        self.temporary = nil
    }
}

/// "reading FILE: 12.5 / 100.0 MB" on stderr while a file is read, when stderr is a terminal.
struct ProgressLine {
    let label: String
    private let enabled = Terminal.stderrIsTerminal
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(label: String) { self.label = label }

    mutating func show(_ bytes: Int, of total: Int?) {
        guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.2 else { return }
        lastDrawn = Date()
        drawn = true
        let read = String(format: "%.1f", Double(bytes) / 1e6)
        let of = total.map { String(format: " / %.1f", Double($0) / 1e6) } ?? ""
        FileHandle.standardError.write(Data("\rreading \(label): \(read)\(of) MB\u{1B}[K".utf8))
    }

    mutating func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
