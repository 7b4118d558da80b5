import DragomanKit
import Foundation
import Testing

/// False alarms on professional translations: the NTREX development set (shared data), taken
/// as correct, must raise fewer than one error-level finding per 100 sentences in each pair.
@Suite struct CheckNTREXTests {
    static let folder = SharedData.url("data/alignment/ntrex-dev")

    static func lines(_ name: String) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(arguments: [
        (Language.english, Language.turkish), (.english, .german), (.turkish, .german),
    ])
    func fewerThanOneErrorPerHundredSentences(from: Language, to: Language) throws {
        let files: [Language: String] = [
            .english: "newstest2019-src.eng.txt", .turkish: "newstest2019-ref.tur.txt",
            .german: "newstest2019-ref.deu.txt",
        ]
        let ids = try Self.lines("DOCUMENT_IDS.tsv").map {
            String($0.split(separator: "\t").first ?? "")
        }
        let tally = try CheckBenchmark.lineAligned(
            source: Self.lines(files[from]!), target: Self.lines(files[to]!), documentIDs: ids,
            from: from, to: to, suite: CheckSuite(),
            context: CheckContext(glossary: CheckFixtures.glossary()))
        #expect(tally.sentences == 1345)
        let errors = tally.findings.filter { $0.finding.severity == .error }
        #expect(
            tally.perHundred(.error) < 1,
            "\(errors.map { "\($0.finding.check): \($0.finding.message)" })")
    }
}
