import DragomanKit
import Foundation
import Testing

/// Term extraction measured on the NTREX development news (en, tr, de, line-aligned): the
/// top 50 proposals against our judgement of each (Fixtures/extraction-judgements.tsv:
/// correct when the three renderings translate one name, title, place or organisation).
struct TermExtractionNTREXTests {
    static let folder = SharedData.url("data/alignment/ntrex-dev")
    static let judgements = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/extraction-judgements.tsv")

    /// Line i of each file is one unit.
    static func units() throws -> [ExtractionUnit] {
        let files: [(Language, String)] = [
            (.english, "newstest2019-src.eng.txt"), (.turkish, "newstest2019-ref.tur.txt"),
            (.german, "newstest2019-ref.deu.txt"),
        ]
        var lines: [Language: [String]] = [:]
        for (language, name) in files {
            let text = try String(
                contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            lines[language] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
        }
        let count = lines[.english]!.count
        return (0..<count).map { index in
            ExtractionUnit(
                id: "ntrex-\(index + 1)",
                texts: lines.compactMapValues { index < $0.count ? $0[index] : nil })
        }
    }

    /// The judged proposals: "en\ttr\tde" → correct.
    static func judged() throws -> [String: Bool] {
        var result: [String: Bool] = [:]
        let text = try String(contentsOf: judgements, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map(String.init)
            guard fields.count >= 4 else { continue }
            result[fields[0...2].joined(separator: "\t")] = fields[3] == "correct"
        }
        return result
    }

    static func key(_ entry: ExtractedEntry) -> String {
        [Language.english, .turkish, .german].map { entry.terms[$0] ?? "" }
            .joined(separator: "\t")
    }

    @Test func precisionOfTheTopFifty() throws {
        let entries = try TermExtractor(languages: [.english, .turkish, .german])
            .extract(try Self.units())
        let top = entries.prefix(50)
        let judged = try Self.judged()
        var correct = 0
        var counted = 0
        var unjudged: [String] = []
        for entry in top {
            guard let verdict = judged[Self.key(entry)] else {
                unjudged.append(Self.key(entry))
                continue
            }
            counted += 1
            if verdict { correct += 1 }
        }
        // Most of the top 50 must still be the proposals we judged, or the figure means little.
        #expect(counted >= 45, "unjudged proposals in the top 50: \(unjudged)")
        let precision = Double(correct) / Double(max(counted, 1))
        #expect(precision >= 0.94, "precision \(correct)/\(counted)")
    }
}
