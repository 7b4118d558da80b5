import ArgumentParser
import DragomanKit
import Foundation

struct Glossary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find, look up, list, add, import and export glossary terms.",
        discussion: """
            A glossary store is a TSV or CSV file, or a folder of .tsv files. Without \
            --glossary the workspace's Glossaries/ folder is used (of the current directory \
            or of --workspace DIR). See Glossaries/README.md for the columns.
            """,
        subcommands: [
            GlossaryMatchCommand.self, GlossaryLookupCommand.self, GlossaryListCommand.self,
            GlossaryAddCommand.self,
            GlossaryImportCommand.self, GlossaryExportCommand.self, GlossaryExtractCommand.self,
        ]
    )
}

/// `--glossary STORE` and `--workspace DIR`, shared by the glossary commands.
struct GlossaryOptions: ParsableArguments {
    @Option(help: "The glossary: a .tsv or .csv file, or a folder of .tsv files.")
    var glossary: String?

    @Option(help: "The workspace whose Glossaries/ folder is the default store.")
    var workspace: String?

    var storePath: String {
        glossary ?? ((workspace ?? ".") as NSString).appendingPathComponent("Glossaries")
    }

    func open(createIfMissing: Bool = false) throws(CLIError) -> GlossaryStore {
        do {
            return try GlossaryStore.open(storePath, createIfMissing: createIfMissing)
        } catch {
            throw CLIError(error.description)
        }
    }

    func load() throws(CLIError) -> DragomanKit.Glossary {
        do {
            return try open().glossary()
        } catch let error as GlossaryError {
            throw CLIError(error.description)
        } catch {
            throw CLIError("\(storePath): \(error)")
        }
    }
}

extension CLIError {
    init(_ error: GlossaryError) { self.init(error.description) }
}

enum GlossaryOutput: String, ExpressibleByArgument, CaseIterable { case text, json }

/// The usable renderings of an entry per language, preferred first.
func renderings(
    _ entry: GlossaryEntry, except language: Language? = nil
) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for other in entry.languages where other != language {
        result[other.code] = entry.terms(in: other).filter(\.status.isUsable).map(\.text)
    }
    return result
}

func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

struct GlossaryMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find glossary terms in a text, inflected forms included.",
        discussion: """
            Offsets count Unicode scalars of TEXT as given, end exclusive. A hit spelled \
            differently from every term (Izmir for İzmir) has "variant": true; "status" is \
            the term's status (preferred, admitted, deprecated, forbidden).
            """
    )

    @OptionGroup var options: GlossaryOptions

    @Option(help: "Language of the text (BCP 47: tr, en, de, tr-TR, ...).")
    var lang: Language

    @Option(help: "text: one line per match; json: one array.")
    var format: GlossaryOutput = .text

    @Option(help: "Read the text from this file (- for standard input) instead of TEXT.")
    var file: String?

    @Argument(help: "The text to search.")
    var text: String?

    struct Hit: Encodable {
        let start: Int
        let end: Int
        let matched: String
        let term: String
        let entry: String
        let translations: [String: [String]]
        let status: String
        let variant: Bool
        let category: String?
    }

    func validate() throws {
        guard (text == nil) != (file == nil) else {
            throw ValidationError("give either TEXT or --file")
        }
    }

    func run() throws {
        let input = try file.map { try InputFile.read($0).text } ?? text ?? ""
        let glossary = try options.load()
        let matcher = GlossaryMatcher(glossary: glossary, language: lang)
        let hits = matcher.matches(in: input).map { match in
            let entry = glossary[match.entryID]!
            return Hit(
                start: match.start, end: match.end, matched: match.matched, term: match.term.text,
                entry: match.entryID, translations: renderings(entry, except: lang),
                status: match.term.status.rawValue, variant: match.isVariant,
                category: entry.category?.rawValue)
        }
        switch format {
        case .json:
            try printJSON(hits)
        case .text:
            for hit in hits {
                var flags = hit.status == "preferred" ? [] : [hit.status]
                if hit.variant { flags.append("variant spelling") }
                let translations = hit.translations.sorted { $0.key < $1.key }
                    .map { "\($0.key): \($0.value.joined(separator: " | "))" }
                print(
                    "\(hit.start)-\(hit.end)\t\(hit.matched)\t\(hit.term) [\(hit.entry)]"
                        + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))")
                        + "\t\(translations.joined(separator: "; "))")
            }
        }
    }
}

