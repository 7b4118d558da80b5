import DragomanKit
import Foundation
import Testing

@testable import DragomanStore

/// The look-up benchmark on a small memory of recombined NTREX news (read from the shared
/// data, never copied): its figures must be sound before they are trusted at a million units.
struct LookupBenchmarkTests {
    static let ntrex: URL = {
        let shared =
            ProcessInfo.processInfo.environment["DRAGOMAN_SHARED"].map {
                URL(fileURLWithPath: $0)
            }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared")
        return shared.appendingPathComponent("data/alignment/ntrex-dev")
    }()

    static func lines() throws -> [Language: [String]] {
        var lines: [Language: [String]] = [:]
        for (language, name) in [
            (Language.english, "newstest2019-src.eng.txt"),
            (.turkish, "newstest2019-ref.tur.txt"), (.german, "newstest2019-ref.deu.txt"),
        ] {
            let text = try String(
                contentsOf: ntrex.appendingPathComponent(name), encoding: .utf8)
            lines[language] = text.split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
        }
        return lines
    }

    @Test func unitsAreTranslationsWithNearDuplicates() throws {
        let benchmark = LookupBenchmark(lines: try Self.lines())
        let units = (0..<2_000).map(benchmark.unit)
        #expect(units.allSatisfy { $0.variants.count == 3 })
        let english = units.map { $0.variants[.english]!.text }
        // Mostly distinct units, with some repeated word for word.
        let distinct = Set(english).count
        #expect(distinct > 1_700)
        #expect(distinct < 2_000)
        // The same unit whichever process makes it.
        #expect(benchmark.unit(1_234).variants == units[1_234].variants)
    }

    @Test func queriesComeInEveryKind() throws {
        let benchmark = LookupBenchmark(lines: try Self.lines())
        let queries = benchmark.queries(40, units: 1_000)
        for kind in LookupBenchmark.QueryKind.allCases {
            #expect(queries.filter { $0.kind == kind }.count == 10)
        }
        let sources = Set((0..<1_000).map { benchmark.unit($0).variants[.english]!.text })
        #expect(queries.filter { $0.kind == .exact }.allSatisfy { sources.contains($0.text) })
        #expect(!queries.filter { $0.kind == .oneWord }.allSatisfy { sources.contains($0.text) })
    }

    @Test func segmentQueriesAreSentencesOfTheNewsInTheirShares() throws {
        let benchmark = LookupBenchmark(lines: try Self.lines())
        let queries = try benchmark.segmentQueries(200)
        #expect(queries.filter { $0.kind == .held }.count == 120)
        #expect(queries.filter { $0.kind == .edited }.count == 50)
        #expect(queries.filter { $0.kind == .new }.count == 30)
        let sentences = Set(try benchmark.sentences())
        // More sentences than lines: some lines hold two or more.
        #expect(sentences.count > benchmark.lines[.english]!.count)
        #expect(queries.filter { $0.kind == .held }.allSatisfy { sentences.contains($0.text) })
        #expect(queries.filter { $0.kind == .new }.allSatisfy { !sentences.contains($0.text) })
        #expect(queries.allSatisfy { !$0.text.isEmpty })
        #expect(try benchmark.segmentQueries(200).map(\.text) == queries.map(\.text))
    }

    /// Changing a number on UTF-8 bytes must give the units that splitting by characters
    /// gives, or the benchmark's memories would change from one build to the next.
    @Test func numbersAreChangedAsByCharactersOnEveryLine() throws {
        let lines = try Self.lines()
        var checked = 0
        for (_, texts) in lines {
            for (i, text) in texts.enumerated() {
                let next = texts[(i + 7) % texts.count]
                for (input, fallback) in [(text, Optional(next)), (text + " " + next, nil)] {
                    let delta = i % 9 + 1
                    let fast = LookupBenchmark.changeNumber(input, by: delta, orAppend: fallback)
                    let slow = LookupBenchmark.changeNumberByCharacters(
                        input, by: delta, orAppend: fallback)
                    #expect(fast == slow, "\(input)")
                    checked += 1
                }
            }
        }
        #expect(checked > 8_000)
    }

    @Test(arguments: [
        ("Saat 10'da 3 otobüs kalktı.", "Saat 10'da 5 otobüs kalktı."),
        (" 12 Busse fahren", "14 Busse fahren"),
        ("Gewinn  +7 Prozent", "Gewinn  9 Prozent"),
        ("Temperatur -3 Grad", "Temperatur -1 Grad"),
        ("Rekor 9223372036854775807999 ve 4 kişi", "Rekor 9223372036854775807999 ve 6 kişi"),
        ("Cafe\u{301} 4 masa", "Cafe\u{301} 6 masa"),
        ("1\u{301} 4 masa", "1\u{301} 6 masa"),
        ("„Zitat“ 8 Wörter", "„Zitat“ 10 Wörter"),
        ("Kein Wert hier", "Kein Wert hier (extra)"),
    ])
    func numbersAreChangedInHandWrittenText(text: String, expected: String) {
        #expect(LookupBenchmark.changeNumber(text, by: 2, orAppend: "(extra)") == expected)
        #expect(
            LookupBenchmark.changeNumberByCharacters(text, by: 2, orAppend: "(extra)") == expected
        )
    }

    @Test func aSmallRunFindsWhatTheExhaustiveScanFinds() throws {
        let folder = try TemporaryFolder()
        let figures = try LookupBenchmark(lines: try Self.lines()).run(
            at: folder.path("bench.sqlite"), units: 2_000, queries: 60, exhaustiveQueries: 60,
            segments: 80)
        #expect(figures.exhaustiveQueries.values.reduce(0, +) == 60)
        // Exact copies always have a match; the edited queries mostly do.
        #expect(figures.relevant[.exact] == 15)
        #expect(figures.relevant.values.reduce(0, +) >= 35)
        #expect(figures.recall(at: 1) >= 0.99)
        #expect(figures.recall(at: 5) >= 0.99)
        // The index keeps every variant's tokens and a vocabulary of every distinct word: at
        // 2,000 units the vocabulary alone is about the size of the texts; from 100,000 units
        // on the whole index is smaller than the text.
        #expect(figures.indexBytes < 2 * figures.textBytes)
        #expect(figures.allLatencies.count == 60)
        // The analysis queries: at 2,000 units the memory holds most lines, so half the
        // sentences taken as cut have a match (short titles and sentences cut from long lines
        // mostly not); new ones mostly have none; the best is the exhaustive scan's.
        #expect(figures.allSegmentLatencies.count == 80)
        #expect(figures.segmentExhaustive.values.reduce(0, +) == 60)
        #expect(figures.segmentRelevant[.held, default: 0] >= 18)
        #expect(figures.segmentRelevant[.new, default: 0] < figures.segmentExhaustive[.new]!)
        #expect(figures.segmentRecall() >= 0.99)
    }
}
