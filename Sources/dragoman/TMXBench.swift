import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

struct TMXBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tmx",
        abstract:
            "TMX export and import throughput against Translate Toolkit's TMX parser and writer.",
        discussion: """
            Fills a memory with synthetic tr/en/de units until their TMX is about --megabytes, \
            then times the export, reading the file alone (by the direct byte scanner, and by \
            libxml2 alone as the baseline), the import into a new memory, and Translate \
            Toolkit parsing the same file and serializing what it parsed to a file, the export's \
            like-for-like baseline (the Python of validate-tmx's environment, one run). \
            Two floors show what SQLite alone takes on the same memories (the best of three \
            runs each): stepping every row the export reads, and storing again every row the \
            import wrote (prepared statements, one transaction, the same schema); neither \
            figure can pass its floor. \
            --read FILE times reading FILE only; with --engine, reads it once with that engine \
            (for counting instructions with callgrind).
            """
    )

    enum Engine: String, ExpressibleByArgument, CaseIterable {
        case automatic, libxml2

        var engine: TMXReader.Engine { self == .automatic ? .automatic : .libxml2 }
    }

    @Option(help: "Size of the TMX file to generate, in MB (10^6 bytes).")
    var megabytes = 100.0

    @Option(help: "Folder for the memories and the TMX file (removed afterwards).")
    var folder = FileManager.default.temporaryDirectory.path

    @Option(help: "Time reading this TMX file only, instead of a generated one.")
    var read: String?

    @Option(help: "With --read: read the file once with this engine (automatic or libxml2).")
    var engine: Engine?

    @Option(help: "Keep a copy of the generated TMX file here.")
    var saveTMX: String?

    func run() throws {
        #if DEBUG
            Terminal.error("warning: a debug build; run `swift build -c release` for real figures")
        #endif
        if let read {
            try readOnly(read)
            return
        }
        let work = URL(fileURLWithPath: folder).appendingPathComponent(
            "dragoman-bench-tmx-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let source = try CLIError.wrapping {
            try SQLiteMemory(path: work.appendingPathComponent("source.sqlite").path)
        }
        let units = SyntheticUnits(seed: 11)
        let count = try Self.unitCount(units, megabytes: megabytes)
        try CLIError.wrapping {
            for start in stride(from: 0, to: count, by: 10_000) {
                try source.add(units.units(start..<min(start + 10_000, count)))
            }
        }
        let file = work.appendingPathComponent("bench.tmx").path

        let exportSeconds = try Self.time {
            let destination = try OutputDestination(file)
            defer { destination.abandon() }
            var writer = TMXWriter(sink: destination.write)
            try writer.begin(creationToolVersion: Dragoman.configuration.version)
            try source.forEachTMXRecord { try writer.write($0) }
            try writer.end()
            try destination.commit()
        }
        let bytes =
            (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?
            .intValue ?? 0
        let mb = Double(bytes) / 1e6

        if let saveTMX {
            try? FileManager.default.removeItem(atPath: saveTMX)
            try FileManager.default.copyItem(atPath: file, toPath: saveTMX)
        }
        var parsed = 0
        let parseSeconds = try Self.time {
            try TMXReader().read(.file(file)) { _ in parsed += 1 }
        }
        let libxml2Seconds = try Self.time {
            try TMXReader(engine: .libxml2).read(.file(file)) { _ in }
        }
        let target = try CLIError.wrapping {
            try SQLiteMemory(path: work.appendingPathComponent("target.sqlite").path)
        }
        let importSeconds = try Self.time {
            _ = try target.transaction { transaction in
                try Import.read(file, into: transaction)
            }
        }
        // What SQLite alone takes for the same reads and writes, on the same memories: the
        // best of three, as a floor is the least the work can take.
        let readFloor = try CLIError.wrapping {
            try (0..<3).map { _ in try StoreFloor.read(source).seconds }.min()!
        }
        let insertFloor = try CLIError.wrapping {
            try (0..<3).map { run in
                try StoreFloor.insert(
                    copying: target,
                    into: try SQLiteMemory(
                        path: work.appendingPathComponent("floor-\(run).sqlite").path)
                ).seconds
            }.min()!
        }
        print(
            String(
                format: "TMX of %.1f MB, %d units (%d read back); MB = 10^6 bytes", mb, count,
                parsed))
        print(
            String(
                format: "export (memory -> TMX)        %7.1f MB/s  %6.2f s", mb / exportSeconds,
                exportSeconds))
        print(
            String(
                format: "read (TMX -> units)           %7.1f MB/s  %6.2f s", mb / parseSeconds,
                parseSeconds))
        print(
            String(
                format: "read, libxml2 alone           %7.1f MB/s  %6.2f s  (read is %.1fx)",
                mb / libxml2Seconds, libxml2Seconds, libxml2Seconds / parseSeconds))
        print(
            String(
                format: "import (TMX -> new memory)    %7.1f MB/s  %6.2f s", mb / importSeconds,
                importSeconds))
        print(
            String(
                format:
                    "floor: SQLite reading export's rows %7.1f MB/s  %6.2f s  (export takes %.1fx that)",
                mb / readFloor, readFloor, exportSeconds / readFloor))
        print(
            String(
                format:
                    "floor: SQLite storing import's rows %7.1f MB/s  %6.2f s  (import takes %.1fx that)",
                mb / insertFloor, insertFloor, importSeconds / insertFloor))
        guard
            let translateToolkit = Self.translateToolkitSeconds(
                file, writing: work.appendingPathComponent("translate-toolkit.tmx").path)
        else {
            print(
                "Translate Toolkit baseline unavailable (no validate-tmx Python environment; run validate-tmx once)"
            )
            return
        }
        let baseline = translateToolkit.parse
        print(
            String(
                format: "Translate Toolkit tmxfile     %7.1f MB/s  %6.2f s", mb / baseline, baseline
            ))
        print(
            String(
                format: "ratio: read %.1fx, import %.1fx Translate Toolkit's parsing speed",
                baseline / parseSeconds, baseline / importSeconds))
        print(
            String(
                format:
                    "ratio: SQLite alone reads an export's rows at %.1fx, stores an import's at %.1fx Translate Toolkit's parsing speed",
                baseline / readFloor, baseline / insertFloor))
        if let writing = translateToolkit.write {
            print(
                String(
                    format:
                        "Translate Toolkit serialize   %7.1f MB/s  %6.2f s  (the parsed store, to a file)",
                    mb / writing, writing))
            print(
                String(
                    format:
                        "ratio: export %.1fx Translate Toolkit's writing speed, %.1fx its parsing speed",
                    writing / exportSeconds, baseline / exportSeconds))
        }
    }

    /// Times reading `file` by the reader and by libxml2 alone, against Translate Toolkit; with
    /// ``engine``, reads it once with that engine and prints the units read.
    func readOnly(_ file: String) throws {
        func read(_ engine: Engine, _ body: (TranslationUnit) -> Void) throws {
            do {
                try TMXReader(engine: engine.engine).read(.file(file), body)
            } catch let error as TMXError {
                throw CLIError(error.description)
            }
        }
        if let engine {
            var units = 0
            try read(engine) { _ in units += 1 }
            print("\(units) units read by \(engine.rawValue)")
            return
        }
        let bytes =
            (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?
            .intValue ?? 0
        let mb = Double(bytes) / 1e6
        var seconds: [Engine: Double] = [:]
        for engine in Engine.allCases {
            // The best of three: the machine is shared.
            seconds[engine] = try (0..<3).map { _ in
                try Self.time { try read(engine) { _ in } }
            }.min()
        }
        let (reader, libxml2) = (seconds[.automatic]!, seconds[.libxml2]!)
        print(String(format: "%@: %.1f MB", file, mb))
        print(
            String(format: "read (TMX -> units)           %7.1f MB/s  %6.2f s", mb / reader, reader)
        )
        print(
            String(
                format: "read, libxml2 alone           %7.1f MB/s  %6.2f s  (read is %.1fx)",
                mb / libxml2, libxml2, libxml2 / reader))
        if let baseline = Self.translateToolkitSeconds(file)?.parse {
            print(
                String(
                    format: "Translate Toolkit tmxfile     %7.1f MB/s  %6.2f s", mb / baseline,
                    baseline))
            print(
                String(
                    format: "ratio: read %.1fx Translate Toolkit's parsing speed", baseline / reader
                ))
        }
    }

    /// Units whose TMX comes to about `megabytes`, measured on the first thousand.
    static func unitCount(_ units: SyntheticUnits, megabytes: Double) throws -> Int {
        var bytes = 0
        var writer = TMXWriter { bytes += $0.count }
        try writer.begin(creationToolVersion: "0")
        for unit in units.units(0..<1_000) { try writer.write(unit) }
        try writer.end()
        return max(1, Int(megabytes * 1e6 / (Double(bytes) / 1_000)))
    }

    static func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Seconds Translate Toolkit takes to parse `file`, and with `writing`, to serialize the
    /// parsed store to that file, flushed to disk as an export's file is (both timed inside
    /// Python, in one run); nil when Translate Toolkit cannot be run.
    ///
    /// Serializing what it parsed is Translate Toolkit's nearest work to an export: the same
    /// units, already in memory, written as TMX (the same bytes, for the bench's file).
    static func translateToolkitSeconds(
        _ file: String, writing output: String? = nil
    ) -> (parse: Double, write: Double?)? {
        let cache =
            ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
            ?? (NSHomeDirectory() + "/.cache")
        let python = cache + "/dragoman-tools/venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
        let script = """
            import os, sys, time
            from translate.storage import tmx
            start = time.perf_counter()
            with open(sys.argv[1], 'rb') as f:
                store = tmx.tmxfile(f)
            units = len(store.units)
            parse = time.perf_counter() - start
            if len(sys.argv) > 2:
                start = time.perf_counter()
                with open(sys.argv[2], 'wb') as out:
                    store.serialize(out)
                    out.flush()
                    os.fsync(out.fileno())
                print(parse, units, time.perf_counter() - start)
            else:
                print(parse, units)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, file] + (output.map { [$0] } ?? [])
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard let parse = fields.first.flatMap({ Double($0) }) else { return nil }
        return (parse, fields.count > 2 ? Double(fields[2]) : nil)
    }
}
