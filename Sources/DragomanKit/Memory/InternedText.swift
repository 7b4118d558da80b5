/// A text as ``CostToken``s whose numbers come from one vocabulary: what an index stores for
/// each text it holds, so that a candidate is scored without tokenizing, keying or stemming
/// it again, and without a string being made.
///
/// ``FuzzyMatcher/score(_:_:)-(InternedText,InternedText)`` gives the same score as
/// ``FuzzyMatcher/score(_:_:)-(Prepared,Prepared)`` on the texts the tokens came from, except
/// that it cannot tell identical texts (100) from texts that differ only in spacing (99):
/// the caller compares the texts for that.
public struct InternedText: Sendable {
    public let tokens: [CostToken]
    /// The summed token weight, added in token order as ``FuzzyMatcher/Prepared`` adds it.
    public let weight: Double
    /// The distinct match keys and word stems of the tokens, sorted, for the overlap bound.
    let keys: [Int]
    let stems: [Int]

    public init(tokens: [CostToken]) {
        self.tokens = tokens
        weight = tokens.reduce(0) { $0 + $1.weight }
        keys = Array(Set(tokens.map(\.key))).sorted()
        stems = Array(Set(tokens.lazy.map(\.stem).filter { $0 >= 0 })).sorted()
    }
}

extension FuzzyMatcher {
    /// The fuzzy score of two interned texts that are not identical (at most 99).
    ///
    /// - Complexity: O(m · n) for m and n tokens, two rows of memory.
    public static func score(_ query: InternedText, _ source: InternedText) -> Int {
        let distance = query.tokens.withUnsafeBufferPointer { q in
            source.tokens.withUnsafeBufferPointer { s in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (s.count + 1)) {
                    CostToken.distance(q, s, rows: $0)
                }
            }
        }
        return score(distance: distance, query.weight, source.weight)
    }

    /// A cheap upper bound of ``score(_:_:)-(InternedText,InternedText)``, as
    /// ``scoreBound(_:queryKeys:_:sourceKeys:)`` is for prepared texts: a token with no
    /// counterpart of the same match key or stem on the other side costs at least its
    /// weight whatever the edit, and the distance is at least the difference of the weights.
    ///
    /// - Complexity: O((m + n) log(m + n)), no allocation.
    public static func scoreBound(_ query: InternedText, _ source: InternedText) -> Int {
        func unmatched(_ tokens: [CostToken], keys: [Int], stems: [Int]) -> Double {
            var weight = 0.0
            for token in tokens where !contains(keys, token.key) {
                if token.stem >= 0, contains(stems, token.stem) { continue }
                weight += token.weight
            }
            return weight
        }
        let distance = max(
            abs(query.weight - source.weight),
            unmatched(query.tokens, keys: source.keys, stems: source.stems),
            unmatched(source.tokens, keys: query.keys, stems: query.stems))
        return score(distance: distance, query.weight, source.weight)
    }

    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value
    }
}
