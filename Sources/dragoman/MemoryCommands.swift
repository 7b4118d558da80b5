import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

struct Memory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inspect translation memories.",
        subcommands: [MemoryInfo.self]
    )
}

/// `--memory PATH`, shared by the commands that use a translation memory.
/// An explicit SQLite memory file, for commands that must not fall back to the workspace.
struct MemoryFileOption: ParsableArguments {
    @Option(help: "The translation memory (an SQLite file).")
    var memory: String

    /// Opens the memory; failures become one-line errors with exit status 2.
    func open(mode: SQLiteMemory.OpenMode) throws(CLIError) -> SQLiteMemory {
        do {
            return try SQLiteMemory(path: memory, mode: mode)
        } catch {
            throw CLIError(error.description)
        }
    }
}

struct MemoryInfo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Units, languages, documents, size and schema version of a memory.",
        discussion: "With --check, SQLite's integrity and foreign-key checks run as well."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var options: MemoryOptions

    @Option(help: "text, or json: one JSON object.")
    var format: Format = .text

    @Flag(help: "Check the file's integrity (reads all of it); exit status 2 when damaged.")
    var check = false

    struct Report: Encodable {
        let path: String
        let schemaVersion: Int
        let units: Int
        let flaggedUnits: Int
        let languages: [String]
        let variants: [String: Int]
        let documents: Int
        let fileBytes: Int
        let walBytes: Int
        let integrity: String?
    }

    func run() throws {
        let memory = try options.open()
        let report = try CLIError.wrapping {
            let statistics = try memory.statistics()
            let sizes = memory.fileSizes()
            let problems = check ? try memory.integrityProblems() : nil
            return Report(
                path: memory.path, schemaVersion: try memory.storedSchemaVersion(),
                units: statistics.units, flaggedUnits: statistics.flaggedUnits,
                languages: statistics.languages.map(\.code),
                variants: Dictionary(
                    uniqueKeysWithValues: statistics.variants.map { ($0.key.code, $0.value) }),
                documents: statistics.documents, fileBytes: sizes.database, walBytes: sizes.wal,
                integrity: problems.map { $0.isEmpty ? "ok" : $0.joined(separator: "; ") })
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(Self.text(report))
        }
        if let integrity = report.integrity, integrity != "ok" {
            throw CLIError("\(report.path): the memory is damaged: \(integrity)")
        }
    }

    static func text(_ report: Report) -> String {
        let languages = report.languages.map { "\($0) \(report.variants[$0] ?? 0)" }
        var lines = [
            "memory     \(report.path)",
            "schema     \(report.schemaVersion)",
            "units      \(report.units) (\(report.flaggedUnits) flagged)",
            "languages  \(languages.isEmpty ? "none" : languages.joined(separator: ", "))",
            "documents  \(report.documents)",
            "size       \(megabytes(report.fileBytes)) (write-ahead log \(megabytes(report.walBytes)))",
        ]
        if let integrity = report.integrity { lines.append("integrity  \(integrity)") }
        return lines.joined(separator: "\n")
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.2f MB", Double(bytes) / 1e6)
    }
}

struct StoreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Write throughput of a memory: synthetic tr/en/de units in transactions.",
        discussion: """
            Units are generated from --seed (unit ids bench-SEED-N), so runs with different \
            seeds add different units to one memory, and a run can be repeated exactly.
            """
    )

    @OptionGroup var options: MemoryFileOption

    @Option(help: "Units to write.")
    var units = 10_000

    @Option(help: "Units per transaction.")
    var batch = 1_000

    @Option(help: "Seed of the synthetic text and of the unit ids.")
    var seed: UInt64 = 1

    @Flag(help: "Print the units stored so far on stderr after each transaction.")
    var progress = false

    func validate() throws {
        guard units >= 0 else { throw ValidationError("--units must be 0 or more") }
        guard batch >= 1 else { throw ValidationError("--batch must be 1 or more") }
    }

    func run() throws {
        let memory = try options.open(mode: .createIfMissing)
        #if DEBUG
            Terminal.error("warning: a debug build; run `swift build -c release` for real figures")
        #endif
        let benchmark = StoreBenchmark(
            units: SyntheticUnits(seed: seed), count: units, batchSize: batch)
        let figures = try CLIError.wrapping {
            try benchmark.run(on: memory) { stored in
                if progress { Terminal.error("stored \(stored)") }
            }
        }
        print(
            "wrote \(figures.units) units in \(figures.transactions) transactions of up to "
                + "\(batch): "
                + String(
                    format: "%.0f units/s (%.2f s writing, %.2f s in all)",
                    figures.unitsPerSecond, figures.writeSeconds, figures.totalSeconds))
    }
}

extension CLIError {
    /// Runs `body`; a ``MemoryError`` becomes a one-line error with exit status 2.
    static func wrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MemoryError {
            throw CLIError(error.description)
        }
    }
}
