import DragomanKit
import Testing

/// Any text may reach the checks: odd runs of digits, separators, marks and scripts must give
/// findings (or none), never a crash, and spans that lie inside the texts.
struct PairCheckRobustnessTests {
    static let pieces: [String] = [
        "1", "12", "1.250", "1,5", "1.250,5", "2019", "03.10.2019", "10/3/19", "2019-10-03",
        "10:30", "27:37", "99:99", "%", "%5'lik", "€", "$", "US$", "bn", "m", "k", "million",
        "milyon", "Mio.", "Ekim", "October", "3.", "3rd", "'", "’", "‘", "\"", "“", "”", "„",
        "«", "»", "(", ")", "[", "]", "-", "–", " ", "  ", "\n", "\u{00A0}", "\u{202F}", "ve",
        "the", "die", "yüzde", "percent", "Prozent", "www.", "http://", "a@b.de", ".", "?", "!",
        "…", "İ", "ı", "ß", "١٢", "𝟙𝟚", "e\u{301}", "🙂", "99999999999999999999999999", ":",
        "/", "1/2/3/4", "1.2.3.4.5", "1,2,3", "x1", "0.000", "-5", "°C", "ºF", "inch", "km",
    ]

    @Test func randomTextsNeverCrash() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let languages: [Language] = [.english, .turkish, .german, Language(tag: "fr")!]
        for _ in 0..<1500 {
            let source = (0..<next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }
                .joined(separator: next(2) == 0 ? " " : "")
            let target = (0..<next(12)).map { _ in Self.pieces[next(Self.pieces.count)] }
                .joined(separator: next(2) == 0 ? " " : "")
            let pair = SegmentPair(
                source: source, target: target,
                sourceLanguage: languages[next(languages.count)],
                targetLanguage: languages[next(languages.count)])
            let sourceCount = source.unicodeScalars.count
            let targetCount = target.unicodeScalars.count
            for finding in PairChecks.findings(in: pair) {
                #expect(!finding.message.isEmpty)
                if let span = finding.source {
                    #expect(span.lowerBound >= 0 && span.upperBound <= sourceCount)
                }
                if let span = finding.target {
                    #expect(span.lowerBound >= 0 && span.upperBound <= targetCount)
                }
            }
        }
    }

    @Test func emptyAndBlankTextsGiveNoFinding() {
        for (source, target) in [("", ""), (" ", ""), ("", "Metin."), ("\n", "\n")] {
            let pair = SegmentPair(
                source: source, target: target, sourceLanguage: .english,
                targetLanguage: .turkish)
            #expect(PairChecks.findings(in: pair).filter { $0.severity == .error } == [])
        }
    }

    @Test func everyCheckIsListedOnceWithItsFamily() {
        let ids = PairChecks.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("numbers") || $0.hasPrefix("form.") })
    }
}
