import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Dragoman's speed against a baseline run on the same data.",
        discussion: "Build in release mode first: swift build -c release.",
        subcommands: [
            SegmentBench.self, AlignBench.self, LookupBench.self, StoreBench.self, TMXBench.self,
            GlossaryBench.self, PairCheckBench.self, CheckBench.self,
        ]
    )
}

struct SegmentBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Sentence segmentation throughput against ICU's plain sentence iterator."
    )

    @Option(help: "The NTREX development folder with the English, Turkish and German news.")
    var data = "../shared/data/alignment/ntrex-dev"

    @Option(help: "Megabytes of text per language (the news repeated until reached).")
    var megabytes = 2.0

    @Option(help: "Repetitions; the best time of each side counts.")
    var repetitions = 5

    func run() throws {
        // Paragraphs as news items: the lines of the files joined by blank lines, repeated.
        let texts = try NTREXData.repeated(data, megabytes: megabytes, separator: "\n\n")
        #if DEBUG
            Terminal.error("warning: a debug build; run `swift build -c release` for real figures")
        #endif
        let figures = try SegmentationBenchmark(texts: texts, repetitions: repetitions).run()
        print("sentence segmentation, best of \(repetitions) runs (MB = 10^6 bytes of UTF-8)")
        print("lang      MB  sentences  ICU bounds   dragoman MB/s   plain ICU MB/s   ratio")
        var totalBytes = 0
        var totalOurs = 0.0
        var totalICU = 0.0
        for f in figures {
            totalBytes += f.bytes
            totalOurs += f.dragomanSeconds
            totalICU += f.icuSeconds
            print(
                "\(f.language.code.padding(toLength: 4, withPad: " ", startingAt: 0))"
                    + String(
                        format: " %7.2f %10d %11d %15.1f %16.1f %7.2f", Double(f.bytes) / 1e6,
                        f.sentences, f.icuBoundaries, f.dragomanMBps, f.icuMBps, f.ratio))
        }
        let mb = Double(totalBytes) / 1e6
        print(
            "all "
                + String(
                    format: " %7.2f %10@ %11@ %15.1f %16.1f %7.2f", mb, "", "", mb / totalOurs,
                    mb / totalICU, totalICU / totalOurs))
    }
}

struct AlignBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Alignment speed on long documents, and quality on the shared gold data."
    )

    @Option(help: "The shared alignment data folder (NTREX development set and Text+Berg).")
    var data = "../shared/data/alignment"

    @Option(help: "Sentences per document in the speed test.")
    var sentences = 10_000

    @Flag(help: "Only the speed test.")
    var speedOnly = false

    func run() throws {
        #if DEBUG
            Terminal.error("warning: a debug build; run `swift build -c release` for real figures")
        #endif
        let root = URL(fileURLWithPath: data)
        let ntrex = root.appendingPathComponent("ntrex-dev")
        let lines = Dictionary(uniqueKeysWithValues: try NTREXData.lines(ntrex.path))
        let english = lines[.english]!
        let turkish = lines[.turkish]!
        let speed = try AlignmentBenchmark(source: (.english, english), target: (.turkish, turkish))
            .run(count: sentences)
        print(
            "speed: en \(speed.sourceSentences) × tr \(speed.targetSentences) sentences aligned in "
                + String(
                    format: "%.2f s (reference pairs found: %.4f)", speed.seconds, speed.recall))
        guard !speedOnly else { return }
        for (title, perParagraph) in [
            ("paragraphs of 3 lines", Optional(3)), ("one body paragraph", nil),
        ] {
            let documents = try AlignmentEvaluation.ntrexDocuments(
                directory: ntrex, linesPerParagraph: perParagraph)
            for (a, b) in [
                (Language.english, Language.turkish), (.english, .german), (.turkish, .german),
            ] {
                let score = try AlignmentEvaluation.ntrexLinkF1(documents, a, b)
                print("NTREX running text, \(title), \(a)-\(b): link \(score)")
            }
        }
        let textBerg = try AlignmentEvaluation.textBergDocuments(
            directory: root.appendingPathComponent("textberg-defr"),
            names: (0...6).map { "test\($0)" })
        print(
            "Text+Berg test, given sentences, strict blocks: \(try AlignmentEvaluation.textBergStrict(textBerg))"
        )
        print(
            "Text+Berg test, running text, links: \(try AlignmentEvaluation.textBergRunningText(textBerg))"
        )
        let clauses = try AlignmentEvaluation.textBergRunningText(textBerg, splitsClauses: true)
        print("Text+Berg test, running text cut at colons and semicolons too, links: \(clauses)")
    }
}

