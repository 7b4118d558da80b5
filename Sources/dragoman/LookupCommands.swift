import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

/// Opens the look-up index of a memory, reporting a rebuild on a terminal.
func openLookup(_ memory: SQLiteMemory) throws -> MemoryLookup {
    let progress = Terminal.stderrIsTerminal ? CountProgress(label: "indexing the memory") : nil
    defer { progress?.finish() }
    var report: (@Sendable (Int, Int) -> Void)?
    if let progress { report = { done, total in progress.update(done, of: total) } }
    do {
        return try MemoryLookup(memory: memory, progress: report)
    } catch let error as MemoryError {
        throw CLIError(error.description)
    }
}

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Find earlier translations of a sentence: fuzzy matches from the memory, best first."
    )

    @OptionGroup var memory: MemoryOptions
    @Option(help: "The language of TEXT.") var from: Language
    @Option(help: "The language of the translations.") var to: Language
    @Option(name: .customLong("min-score"), help: "The lowest score shown (0-100).") var minScore =
        50
    @Option(help: "How many matches at most.") var max = 5
    @Option(help: "text (default) or json.") var format: OutputFormat = .text
    @Argument(help: "The sentence to look up.") var text: String

    func run() throws {
        let lookup = try openLookup(try memory.open())
        let matches = try lookup.lookup(text, from: from, to: to, minScore: minScore, max: max)
        let out = OutputBuffer()
        if format == .text {
            let query = TextNormalizer().normalize(text)
            if matches.isEmpty { out.write("no match of \(minScore) or more\n") }
            for match in matches {
                out.write(
                    Highlight.matchReport(match, query: query, color: Terminal.stdoutIsTerminal))
            }
        } else {
            out.write("[" + matches.map { JSONReport.match($0) }.joined(separator: ",") + "]\n")
        }
        out.flush()
    }
}

struct Concordance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find a word or phrase in the memory, with its translations.",
        discussion:
            "Case, accents and the Turkish dotted and dotless I are ignored: istanbul finds İSTANBUL'da."
    )

    @OptionGroup var memory: MemoryOptions
    @Option(help: "The language to search in.") var lang: Language
    @Option(help: "How many hits at most.") var max = 50
    @Option(help: "text (default) or json.") var format: OutputFormat = .text
    @Argument(help: "The word or phrase.") var phrase: String

    func run() throws {
        let lookup = try openLookup(try memory.open())
        let hits = try lookup.concordance(phrase, language: lang, max: max)
        let out = OutputBuffer()
        if format == .text {
            if hits.isEmpty { out.write("no unit contains \"\(phrase)\"\n") }
            for hit in hits {
                out.write(Highlight.concordanceLine(hit, color: Terminal.stdoutIsTerminal))
            }
        } else {
            out.write("[" + hits.map { JSONReport.hit($0) }.joined(separator: ",") + "]\n")
        }
        out.flush()
    }
}

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Look up every sentence of a news item and report match bands, as a CAT tool's analysis does."
    )

    static let bands: [(name: String, range: ClosedRange<Int>)] = [
        ("100", 100...100), ("95-99", 95...99), ("85-94", 85...94), ("75-84", 75...84),
        ("50-74", 50...74),
    ]

    @OptionGroup var memory: MemoryOptions
    @Option(help: "The language of the news item.") var from: Language
    @Option(help: "The language of the translations.") var to: Language
    @Option(help: "text (default), json or jsonl.") var format: OutputFormat = .text
    @Argument(help: "The news item (plain text or HTML), or - for standard input.") var file: String

    func run() throws {
        let input = try InputFile.read(file)
        let item = NewsReader().read(input.text, fileName: input.name)
        let paragraphs = (item.title.map { [$0] } ?? []) + item.paragraphs
        let document = AlignmentDocument(
            language: from, paragraphs: paragraphs.map(\.text),
            segmenter: try SentenceSegmenter(language: from)
        ) { p, k in paragraphs[p].sourceOffset(k) }
        let lookup = try openLookup(try memory.open())
        var counts: [String: (segments: Int, words: Int)] = [:]
        var segments: [String] = []
        let out = OutputBuffer()
        let progress =
            Terminal.stderrIsTerminal && document.sentences.count > 200
            ? CountProgress(label: "analysing") : nil
        for (index, sentence) in document.sentences.enumerated() {
            let best = try lookup.lookup(
                sentence.text, from: from, to: to, minScore: 50, max: 1, wholeUnits: false
            ).first
            let band =
                best.flatMap { match in Self.bands.first { $0.range.contains(match.score) }?.name }
                ?? "no-match"
            counts[band, default: (0, 0)].segments += 1
            counts[band, default: (0, 0)].words += WordCount.words(sentence.text)
            let object = JSONReport.segment(sentence, best)
            switch format {
            case .jsonl: out.write(object + "\n")
            case .json: segments.append(object)
            case .text:
                let score = best.map { String(format: "%3d", $0.score) } ?? "  -"
                out.write("\(score)  \(sentence.text)\n")
            }
            progress?.update(index + 1, of: document.sentences.count)
        }
        progress?.finish()
        let names = Self.bands.map(\.name) + ["no-match"]
        switch format {
        case .json:
            let bands = names.map { "\"\($0)\":\(counts[$0]?.segments ?? 0)" }.joined(
                separator: ",")
            let words = names.map { "\"\($0)\":\(counts[$0]?.words ?? 0)" }.joined(separator: ",")
            out.write(
                "{\"bands\":{\(bands)},\"words\":{\(words)},\"segments\":[\(segments.joined(separator: ","))]}\n"
            )
        case .text:
            out.write("\nband        segments     words\n")
            for name in names {
                let c = counts[name] ?? (0, 0)
                out.write(
                    name.padding(toLength: 10, withPad: " ", startingAt: 0)
                        + String(format: "%10d %9d\n", c.segments, c.words))
            }
            let total = counts.values.reduce((0, 0)) { ($0.0 + $1.segments, $0.1 + $1.words) }
            out.write("total     " + String(format: "%10d %9d\n", total.0, total.1))
        case .jsonl: break
        }
        out.flush()
    }
}

