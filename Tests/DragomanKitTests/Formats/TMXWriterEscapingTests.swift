import DragomanKit
import Foundation
import Testing

/// The writer's escaping and dates checked against plain references, over texts that put
/// every kind of character at every place in an eight-byte word.
struct TMXWriterEscapingTests {
    /// Pieces of text: plain runs of many lengths, the characters escaped or left out, and
    /// characters whose UTF-8 starts like U+FFFE and U+FFFF does.
    static let pieces: [String] = [
        "", "a", "İz", "mir", "Straße", "Körfez’in kıyısında", "0123456789abcdef", "ğüşıöç",
        "&", "<", ">", "\"", "'", "\r", "\t", "\n", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}",
        "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{F000}", "\u{FEFF}", "\u{EFBF}", "😀", "é",
        "&amp;", "]]>",
    ]

    /// Texts made of the pieces in a fixed pseudo-random order.
    static func texts() -> [String] {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var texts = pieces
        for length in 1...400 {
            texts.append((0..<(length % 23 + 1)).map { _ in pieces[next(pieces.count)] }.joined())
        }
        // A special character after every length of plain run, at the end and before it.
        for piece in ["&", "\"", "\u{1}", "\u{FFFF}", "\r", "\u{FFFD}"] {
            for run in 0...17 {
                let plain = String(repeating: "x", count: run)
                texts += [plain + piece, piece + plain, plain + piece + plain]
            }
        }
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }
    }

    /// The escaping the writer promises, character by character.
    static func reference(_ text: String, attribute: Bool) -> (String, dropped: Int) {
        var out = ""
        var dropped = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": dropped += 1
            default: out.unicodeScalars.append(scalar)
            }
        }
        return (out, dropped)
    }

    static func write(_ unit: TranslationUnit) throws -> (String, dropped: Int) {
        var output: [UInt8] = []
        var writer = TMXWriter { output += $0 }
        try writer.begin(creationToolVersion: "1", date: Date(timeIntervalSince1970: 0))
        try writer.write(unit)
        try writer.end()
        return (String(decoding: output, as: UTF8.self), writer.droppedCharacters)
    }

    static func between(_ xml: String, _ start: String, _ end: String) -> String? {
        guard let from = xml.range(of: start),
            let to = xml.range(of: end, range: from.upperBound..<xml.endIndex)
        else { return nil }
        return String(xml[from.upperBound..<to.lowerBound])
    }

    /// One test over all texts: its failures name the text by number, as the texts hold
    /// control characters that make poor test names.
    @Test func textsAreEscapedAsTheReferenceDoes() throws {
        for (number, text) in Self.texts().enumerated() {
            let unit = TranslationUnit(
                id: "id " + text,
                variants: [.english: Variant(language: .english, text: text)],
                origin: .imported, notes: [text])
            let (xml, dropped) = try Self.write(unit)
            let (attribute, attributeDropped) = Self.reference("id " + text, attribute: true)
            let (content, contentDropped) = Self.reference(text, attribute: false)
            #expect(Self.between(xml, "<tu tuid=\"", "\" creationdate=") == attribute, "\(number)")
            #expect(Self.between(xml, "<note>", "</note>\n") == content, "\(number)")
            #expect(Self.between(xml, "<seg>", "</seg>") == content, "\(number)")
            #expect(dropped == attributeDropped + 2 * contentDropped, "\(number)")
        }
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"), (-1.0, "19691231T235959Z"), (951_825_600.5, "20000229T120000Z"),
        (1_790_000_100.999, "20260921T141500Z"), (-62_135_596_800.0, "00010101T000000Z"),
        (-62_167_219_200.0, "00000101T000000Z"), (253_402_300_799.0, "99991231T235959Z"),
        (253_402_300_800.0, "100000101T000000Z"), (-62_167_219_201.0, "00-11231T235959Z"),
    ])
    func datesAreWrittenAsTMXDateGivesThem(_ seconds: Double, _ expected: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(TMXDate.string(date) == expected)
        let unit = TranslationUnit(
            id: "d", variants: [.english: Variant(language: .english, text: "Date.")],
            origin: .imported, created: date, changed: date)
        let (xml, _) = try Self.write(unit)
        #expect(xml.contains("creationdate=\"\(expected)\" changedate=\"\(expected)\""))
    }
}
