import ArgumentParser
import DragomanKit

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split a text into sentences.",
        discussion: """
            Turkish, English and German use Dragoman's rules for abbreviations, titles, \
            ordinals, initials, quotations, ellipses and lists; other languages use ICU's. \
            A blank line always ends a sentence. Offsets in jsonl are Unicode scalar offsets \
            of the input as read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    @Option(help: "Language of the text (BCP 47: tr, en, de, tr-TR, ...).")
    var lang: Language

    @Option(help: "text: one sentence per line; jsonl: {start, end, text} per sentence.")
    var format: Format = .text

    @Flag(help: "Also end segments at a colon or semicolon followed by a space (finer units).")
    var clauses = false

    @Argument(help: "The text file, or - for standard input.")
    var file: String = "-"

    func run() throws {
        let input = try InputFile.read(file)
        let segmenter = try SentenceSegmenter(language: lang, splitsClauses: clauses)
        let out = OutputBuffer()
        for sentence in segmenter.segment(input.text) {
            switch format {
            case .text:
                out.write(Self.oneLine(sentence.text))
                out.write("\n")
            case .jsonl:
                out.write(
                    "{\"start\":\(sentence.start),\"end\":\(sentence.end),\"text\":\(JSONText.quoted(sentence.text))}\n"
                )
            }
        }
        out.flush()
    }

    /// Inner line breaks (CR LF counted once) become spaces.
    static func oneLine(_ text: String) -> String {
        // Every line break starts with one of these bytes in UTF-8 (NEL is C2 85, LS and PS
        // are E2 80 A8/A9); most sentences have none, and are returned as they are.
        guard text.utf8.contains(where: { ($0 >= 0x0A && $0 <= 0x0D) || $0 == 0xC2 || $0 == 0xE2 })
        else { return text }
        guard text.unicodeScalars.contains(where: { isLineBreak($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for s in text.unicodeScalars {
            if s == "\n" && previous == "\r" { continue }
            out.append(isLineBreak(s) ? " " : s)
            previous = s
        }
        return String(out)
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