/// Word counts as analysis reports give them: tokens with a letter or a digit.
enum WordCount {
    static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { word in
            word.unicodeScalars.contains {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }
        }.count
    }
}

enum JSONReport {
    static func match(_ match: LookupMatch) -> String {
        var fields = [
            "\"score\":\(match.score)", "\"source\":\(JSONText.quoted(match.source))",
            "\"target\":\(JSONText.quoted(match.target))",
            "\"id\":\(JSONText.quoted(match.unitID))",
        ]
        let differences = match.differences.map { d -> String in
            var parts = ["\"kind\":\(JSONText.quoted(d.kind.rawValue))"]
            if let q = d.query {
                parts.append("\"query\":{\"start\":\(q.lowerBound),\"end\":\(q.upperBound)}")
            }
            if let s = d.source {
                parts.append("\"source\":{\"start\":\(s.lowerBound),\"end\":\(s.upperBound)}")
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
        fields.append("\"differences\":[\(differences.joined(separator: ","))]")
        if let provenance = match.unit?.provenance {
            var p = ["\"document\":\(JSONText.quoted(provenance.documentID))"]
            if let url = provenance.url { p.append("\"url\":\(JSONText.quoted(url))") }
            if let date = provenance.date { p.append("\"date\":\(JSONText.quoted(date))") }
            fields.append("\"provenance\":{\(p.joined(separator: ","))}")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func hit(_ hit: ConcordanceHit) -> String {
        let translations = hit.translations.sorted {
            Language.displayOrder($0.key) < Language.displayOrder($1.key)
        }
        .map { "\(JSONText.quoted($0.key.code)):\(JSONText.quoted($0.value))" }.joined(
            separator: ",")
        return
            "{\"id\":\(JSONText.quoted(hit.unitID)),\"text\":\(JSONText.quoted(hit.text)),\"start\":\(hit.start),\"end\":\(hit.end),\"translations\":{\(translations)}}"
    }

    static func segment(_ sentence: AlignmentSentence, _ best: LookupMatch?) -> String {
        let bestJSON =
            best.map { m in
                "{\"score\":\(m.score),\"source\":\(JSONText.quoted(m.source)),\"target\":\(JSONText.quoted(m.target)),\"id\":\(JSONText.quoted(m.unitID))}"
            } ?? "null"
        return
            "{\"start\":\(sentence.start),\"end\":\(sentence.end),\"text\":\(JSONText.quoted(sentence.text)),\"best\":\(bestJSON)}"
    }
}

/// Terminal rendering of matches and hits, with the differences marked.
enum Highlight {
    static func matchReport(_ match: LookupMatch, query: String, color: Bool) -> String {
        let (on, off, dim) = color ? ("\u{1B}[1;33m", "\u{1B}[0m", "\u{1B}[2m") : ("[", "]", "")
        let sourceMarks = match.differences.compactMap(\.source)
        var lines = "\(match.score)%  \(mark(match.source, sourceMarks, on, off))\n"
        lines += "      → \(match.target)\n"
        if !match.differences.isEmpty {
            let kinds = match.differences.map(\.kind.rawValue)
            lines +=
                "      \(dim)differences: \(kinds.joined(separator: ", "))\(color ? "\u{1B}[0m" : "")\n"
        }
        if let provenance = match.unit?.provenance {
            lines +=
                "      \(dim)\(match.unitID) · \(provenance.documentID)\(provenance.date.map { " · \($0)" } ?? "")\(color ? "\u{1B}[0m" : "")\n"
        }
        return lines
    }

    static func concordanceLine(_ hit: ConcordanceHit, color: Bool) -> String {
        let (on, off) = color ? ("\u{1B}[1;32m", "\u{1B}[0m") : ("[", "]")
        var lines = "\(hit.unitID)  \(mark(hit.text, [hit.start..<hit.end], on, off))\n"
        for (language, text) in hit.translations.sorted(by: {
            Language.displayOrder($0.key) < Language.displayOrder($1.key)
        }) {
            lines += "      \(language.code): \(text)\n"
        }
        return lines
    }

    /// `text` with the scalar ranges wrapped in `on` … `off`.
    static func mark(_ text: String, _ ranges: [Range<Int>], _ on: String, _ off: String) -> String
    {
        guard !ranges.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        let marked = ranges.sorted { $0.lowerBound < $1.lowerBound }
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if marked.contains(where: { $0.lowerBound == index }) {
                out.append(contentsOf: on.unicodeScalars)
            }
            out.append(scalar)
            if marked.contains(where: { $0.upperBound == index + 1 }) {
                out.append(contentsOf: off.unicodeScalars)
            }
        }
        return String(out)
    }
}

/// A progress line on stderr, redrawn in place; only used when stderr is a terminal.
final class CountProgress: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var last = Date.distantPast

    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 || done == total else { return }
        last = now
        let percent = total > 0 ? 100 * done / total : 100
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) (\(percent)%)".utf8))
    }

    func say(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(message)".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
