import Foundation
import Testing

@testable import DragomanKit

/// The shortcuts of `MatchKey.make` (ASCII, Latin table) must give the key of the full ICU
/// transform byte for byte: stored keys must not depend on which path made them.
struct MatchKeyFastPathTests {
    static let ntrexFiles = [
        "newstest2019-src.eng.txt", "newstest2019-ref.tur.txt", "newstest2019-ref.deu.txt",
    ]

    @Test(arguments: ntrexFiles)
    func fastPathsAgreeWithICUOnNewsSentences(file: String) throws {
        let url = SharedData.url("data/alignment/ntrex-dev/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.count == 1345)
        var differing: [String] = []
        for line in lines {
            // Both the text as read and its NFC form are keyed in the memory.
            for text in [line, TextNormalizer().normalize(line)]
            where MatchKey.make(text) != MatchKey.makeWithICU(text) {
                differing.append(text)
            }
        }
        #expect(
            differing.isEmpty, "\(differing.count) lines differ, first: \(differing.first ?? "")")
    }

    @Test(arguments: [
        // Turkish dotted and dotless i, upper and lower, composed and decomposed.
        "İSTANBUL'DA IRMAK ısınıyor, İzmir'de ılık",
        "I\u{0307}zmir ve Izmir",
        "ırmak IRMAK Irmak",
        // German sharp s, capital sharp s, umlauts composed and decomposed.
        "Straße STRASSE Stra\u{1E9E}e Grüße Gru\u{0308}ße",
        "Ölçüm ÖLÇÜM O\u{0308}lc\u{0327}u\u{0308}m",
        // Combining marks on letters without a precomposed form.
        "q\u{0307} x\u{0323}\u{0301} a\u{0301}\u{0301}",
        // Full-width forms, ligatures, superscripts.
        "ＡＢＣ ｉｓｔａｎｂｕｌ ﬁnal ﬂuss x² ½",
        // Quotes, apostrophes, dashes, spaces.
        "„Gänsefüßchen“ «guillemets» ‹einfach› ‘single’ “double” `tick´ ′prime″",
        "Maß – Ende — Anfang ‐ ‑ ‒ ― - ; : ! ? … ·",
        "\u{00A0}no\u{202F}break\u{2007}spaces\t\tand\ttabs  ",
        // Letters spelled out or stripped.
        "Øresund Łódź Đakovo Ħal æther œuvre þorn ÆSIR",
        // Invisible and control characters.
        "soft\u{00AD}hyphen zero\u{200B}width word\u{2060}joiner \u{FEFF}bom",
        // ASCII only, all cases of the simple paths.
        "Ankara2026", "ANKARA", "The Mayor's 3rd term (2024-2029): 'yes'.", "",
        // Latin Extended and beyond the tables: Greek, Cyrillic, Arabic digits, emoji.
        "ǅemal ǈubljana ǲ ſ ȷ ɐ", "Ωμέγα ΣΟΦΙΑ Москва ١٢٣ 🙂",
    ])
    func fastPathsAgreeWithICUOnTrickyText(text: String) {
        #expect(MatchKey.make(text) == MatchKey.makeWithICU(text))
        // The byte scan that lets NFC text through says what the scalar scan says.
        #expect(
            ICUStrings.isNFCByScalarRange(text)
                == text.unicodeScalars.allSatisfy {
                    $0.value < 0x300 || (0x2002..<0x2070).contains($0.value)
                })
        let normalized = TextNormalizer().normalize(text)
        #expect(MatchKey.make(normalized) == MatchKey.makeWithICU(normalized))
    }

    /// Every scalar of the tables, one at a time and between letters.
    @Test func fastPathsAgreeWithICUOnEveryTableScalar() {
        var differing: [UInt32] = []
        for value in Array(0x01..<0x250) + Array(0x2000..<0x2070) {
            let scalar = String(Unicode.Scalar(UInt32(value))!)
            for text in [scalar, "A\(scalar)b", "İ\(scalar) ş"]
            where MatchKey.make(text) != MatchKey.makeWithICU(text) {
                differing.append(UInt32(value))
            }
        }
        #expect(differing.isEmpty, "scalars \(differing.map { String($0, radix: 16) })")
    }
}
