import ArgumentParser
import DragomanKit
import Foundation

struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align the same news item in two or three languages, sentence by sentence.",
        discussion: """
            Each FILE is a news item: plain text or an HTML page, page furniture (menus, share \
            buttons, "Previous News") included; Dragoman finds the article, cuts it into \
            sentences and aligns them. Give --lang before each file: \
            dragoman align --lang en item.en.html --lang tr item.tr.html --lang de item.de.html
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, tsv, html }

    @Option(
        name: .customLong("lang"), help: "The language of the file that follows (repeat per file).")
    var languages: [Language] = []

    @Argument(help: "The news item files, one after each --lang.")
    var files: [String] = []

    @Option(help: "jsonl: one bead per line; tsv: a table; html: a review page.")
    var format: Format = .jsonl

    @Flag(help: "Input is already split: one sentence per line, blank lines between paragraphs.")
    var presplit = false

    @Flag(help: "Also end segments at a colon or semicolon followed by a space (finer units).")
    var clauses = false

    @Option(help: "Also store the aligned units in this translation memory.")
    var into: String?

    func validate() throws {
        guard languages.count >= 2 else {
            throw ValidationError("give at least two --lang LANG FILE pairs")
        }
        guard languages.count == files.count else {
            throw ValidationError(
                "every file needs its own --lang before it (\(languages.count) --lang for \(files.count) files)"
            )
        }
        guard Set(languages).count == languages.count else {
            throw ValidationError("each language may appear only once")
        }
    }

    func run() throws {
        let inputs = try files.map { try InputFile.read($0) }
        let alignment = try NewsAlignment.make(
            languages: languages, inputs: inputs.map { ($0.name, $0.text) }, presplit: presplit,
            splitsClauses: clauses)
        if let into {
            try AlignmentStorage.store(alignment, into: into)
        }
        let out = OutputBuffer()
        switch format {
        case .jsonl: AlignmentOutput.jsonl(alignment, to: out)
        case .tsv: AlignmentOutput.tsv(alignment, to: out)
        case .html: out.write(AlignmentReviewPage(alignment).html())
        }
        out.flush()
    }
}

/// The result of aligning one news item: each language's document and item, and the beads.
struct NewsAlignment {
    var languages: [Language]
    var files: [String]
    var documents: [AlignmentDocument]
    var items: [NewsItem?]
    var beads: [MultilingualBead]

    static func make(
        languages: [Language], inputs: [(name: String, text: String)], presplit: Bool,
        splitsClauses: Bool = false
    ) throws
        -> NewsAlignment
    {
        var documents: [AlignmentDocument] = []
        var items: [NewsItem?] = []
        if presplit {
            for (language, input) in zip(languages, inputs) {
                documents.append(Self.presplitDocument(input.text, language))
                items.append(nil)
            }
        } else {
            let read = NewsReader().read(
                pages: inputs.map { NewsPage(text: $0.text, fileName: $0.name) })
            for (language, item) in zip(languages, read) {
                let paragraphs = (item.title.map { [$0] } ?? []) + item.paragraphs
                let segmenter = try SentenceSegmenter(
                    language: language, splitsClauses: splitsClauses)
                documents.append(
                    AlignmentDocument(
                        language: language, paragraphs: paragraphs.map(\.text), segmenter: segmenter
                    ) { p, k in paragraphs[p].sourceOffset(k) })
                items.append(item)
            }
        }
        let beads = try MultilingualAligner().align(documents)
        return NewsAlignment(
            languages: languages, files: inputs.map(\.name), documents: documents, items: items,
            beads: beads)
    }

    /// One sentence per line; a blank line starts a new paragraph.
    static func presplitDocument(_ text: String, _ language: Language) -> AlignmentDocument {
        var sentences: [AlignmentSentence] = []
        var paragraph = 0
        var offset = 0
        var blank = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.unicodeScalars.count
            var content = Substring(line)
            if content.hasSuffix("\r") { content = content.dropLast() }
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                blank = true
            } else {
                if blank && !sentences.isEmpty { paragraph += 1 }
                blank = false
                let lead = content.unicodeScalars.prefix { $0.properties.isWhitespace }.count
                sentences.append(
                    AlignmentSentence(
                        text: trimmed, start: offset + lead,
                        end: offset + lead + trimmed.unicodeScalars.count,
                        paragraph: paragraph))
            }
            offset += length + 1
        }
        return AlignmentDocument(language: language, sentences: sentences)
    }

    /// The sentences of `language` in a bead.
    func sentences(_ bead: MultilingualBead, _ language: Language) -> [AlignmentSentence] {
        guard let index = languages.firstIndex(of: language), let range = bead.ranges[language]
        else { return [] }
        return Array(documents[index].sentences[range])
    }
}

enum AlignmentOutput {
    static func jsonl(_ alignment: NewsAlignment, to out: OutputBuffer) {
        for bead in alignment.beads {
            var segments: [String] = []
            for language in alignment.languages {
                let list = alignment.sentences(bead, language).map {
                    "{\"start\":\($0.start),\"end\":\($0.end),\"text\":\(JSONText.quoted($0.text))}"
                }
                segments.append(
                    "\(JSONText.quoted(language.code)):[\(list.joined(separator: ","))]")
            }
            let score = (bead.score * 10_000).rounded() / 10_000
            out.write(
                "{\"score\":\(score),\"flagged\":\(bead.flagged),\"segments\":{\(segments.joined(separator: ","))}}\n"
            )
        }
    }

    /// A header of language codes, then per bead the score, a flag and each language's text.
    static func tsv(_ alignment: NewsAlignment, to out: OutputBuffer) {
        out.write(
            (["score", "flagged"] + alignment.languages.map(\.code)).joined(separator: "\t") + "\n")
        for bead in alignment.beads {
            var cells = [String(format: "%.4f", bead.score), bead.flagged ? "yes" : ""]
            for language in alignment.languages {
                cells.append(
                    alignment.sentences(bead, language).map(\.text).joined(separator: " ")
                        .replacingOccurrences(of: "\t", with: " ").replacingOccurrences(
                            of: "\n", with: " "))
            }
            out.write(cells.joined(separator: "\t") + "\n")
        }
    }
}
