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
    /// For a query: its distinct match keys and word stems, sorted, and the place of each
    /// token's key and stem among them (-1 for no stem), which the overlap bound looks a
    /// candidate's tokens up in. Empty for a candidate, which needs none.
    let keys: [Int]
    let stems: [Int]
    let keyPlaces: [Int]
    let stemPlaces: [Int]

    /// `query` keeps what ``FuzzyMatcher/scoreBound(_:_:)-(InternedText,InternedText)`` needs
    /// of the first text it is given; candidates skip that work.
    public init(tokens: [CostToken], query: Bool = false) {
        self.tokens = tokens
        weight = tokens.reduce(0) { $0 + $1.weight }
        guard query else {
            (keys, stems, keyPlaces, stemPlaces) = ([], [], [], [])
            return
        }
        let keys = Array(Set(tokens.map(\.key))).sorted()
        let stems = Array(Set(tokens.lazy.map(\.stem).filter { $0 >= 0 })).sorted()
        keyPlaces = tokens.map { FuzzyMatcher.place($0.key, in: keys) ?? -1 }
        stemPlaces = tokens.map { $0.stem >= 0 ? FuzzyMatcher.place($0.stem, in: stems) ?? -1 : -1 }
        self.keys = keys
        self.stems = stems
    }
}

extension FuzzyMatcher {
    /// The fuzzy score of two interned texts that are not identical (at most 99).
    ///
    /// - Complexity: O(m · n) for m and n tokens, two rows of memory.
    public static func score(_ query: InternedText, _ source: InternedText) -> Int {
        // A floor of 0 never gives up.
        score(query, source, atLeast: 0)!
    }

    /// ``score(_:_:)-(InternedText,InternedText)`` when it is at least `floor`; nil when the
    /// edit distance, part-way through, already keeps the score under `floor` (a score
    /// under `floor` may also be returned). What a look-up that needs only scores of `floor`
    /// or more calls, so that candidates far from the query cost a few rows of the table.
    public static func score(
        _ query: InternedText, _ source: InternedText, atLeast floor: Int
    ) -> Int? {
        let total = max(query.weight, source.weight, 1)
        // Scores under `floor` come from distances above this (a margin covers rounding).
        let limit = floor <= 0 ? .infinity : total * (1 - Double(floor) / 100) + 1e-6
        let distance = query.tokens.withUnsafeBufferPointer { q in
            source.tokens.withUnsafeBufferPointer { s in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (s.count + 1)) {
                    CostToken.distance(q, s, rows: $0, giveUpAbove: limit)
                }
            }
        }
        return distance.map { score(distance: $0, query.weight, source.weight) }
    }

    /// A cheap upper bound of ``score(_:_:)-(InternedText,InternedText)``, as
    /// ``scoreBound(_:queryKeys:_:sourceKeys:)`` is for prepared texts: a token with no
    /// counterpart of the same match key or stem on the other side costs at least its
    /// weight whatever the edit, and the distance is at least the difference of the weights.
    /// `query` is made with `query: true`; without, only the weights bound the score.
    ///
    /// - Complexity: O((m + n) log m) for m query and n source tokens, one small allocation.
    public static func scoreBound(_ query: InternedText, _ source: InternedText) -> Int {
        // A query made without its keys is bounded by the weights alone.
        guard query.keyPlaces.count == query.tokens.count else {
            return score(distance: abs(query.weight - source.weight), query.weight, source.weight)
        }
        var found = [Bool](repeating: false, count: query.keys.count + query.stems.count)
        let stemBase = query.keys.count
        // The source's tokens without a counterpart in the query, marking on the way the
        // query's keys and stems that have one in the source.
        var unmatchedSource = 0.0
        for token in source.tokens {
            var matched = false
            if let k = place(token.key, in: query.keys) {
                found[k] = true
                matched = true
            }
            if token.stem >= 0, let k = place(token.stem, in: query.stems) {
                found[stemBase + k] = true
                matched = true
            }
            if !matched { unmatchedSource += token.weight }
        }
        var unmatchedQuery = 0.0
        for (i, token) in query.tokens.enumerated() {
            let key = query.keyPlaces[i]
            let stem = query.stemPlaces[i]
            if key >= 0 && found[key] { continue }
            if stem >= 0 && found[stemBase + stem] { continue }
            unmatchedQuery += token.weight
        }
        let distance = max(abs(query.weight - source.weight), unmatchedSource, unmatchedQuery)
        return score(distance: distance, query.weight, source.weight)
    }

    static func place(_ value: Int, in sorted: [Int]) -> Int? {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value ? lo : nil
    }
}
