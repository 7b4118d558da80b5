import DragomanKit
import Foundation
import Testing

/// Accuracy on the shared golden segmentation sets: exact match of the sentence list, with
/// the floors of the foundation issue. Reads `../shared/data/segmentation` beside the project.
struct GoldenSegmentationTests {
    struct Case: Decodable {
        let id: String
        let lang: String
        let text: String
        let sentences: [String]
        let subset: String?
    }

    struct GoldenSet: CustomTestStringConvertible, Sendable {
        let file: String
        let language: String
        let floor: Int
        let total: Int
        var subset: String? = nil
        var testDescription: String { file + (subset.map { " (\($0))" } ?? "") }
    }

    static let sets: [GoldenSet] = [
        GoldenSet(file: "golden_en.jsonl", language: "en", floor: 47, total: 48),
        GoldenSet(file: "golden_de.jsonl", language: "de", floor: 29, total: 30, subset: "core"),
        GoldenSet(file: "golden_de_news.jsonl", language: "de", floor: 33, total: 35),
        GoldenSet(file: "golden_tr.jsonl", language: "tr", floor: 58, total: 61),
        GoldenSet(file: "golden_tr_zemberek_unit.jsonl", language: "tr", floor: 13, total: 14),
    ]

    static func load(_ set: GoldenSet) throws -> [Case] {
        let url = SharedData.url("data/segmentation/\(set.file)")
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .map { try decoder.decode(Case.self, from: Data($0.utf8)) }
            .filter { set.subset == nil || $0.subset == set.subset }
    }

    /// The pass criterion of the data's README: items trimmed, empty items dropped.
    static func normalized(_ sentences: [String]) -> [String] {
        sentences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    @Test(arguments: sets)
    func passesAtLeastTheFloor(_ set: GoldenSet) throws {
        let cases = try Self.load(set)
        #expect(cases.count == set.total, "the golden file changed: \(cases.count) cases")
        let segmenter = try SentenceSegmenter(language: Language(tag: set.language)!)
        var failures: [String] = []
        for golden in cases {
            let got = Self.normalized(segmenter.segment(golden.text).map(\.text))
            if got != Self.normalized(golden.sentences) {
                failures.append("\(golden.id): \(got.map { "[\($0)]" }.joined(separator: " "))")
            }
        }
        let passed = cases.count - failures.count
        print("segmentation \(set.testDescription): \(passed)/\(cases.count) (floor \(set.floor))")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(
            passed >= set.floor,
            "\(set.file): \(passed)/\(cases.count) below the floor \(set.floor)")
    }
}