struct LookupBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract:
            "Fuzzy look-up at scale: import, index, latency and recall against an exhaustive scan.",
        discussion: """
            The memory is written to --memory (replaced) and removed at the end unless \
            --keep-memory is given. Cold processes are measured by running this executable's \
            lookup command on the memory.
            """
    )

    @Option(help: "The NTREX development folder whose sentences are recombined into units.")
    var data = "../shared/data/alignment/ntrex-dev"

    @Option(help: "Units in the memory.")
    var units = 100_000

    @Option(help: "Queries (exact, one word changed, several words changed, unrelated in turn).")
    var queries = 1_000

    @Option(
        name: .customLong("analyze-queries"),
        help: """
            Sentences of the news (as cut by the segmenter, some edited, some new) looked up \
            as `dragoman analyze` looks up each segment: one match of at least 50.
            """)
    var analyzeQueries = 1_000

    @Option(
        name: .customLong("exhaustive-queries"),
        help: "Queries, and as many analysis queries, also answered by an exhaustive scan.")
    var exhaustiveQueries = 100

    @Option(
        name: .customLong("cold-runs"),
        help: "Runs of a new `dragoman lookup` process on the memory, for cold latency.")
    var coldRuns = 20

    @Option(help: "Where the benchmark memory is written (replaced).")
    var memory = "/tmp/dragoman-bench-lookup.sqlite"

    @Flag(name: .customLong("keep-memory"), help: "Keep the memory and its index afterwards.")
    var keepMemory = false

    @Flag(
        name: .customLong("import-only"),
        help: "Stop after the import: no index, look-ups or cold processes.")
    var importOnly = false

    @Flag(
        name: .customLong("reuse-memory"),
        help: """
            Use the memory at --memory again when this benchmark made it with as many units \
            (kept with --keep-memory): no import, the index opened or rebuilt; otherwise \
            make it. The memory is kept afterwards.
            """)
    var reuseMemory = false

    @Flag(
        name: .customLong("whole-units"),
        help: """
            Read each match's whole unit, as `dragoman lookup` shows it; without, matches are \
            found as `dragoman analyze` finds them.
            """)
    var wholeUnits = false

    func run() throws {
        #if DEBUG
            Terminal.error("warning: a debug build; run `swift build -c release` for real figures")
        #endif
        let lines = Dictionary(uniqueKeysWithValues: try NTREXData.lines(data))
        let progress = Terminal.stderrIsTerminal ? CountProgress(label: "bench") : nil
        var report: (@Sendable (String) -> Void)?
        if let progress { report = { message in progress.say(message) } }
        defer {
            if !keepMemory && !reuseMemory {
                for suffix in ["", "-wal", "-shm", ".fuzzy"] {
                    try? FileManager.default.removeItem(atPath: memory + suffix)
                }
            }
        }
        let benchmark = LookupBenchmark(lines: lines, wholeUnits: wholeUnits)
        let figures = try benchmark.run(
            at: memory, units: units, queries: queries, exhaustiveQueries: exhaustiveQueries,
            segments: analyzeQueries, importOnly: importOnly, reuse: reuseMemory, progress: report)
        var cold: [Double] = []
        if !importOnly {
            report?("\(coldRuns) cold look-up processes")
            let coldQueries = benchmark.queries(coldRuns, units: units).map(\.text)
            cold = try ColdLookup(memory: memory, queries: coldQueries).run()
        }
        progress?.finish()
        print(LookupReport(figures: figures, cold: cold).text)
    }
}