/// An entry as the JSON of `lookup` and `list` shows it.
struct EntryReport: Encodable {
    struct TermReport: Encodable {
        let text: String
        let status: String
        let pos: String?
        let note: String?
    }
    let id: String
    let category: String?
    let note: String?
    let terms: [String: [TermReport]]
    let exclude: [String]?

    init(_ entry: GlossaryEntry) {
        id = entry.id
        category = entry.category?.rawValue
        note = entry.note
        var terms: [String: [TermReport]] = [:]
        for language in entry.languages {
            terms[language.code] = entry.terms(in: language).map {
                TermReport(
                    text: $0.text, status: $0.status.rawValue, pos: $0.partOfSpeech?.rawValue,
                    note: $0.note)
            }
        }
        self.terms = terms
        exclude = entry.exclusions.isEmpty ? nil : entry.exclusions
    }

    var text: String {
        var lines = ["\(id)" + (category.map { " (\($0))" } ?? "")]
        if let note { lines.append("  note: \(note)") }
        for (code, list) in terms.sorted(by: { $0.key < $1.key }) {
            let rendered = list.map {
                $0.status == "preferred" ? $0.text : "\($0.text) [\($0.status)]"
            }
            lines.append("  \(code): \(rendered.joined(separator: " | "))")
            for note in Set(list.compactMap(\.note)).sorted() { lines.append("      \(note)") }
        }
        return lines.joined(separator: "\n")
    }
}

struct GlossaryLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the entries of a term, in any language, with all their renderings.",
        discussion: """
            The term is compared without regard to case and diacritics; an inflected form \
            (Belediye Başkanı'nın, des Oberbürgermeisters) is found through matching.
            """
    )

    @OptionGroup var options: GlossaryOptions

    @Option(help: "Only look in this language.")
    var lang: Language?

    @Option(help: "text or json.")
    var format: GlossaryOutput = .text

    @Argument(help: "The term.")
    var term: String

    func run() throws {
        let glossary = try options.load()
        var entries = glossary.entries(withTerm: term, language: lang)
        if entries.isEmpty {
            // An inflected form: a match that covers the whole query.
            let length = term.unicodeScalars.count
            for language in lang.map({ [$0] }) ?? glossary.languages {
                for match in GlossaryMatcher(glossary: glossary, language: language)
                    .matches(in: term)
                where match.start == 0 && match.end == length
                    && !entries.contains(where: { $0.id == match.entryID })
                {
                    entries.append(glossary[match.entryID]!)
                }
            }
        }
        switch format {
        case .json: try printJSON(entries.map(EntryReport.init))
        case .text:
            guard !entries.isEmpty else {
                Terminal.error("no entry has the term \"\(term)\"")
                return
            }
            print(entries.map { EntryReport($0).text }.joined(separator: "\n\n"))
        }
    }
}

struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the entries of a glossary.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, tsv }

    @OptionGroup var options: GlossaryOptions

    @Option(help: "Only entries of this category (title, place, organisation, person, concept).")
    var category: String?

    @Option(help: "Only entries with a term in this language.")
    var lang: Language?

    @Option(help: "text: one line per entry; json: the entries; tsv: a glossary table.")
    var format: Format = .text

    func run() throws {
        let entries = try options.load().entries.filter { entry in
            (category == nil || entry.category?.rawValue == category)
                && (lang == nil || entry.languages.contains(lang!))
        }
        switch format {
        case .json: try printJSON(entries.map(EntryReport.init))
        case .tsv: print(GlossaryTable.write(entries, format: .tsv), terminator: "")
        case .text:
            let out = OutputBuffer()
            for entry in entries {
                let languages = entry.languages.map { language in
                    "\(language): \(entry.terms(in: language).first?.text ?? "")"
                }
                out.write(
                    "\(entry.id)\t\(entry.category?.rawValue ?? "-")\t"
                        + languages.joined(separator: "\t") + "\n")
            }
            out.flush()
        }
    }
}

