import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

struct GlossaryExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose new glossary entries from an aligned memory, for review.",
        discussion: """
            Capitalised names and titles are found in each language and paired across the \
            aligned units by association statistics (log-likelihood ratio and Dice over the \
            units they share), the first of --langs as the pivot. Terms the glossary already \
            has are left out. The TSV is a glossary table with evidence columns (score, dice, \
            frequency, example_unit, example_text): delete the rows you reject, correct the \
            others and load it with `dragoman glossary import`. The memory is the workspace's \
            Memories/ unless --memory names an SQLite memory, a TMX file or a folder; \
            --lines LANG=FILE reads line-aligned plain texts instead (line i of each file is \
            one unit).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @Option(help: "The translation memory: an SQLite memory file, a TMX file or a folder.")
    var memory: String?

    @Option(
        name: .customLong("lines"),
        help: "LANG=FILE: a line-aligned text instead of a memory; repeat per language.")
    var lines: [String] = []

    @Option(help: "The glossary whose terms are not proposed again (default: Glossaries/).")
    var glossary: String?

    @Flag(help: "Propose terms the glossary has as well; no glossary is read.")
    var keepKnown = false

    @Option(help: "The workspace whose Memories/ and Glossaries/ are the defaults.")
    var workspace: String?

    @Option(help: "Languages, the pivot first: en,tr,de or en,tr.")
    var langs = "en,tr,de"

    @Option(help: "Units in which a term, and a pair of terms, must occur.")
    var minFrequency = 2

    @Option(help: "At most this many entries, best first.")
    var top = 200

    @Option(help: "tsv: a glossary table for review; json: entries with their statistics.")
    var format: Format = .tsv

    @Option(name: .short, help: "The file to write; - (the default) for standard output.")
    var output = "-"

    func validate() throws {
        _ = try languages()
        guard minFrequency >= 1 else { throw ValidationError("--min-frequency must be 1 or more") }
        guard top >= 1 else { throw ValidationError("--top must be 1 or more") }
        guard !keepKnown || glossary == nil else {
            throw ValidationError("--keep-known reads no glossary; leave out --glossary")
        }
        guard memory == nil || lines.isEmpty else {
            throw ValidationError("give either --memory or --lines, not both")
        }
    }

    func languages() throws -> [Language] {
        try LanguageList.parse(langs, first: "pivot")
    }

    struct Report: Encodable {
        let id: String
        let category: String?
        let terms: [String: String]
        let score: Double
        let dice: Double
        let frequency: Int
        let example: Example
        let pairs: [String: Pair]

        struct Example: Encodable {
            let unit: String
            let text: String
        }
        struct Pair: Encodable {
            let both: Int
            let pivot: Int
            let other: Int
            let units: Int
            let dice: Double
            let llr: Double
        }
    }

    func run() throws {
        let languages = try languages()
        let units = try lines.isEmpty ? memoryUnits() : lineUnits(languages)
        let known = keepKnown ? nil : try glossaryOptions().load()
        let progress = Terminal.stderrIsTerminal ? CountProgress(label: "extract") : nil
        let extractor = TermExtractor(
            languages: languages, minimumFrequency: minFrequency, glossary: known)
        let entries = try extractor.extract(units) { progress?.update($0, of: units.count) }
            .prefix(top)
        progress?.finish()
        let destination = try OutputDestination(output)
        defer { destination.abandon() }
        switch format {
        case .tsv:
            try destination.write(
                Array(ExtractedEntry.table(Array(entries), languages: languages).utf8))
        case .json:
            let reports = entries.map { entry in
                Report(
                    id: entry.suggestedID(pivot: languages[0]),
                    category: entry.category?.rawValue,
                    terms: Dictionary(
                        uniqueKeysWithValues: entry.terms.map { ($0.key.code, $0.value) }),
                    score: entry.score, dice: entry.dice, frequency: entry.frequency,
                    example: Report.Example(unit: entry.exampleUnit, text: entry.exampleText),
                    pairs: Dictionary(
                        uniqueKeysWithValues: entry.pairs.map { language, pair in
                            (
                                "\(languages[0].code)-\(language.code)",
                                Report.Pair(
                                    both: pair.both, pivot: pair.first, other: pair.second,
                                    units: pair.units, dice: pair.dice, llr: pair.logLikelihood)
                            )
                        }))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            try destination.write(Array(try encoder.encode(reports)) + [0x0A])
        }
        try destination.commit()
        if output != "-" {
            Terminal.error("\(entries.count) proposals written to \(output)")
        }
    }

    private func glossaryOptions() throws -> GlossaryOptions {
        var options = GlossaryOptions()
        options.glossary = glossary
        options.workspace = workspace
        return options
    }

    /// Every unit of the memory, read through the store.
    private func memoryUnits() throws -> [ExtractionUnit] {
        let path = memory ?? ((workspace ?? ".") as NSString).appendingPathComponent("Memories")
        let store = try MemoryLocation(path).open(create: false)
        var units: [ExtractionUnit] = []
        try CLIError.wrapping {
            try store.forEachUnit { unit in
                units.append(
                    ExtractionUnit(id: unit.id, texts: unit.variants.mapValues(\.text)))
            }
        }
        return units
    }

    /// Units made of the lines of line-aligned files: unit i is line i of each file.
    private func lineUnits(_ languages: [Language]) throws -> [ExtractionUnit] {
        var files: [Language: [String]] = [:]
        var count: Int?
        var first = ""
        for option in lines {
            guard let equals = option.firstIndex(of: "="),
                let language = Language(tag: String(option[..<equals]))
            else {
                throw CLIError("--lines \"\(option)\": write LANG=FILE, for example en=news.en.txt")
            }
            let path = String(option[option.index(after: equals)...])
            let input = try InputFile.read(path)
            var list = input.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            if list.last == "" { list.removeLast() }
            if let count, count != list.count {
                throw CLIError(
                    "\(path): \(list.count) lines, but \(first) has \(count); the files must be line-aligned"
                )
            }
            count = list.count
            first = path
            files[language] = list
        }
        for language in languages where files[language] == nil {
            throw CLIError("--lines: no file for \(language) (give --lines \(language)=FILE)")
        }
        return (0..<(count ?? 0)).map { index in
            ExtractionUnit(
                id: "line-\(index + 1)",
                texts: files.mapValues { $0[index] }.filter { !$0.value.isEmpty })
        }
    }
}
