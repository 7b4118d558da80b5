import ArgumentParser
import DragomanKit
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Dragoman's speed against a baseline run on the same data.",
        discussion: "Build in release mode first: swift build -c release.",
        subcommands: [
            SegmentBench.self, AlignBench.self, StoreBench.self, TMXBench.self, GlossaryBench.self,
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
        let files: [(Language, String)] = [
            (.english, "newstest2019-src.eng.txt"), (.turkish, "newstest2019-ref.tur.txt"),
            (.german, "newstest2019-ref.deu.txt"),
        ]
        var texts: [(Language, String)] = []
        for (language, name) in files {
            let input = try InputFile.read((data as NSString).appendingPathComponent(name))
            // Paragraphs as news items: the lines of the file joined by blank lines, repeated.
            let paragraphs = input.text.split(separator: "\n").joined(separator: "\n\n")
            var text = ""
            while Double(text.utf8.count) < megabytes * 1e6 { text += paragraphs + "\n\n" }
            texts.append((language, text))
        }
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
        func lines(_ name: String) throws -> [String] {
            try InputFile.read(ntrex.appendingPathComponent(name).path).text
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let english = try lines("newstest2019-src.eng.txt")
        let turkish = try lines("newstest2019-ref.tur.txt")
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
    }
}