struct GlossaryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a glossary, after checking it.",
        discussion: """
            Example: dragoman glossary add --id title-mayor --category title \
            --term en=Mayor --term "tr=Belediye Başkanı" --term "de=Bürgermeister|Bürgermeisterin" \
            --pos noun. Variants are separated by |, a status follows a variant after ! \
            (Izmir!forbidden). In a folder store the entry goes to the file of its category \
            (titles.tsv, places.tsv, organisations.tsv, people.tsv, concepts.tsv).
            """
    )

    @OptionGroup var options: GlossaryOptions

    @Option(help: "The entry's id, unique in the store.")
    var id: String

    @Option(help: "title, place, organisation, person or concept.")
    var category: String?

    @Option(
        name: .customLong("term"),
        help: "LANG=VARIANTS, for example \"tr=İzmir|Izmir!forbidden\"; repeat per language.")
    var terms: [String] = []

    @Option(help: "Part of speech: noun, properNoun, adjective, verb, adverb, other.")
    var pos: String?

    @Option(help: "A note on the entry.")
    var note: String?

    @Option(help: "Phrases in which the terms are not this entry, separated by |.")
    var exclude: String?

    func run() throws {
        var entry = GlossaryEntry(
            id: id, category: category.map { GlossaryCategory(rawValue: $0) }, note: note)
        let partOfSpeech: PartOfSpeech?
        if let pos {
            guard let value = PartOfSpeech(rawValue: pos) else {
                throw CLIError(
                    "unknown part of speech \"\(pos)\"; use one of "
                        + PartOfSpeech.allCases.map(\.rawValue).joined(separator: ", "))
            }
            partOfSpeech = value
        } else {
            partOfSpeech = nil
        }
        for option in terms {
            guard let equals = option.firstIndex(of: "="),
                let language = Language(tag: String(option[..<equals]))
            else { throw CLIError("--term \"\(option)\": write LANG=TERM, for example en=Mayor") }
            do {
                let table = "\(language.code)\n\(option[option.index(after: equals)...])\n"
                let parsed = try GlossaryTable.read(table, format: .tsv).entries.first?.terms ?? []
                entry.terms += parsed.map {
                    var term = $0
                    term.partOfSpeech = partOfSpeech
                    return term
                }
            } catch {
                throw CLIError("--term \"\(option)\": \(error.message)")
            }
        }
        entry.exclusions = (exclude ?? "").split(separator: "|").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        var store = try options.open(createIfMissing: !options.storePath.hasSuffix("/"))
        do {
            let file = try store.add(entry)
            try store.saveAppending(entry)
            Terminal.error("added \(entry.id) to \(file)")
        } catch {
            throw CLIError(error)
        }
    }
}

struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge TSV, CSV or TBX glossaries into a store.",
        discussion: """
            Files are read whole before anything is written. An incoming entry joins the \
            store's entry with the same id, or else one with the same preferred term in some \
            language; it adds the terms, notes and properties the store lacks and changes \
            nothing the store has. Other entries are added. A missing store file is created.
            """
    )

    @OptionGroup var options: GlossaryOptions

    @Argument(help: "TSV (.tsv, .txt), CSV (.csv) or TBX v2/v3 (.tbx, or found by content) files.")
    var files: [String]

    /// Whether the file starts as TBX does, whatever its name.
    private func isTBX(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return TBXReader.looksLikeTBX([UInt8](handle.readData(ofLength: 4096)))
    }

    func run() throws {
        var incoming: [GlossaryEntry] = []
        for path in files {
            let lower = path.lowercased()
            if lower.hasSuffix(".tbx") || isTBX(path) {
                do {
                    incoming += try TBXReader.read(path: path)
                } catch {
                    throw CLIError(error)
                }
                continue
            }
            let input = try InputFile.read(path)
            let firstLine = input.text.prefix { $0 != "\n" && $0 != "\r\n" }
            let format: GlossaryTable.Format =
                lower.hasSuffix(".csv") || (!lower.hasSuffix(".tsv") && !firstLine.contains("\t"))
                ? .csv : .tsv
            do {
                incoming += try GlossaryTable.read(input.text, format: format, file: input.name)
                    .entries
            } catch {
                throw CLIError(error)
            }
        }
        var store = try options.open(createIfMissing: true)
        do {
            let summary = try store.merge(incoming)
            try store.save()
            print(
                "\(incoming.count) entries read: \(summary.added) added, \(summary.merged) merged, "
                    + "\(summary.unchanged) already in \(options.storePath)")
        } catch {
            throw CLIError(error)
        }
    }
}

struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a whole glossary store as one TBX file or TSV or CSV table.",
        discussion: """
            tbx is TBX v3 (ISO 30042:2019, TBX-Basic); tbx2 is TBX v2 (martif), the version \
            OmegaT and Translate Toolkit read.
            """)

    @OptionGroup var options: GlossaryOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case tbx, tbx2, tsv, csv }

    @Option(help: "tbx (v3), tbx2, tsv or csv.")
    var format: Format

    @Option(name: .short, help: "The output file, or - for standard output.")
    var output: String

    func run() throws {
        let glossary = try options.load()
        let text =
            switch format {
            case .tbx: TBXWriter.write(glossary.entries, version: .v3)
            case .tbx2: TBXWriter.write(glossary.entries, version: .v2)
            case .tsv: GlossaryTable.write(glossary.entries, format: .tsv)
            case .csv: GlossaryTable.write(glossary.entries, format: .csv)
            }
        if output == "-" {
            print(text, terminator: "")
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            throw CLIError("\(output): cannot be written (folder missing or no permission)")
        }
    }
}

struct GlossaryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Glossary matching throughput on news text: shipped and synthetic glossaries."
    )

    @Option(help: "The NTREX development folder with the English, Turkish and German news.")
    var data = "../shared/data/alignment/ntrex-dev"

    @OptionGroup var options: GlossaryOptions

    @Option(help: "Megabytes of text per language (the news repeated until reached).")
    var megabytes = 3.0

    @Option(help: "Entries of the synthetic glossary.")
    var entries = 50_000

    @Option(help: "Repetitions; the best time counts.")
    var repetitions = 3

    func run() throws {
        let texts = try NTREXData.repeated(data, megabytes: megabytes, separator: "\n")
        #if DEBUG
            Terminal.error("warning: a debug build; run `swift build -c release` for real figures")
        #endif
        let shipped = try options.load()
        let synthetic = GlossaryBenchmark.syntheticGlossary(entries: entries, texts: texts)
        let benchmark = GlossaryBenchmark(texts: texts, repetitions: repetitions)
        print("glossary matching, best of \(repetitions) runs (MB = 10^6 bytes of UTF-8)")
        print(
            "glossary            entries  lang      MB   matches   build s     MB/s  vs shipped")
        // The shipped glossary on the same text in the same run is the baseline: the ratio
        // is what the glossary's size costs, measured under the same conditions.
        var baseline: [Language: Double] = [:]
        for (name, glossary) in [("shipped", shipped), ("synthetic", synthetic)] {
            for f in benchmark.run(glossary) {
                if name == "shipped" { baseline[f.language] = f.megabytesPerSecond }
                let ratio = f.megabytesPerSecond / (baseline[f.language] ?? f.megabytesPerSecond)
                print(
                    name.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(
                            format: " %8d  %-4@ %7.2f %9d %9.3f %8.1f %10.2f", f.entries,
                            f.language.code, Double(f.bytes) / 1e6, f.matches, f.buildSeconds,
                            f.megabytesPerSecond, ratio))
            }
        }
    }
}
