import Testing

@testable import DragomanKit

/// The check that lets clean text skip the normalizer's scalar-by-scalar pass reads eight
/// ASCII bytes at a time: it must agree with the definition, scalar by scalar, wherever the
/// characters fall relative to those eight bytes.
struct TextCleanlinessTests {
    /// What "clean" means: no edge or doubled spaces, no control, invisible or special space
    /// character.
    static func isCleanByScalars(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.map(\.value))
        guard let first = scalars.first, let last = scalars.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        for (index, value) in scalars.enumerated() {
            switch value {
            case 0x00..<0x20, 0x7F...0xA0, 0xAD, 0x1680, 0x180E, 0x2000...0x200F,
                0x2028...0x202F, 0x205F...0x2064, 0x3000, 0xFEFF:
                return false
            case 0x20 where index > 0 && scalars[index - 1] == 0x20:
                return false
            default: continue
            }
        }
        return true
    }

    static let pieces = [
        "a", "Z", "7", ".", " ", " ", " ", "\t", "\n", "\u{7F}", "\u{85}", "\u{A0}", "\u{AD}",
        "ş", "İ", "ß", "ö", "\u{2009}", "\u{200B}", "\u{200D}", "\u{2028}", "\u{2060}",
        "\u{3000}", "\u{FEFF}", "\u{1680}", "\u{180E}", "“", "—", "€", "\u{301}", "ı",
        "kent ", "Belediye ", "Straßenbahn ",
    ]

    @Test func agreesWithTheDefinitionOnMixedText() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var disagreements: [String] = []
        for _ in 0..<40_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59) + 1
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = Int(state >> 33) % (Self.pieces.count * 3)
                // Mostly letters, so runs of eight ASCII bytes are common.
                text +=
                    pick < Self.pieces.count
                    ? Self.pieces[pick] : String("abcdefgh".prefix(pick % 9))
            }
            if TextNormalizer.isClean(text) != Self.isCleanByScalars(text) {
                disagreements.append(text)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    /// The normalizer's pass over text that is not clean, written scalar by scalar into a
    /// string's scalar view: what the byte-building pass must give.
    static func normalizeByScalars(_ text: String, _ normalizer: TextNormalizer) -> String {
        let composed = ICUStrings.normalize(text, form: normalizer.form == .nfc ? .nfc : .nfkc)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingNewlines = 0
        for scalar in composed.unicodeScalars {
            if TextNormalizer.isRemoved(scalar) { continue }
            if TextNormalizer.isLineBreak(scalar) {
                if scalar == "\n", out.last == "\r" { continue }
                pendingNewlines += 1
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if !out.isEmpty {
                if pendingNewlines > 0 && normalizer.keepLineBreaks {
                    out.append("\n")
                    if pendingNewlines > 1 { out.append("\n") }
                } else if pendingNewlines > 0 || pendingSpace {
                    out.append(" ")
                }
            }
            pendingSpace = false
            pendingNewlines = 0
            out.append(scalar)
        }
        return String(out)
    }

    @Test(arguments: [
        TextNormalizer(), TextNormalizer(keepLineBreaks: true), TextNormalizer(form: .nfkc),
    ])
    func textToCleanIsNormalizedAsScalarByScalar(normalizer: TextNormalizer) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var differences: [String] = []
        let pieces = Self.pieces + ["\r\n", "\r", "\u{2029}", "ﬁ", "Ａ", "²", "e\u{301}"]
        for _ in 0..<10_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<(Int(state >> 60) + 1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            if TextNormalizer.isClean(text) { continue }
            if normalizer.normalize(text) != Self.normalizeByScalars(text, normalizer) {
                differences.append(text)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test(arguments: [
        ("İzmir Büyükşehir Belediyesi yeni tramvay hattını açtı.", true),
        ("Die Straßenbahn fährt ab Montag alle zehn Minuten.", true),
        ("The line opens on Monday.", true),
        ("", true),
        ("twelve chars  double space after eight", false),
        ("abcdefg  h", false),
        ("abcdefgh  ", false),
        ("abcdefghijklmno\u{7F}p", false),
        ("abcdefghijklmnop\u{1F}", false),
        ("abcdefgh\u{A0}ijklmnop", false),
        ("Saat 10.00’da\u{200B} başlayacak", false),
        (" leading", false),
    ])
    func decidesHandWrittenCases(text: String, clean: Bool) {
        #expect(TextNormalizer.isClean(text) == clean)
        #expect(Self.isCleanByScalars(text) == clean)
    }
}