struct PairCheckBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairchecks",
        abstract: "Findings of the pair checks per 100 NTREX lines, by check and severity."
    )

    @Option(help: "The NTREX development folder with the English, Turkish and German news.")
    var data = "../shared/data/alignment/ntrex-dev"

    @Option(help: "Findings to print per language pair, for reading by hand.")
    var show = 0

    @Option(help: "The severity of the findings printed with --show: error, warning or info.")
    var severity = "error"

    @Option(help: "Changed-digit lines not caught as errors to print per language pair.")
    var showMissed = 0

    @Option(help: "Print only findings of this check (with --show).")
    var check: String?

    func validate() throws {
        guard CheckSeverity(rawValue: severity) != nil else {
            throw ValidationError("--severity takes error, warning or info, not “\(severity)”.")
        }
    }

    func run() throws {
        let lines = Dictionary(uniqueKeysWithValues: try NTREXData.lines(data))
        let survey = PairCheckSurvey(lines: lines)
        let ids = PairChecks.all.flatMap(\.ids)
        let directions: [(Language, Language)] = [
            (.english, .turkish), (.english, .german), (.turkish, .german),
        ]
        let progress = Terminal.stderrIsTerminal ? CountProgress(label: "pair checks") : nil
        let figures = directions.map { from, to in
            progress?.say("\(from)→\(to)")
            return survey.run(from: from, to: to)
        }
        let recalls = directions.map { from, to in
            progress?.say("\(from)→\(to), a digit changed in each line")
            return survey.changedDigitRecall(from: from, to: to)
        }
        progress?.finish()
        print("pair checks on NTREX line pairs: findings per 100 lines (error / warning / info)")
        print(
            "check".padding(toLength: 22, withPad: " ", startingAt: 0)
                + figures.map {
                    "   \($0.source)→\($0.target)".padding(
                        toLength: 22, withPad: " ", startingAt: 0)
                }
                .joined())
        for id in ids + ["all"] {
            var row = id.padding(toLength: 22, withPad: " ", startingAt: 0)
            for f in figures {
                let cells = CheckSeverity.allCases.reversed().map { severity in
                    id == "all" ? f.perHundredLines(severity) : f.perHundredLines(id, severity)
                }
                row += String(format: "   %5.2f / %5.2f / %5.2f", cells[0], cells[1], cells[2])
            }
            print(row)
        }
        for f in figures {
            print(
                String(
                    format: "%@→%@: %d lines in %.2f s", f.source.code, f.target.code, f.lines,
                    f.seconds))
        }
        print("a digit changed in each target line that has one: caught as error / at all")
        for recall in recalls {
            print(
                String(
                    format: "%@→%@: %d lines, %.1f%% / %.1f%%", recall.source.code,
                    recall.target.code, recall.lines,
                    100 * Double(recall.asError) / Double(max(recall.lines, 1)),
                    100 * Double(recall.asWarningOrError) / Double(max(recall.lines, 1))))
            for pair in recall.notErrors.prefix(showMissed) {
                print("  not an error: \(pair.source)\n             → \(pair.target)")
            }
        }
        guard show > 0, let wanted = CheckSeverity(rawValue: severity) else { return }
        for f in figures {
            let samples = f.samples.filter {
                $0.finding.severity == wanted && (check == nil || $0.finding.check == check)
            }
            print("\n\(wanted) findings \(f.source)→\(f.target) (\(samples.count)):")
            for sample in samples.prefix(show) {
                print("line \(sample.line) [\(sample.finding.check)] \(sample.finding.message)")
                print("  \(sample.pair.source)")
                print("  \(sample.pair.target)")
            }
        }
    }
}

/// The NTREX development files (English news with Turkish and German translations, line by
/// line), which every benchmark reads.
enum NTREXData {
    static let files: [(Language, String)] = [
        (.english, "newstest2019-src.eng.txt"), (.turkish, "newstest2019-ref.tur.txt"),
        (.german, "newstest2019-ref.deu.txt"),
    ]

    /// The lines of each language's file.
    static func lines(_ folder: String) throws -> [(Language, [String])] {
        try files.map { language, name in
            let text = try InputFile.read((folder as NSString).appendingPathComponent(name)).text
            return (
                language,
                text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            )
        }
    }

    /// Each language's lines joined by `separator` and repeated to at least `megabytes`.
    static func repeated(
        _ folder: String, megabytes: Double, separator: String
    ) throws
        -> [(Language, String)]
    {
        try lines(folder).map { language, lines in
            let block = lines.filter { !$0.isEmpty }.joined(separator: separator)
            var text = ""
            while Double(text.utf8.count) < megabytes * 1e6 { text += block + separator }
            return (language, text)
        }
    }
}
