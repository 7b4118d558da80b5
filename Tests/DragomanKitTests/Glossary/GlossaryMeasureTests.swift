import DragomanKit
import Foundation
import Testing

/// Matching measured on sentences written for Dragoman (Fixtures/measure-cases.tsv) against
/// a glossary of their own (Fixtures/measure-glossary.tsv): precision, recall and F1 of
/// (matched text, entry) pairs, variant flags included.
struct GlossaryMeasureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func read(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func f1AtLeast95Percent() throws {
        let glossary = try Glossary(
            entries: GlossaryTable.read(
                try Self.read("measure-glossary.tsv"), format: .tsv, file: "measure-glossary.tsv"
            ).entries)
        var matchers: [Language: GlossaryMatcher] = [:]
        var truePositives = 0
        var predicted = 0
        var expected = 0
        var perLanguage: [String: (tp: Int, predicted: Int, expected: Int)] = [:]
        var misses: [String] = []
        let lines = try Self.read("measure-cases.tsv").split(separator: "\n").dropFirst()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(
                String.init)
            let language = try #require(Language(tag: fields[0]))
            let sentence = fields[1]
            let wanted =
                fields.count > 2
                ? fields[2].components(separatedBy: " ; ").filter { !$0.isEmpty } : []
            let matcher =
                matchers[language] ?? GlossaryMatcher(glossary: glossary, language: language)
            matchers[language] = matcher
            let found = matcher.matches(in: sentence).map {
                "\($0.matched)→\($0.entryID)\($0.isVariant ? "~" : "")"
            }
            var remaining = wanted
            var hits = 0
            for item in found {
                if let index = remaining.firstIndex(of: item) {
                    remaining.remove(at: index)
                    hits += 1
                }
            }
            truePositives += hits
            predicted += found.count
            expected += wanted.count
            var figures = perLanguage[language.code] ?? (0, 0, 0)
            figures.tp += hits
            figures.predicted += found.count
            figures.expected += wanted.count
            perLanguage[language.code] = figures
            if hits != found.count || hits != wanted.count {
                misses.append(
                    "\(language) \(sentence)\n    expected \(wanted)\n    found    \(found)")
            }
        }
        func score(_ tp: Int, _ p: Int, _ e: Int) -> (Double, Double, Double) {
            let precision = p == 0 ? 1 : Double(tp) / Double(p)
            let recall = e == 0 ? 1 : Double(tp) / Double(e)
            return (precision, recall, 2 * precision * recall / max(precision + recall, 1e-9))
        }
        for (code, f) in perLanguage.sorted(by: { $0.key < $1.key }) {
            let (p, r, f1) = score(f.tp, f.predicted, f.expected)
            print(
                String(
                    format:
                        "glossary matching %@: precision %.3f recall %.3f F1 %.3f (%d expected)",
                    code, p, r, f1, f.expected))
        }
        let (precision, recall, f1) = score(truePositives, predicted, expected)
        print(
            String(
                format: "glossary matching, all %d sentences: precision %.3f recall %.3f F1 %.3f",
                lines.count, precision, recall, f1))
        for miss in misses { print("glossary matching, differs: \(miss)") }
        #expect(lines.count >= 80)
        #expect(f1 >= 0.95)
    }
}
