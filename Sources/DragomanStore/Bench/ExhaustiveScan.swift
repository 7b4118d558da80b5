import DragomanKit
import Foundation

/// The best fuzzy score of each query over every text of a memory, found without an index:
/// the reference that look-up's recall is measured against.
///
/// Every text is prepared once and compared with all queries; a pair is scored exactly only
/// when ``FuzzyMatcher/scoreBound(_:queryKeys:_:sourceKeys:)`` says it could beat the best
/// score so far (and reach 50), so the result equals scoring every pair.
///
/// - Complexity: O(n) preparations for n texts, and for each query an exact score for the
///   texts whose bound passes; the texts are shared out over every core.
struct ExhaustiveScan: Sendable {
    let queries: [String]
    let language: Language

    func run(
        units: Int, text: @Sendable (Int) -> String, progress: (Int) -> Void = { _ in }
    ) -> [Int] {
        guard !queries.isEmpty else { return [] }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let normalizer = TextNormalizer()
        let prepared = queries.map {
            FuzzyMatcher(language: language).prepare(normalizer.normalize($0))
        }
        let queryWeights = prepared.map { Int(($0.totalWeight * 10).rounded()) }
        let queryKeys = prepared.map { FuzzyMatcher(language: language).matchableKeys($0) }
        var best = [Int](repeating: 0, count: queries.count)
        let chunk = 20_000
        for chunkStart in stride(from: 0, to: units, by: chunk) {
            let chunkEnd = min(units, chunkStart + chunk)
            let floor = best
            nonisolated(unsafe) var partial = [[Int]](repeating: floor, count: cores)
            DispatchQueue.concurrentPerform(iterations: cores) { part in
                let matcher = FuzzyMatcher(language: language)
                var local = floor
                var i = chunkStart + part
                while i < chunkEnd {
                    defer { i += cores }
                    let source = normalizer.normalize(text(i))
                    let weight = FuzzyMatcher.weightInTenths(of: source)
                    // Most texts are too long or too short for every query: no preparation.
                    var hopeful = false
                    for q in local.indices
                    where FuzzyMatcher.scoreBound(weightInTenths: queryWeights[q], weight)
                        > Swift.max(local[q], 49)
                    {
                        hopeful = true
                        break
                    }
                    guard hopeful else { continue }
                    let candidate = matcher.prepare(source)
                    let keys = matcher.matchableKeys(candidate)
                    for q in local.indices {
                        let needed = Swift.max(local[q], 49)
                        guard
                            FuzzyMatcher.scoreBound(weightInTenths: queryWeights[q], weight)
                                > needed,
                            matcher.scoreBound(
                                prepared[q], queryKeys: queryKeys[q], candidate, sourceKeys: keys)
                                > needed
                        else { continue }
                        local[q] = Swift.max(local[q], matcher.score(prepared[q], candidate).score)
                    }
                }
                partial[part] = local
            }
            for local in partial {
                for q in best.indices { best[q] = Swift.max(best[q], local[q]) }
            }
            progress(chunkEnd)
        }
        return best
    }
}
