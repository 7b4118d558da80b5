extension FuzzyMatcher {
    /// The summed token weight of `text` in tenths (a word or number 10, a mark 3), counted
    /// as ``prepare(_:)`` cuts tokens but without building them, so an index can store it for
    /// every variant and bound scores before any text is read.
    ///
    /// - Complexity: O(n) for n Unicode scalars, one small allocation.
    public static func weightInTenths(of text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        var total = 0
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if ScoringTokenizer.isWhitespace(s) {
                i += 1
                continue
            }
            guard ScoringTokenizer.isWordScalar(s) else {
                total += 3
                i += 1
                continue
            }
            var j = i + 1
            var digits = ScoringTokenizer.isNumeric(s)
            var letters = !digits
            while j < scalars.count {
                let c = scalars[j]
                if ScoringTokenizer.isWordScalar(c) {
                    if ScoringTokenizer.isNumeric(c) { digits = true } else { letters = true }
                    j += 1
                } else if j + 1 < scalars.count, ScoringTokenizer.isWordScalar(scalars[j + 1]),
                    ScoringTokenizer.isJoiner(c, digits: digits && !letters)
                {
                    j += 2
                } else {
                    break
                }
            }
            total += 10
            i = j
        }
        return total
    }

    /// The highest score two texts of these weights (in tenths) can reach: inserting,
    /// deleting or replacing a token costs at least the difference of the weights it touches,
    /// so the distance is at least the difference of the totals.
    public static func scoreBound(weightInTenths a: Int, _ b: Int) -> Int {
        if a == b { return 100 }
        let total = Double(max(a, b, 10))
        return Int((100 * (1 - Double(abs(a - b)) / total)).rounded(.down))
    }

    /// A cheap upper bound of ``score(_:_:)``: a token with no counterpart of the same text,
    /// match key or stem on the other side costs at least its weight whatever the edit, so
    /// the distance is at least the weight of the unmatched tokens of either side.
    ///
    /// `sourceKeys` is ``matchableKeys(_:)`` of `source`; both sides are checked.
    public func scoreBound(
        _ query: Prepared, queryKeys: Set<String>, _ source: Prepared, sourceKeys: Set<String>
    ) -> Int {
        if query.text == source.text { return 100 }
        func unmatched(_ tokens: [ScoringToken], _ keys: Set<String>) -> Double {
            var weight = 0.0
            for token in tokens where !keys.contains(token.key) {
                if token.kind == .word, !token.stem.isEmpty, keys.contains("\u{1}" + token.stem) {
                    continue
                }
                weight += token.weight
            }
            return weight
        }
        let distance = max(
            abs(query.weight - source.weight), unmatched(query.tokens, sourceKeys),
            unmatched(source.tokens, queryKeys))
        let total = max(query.weight, source.weight, 1)
        return min(99, max(0, Int((100 * (1 - distance / total)).rounded(.down))))
    }

    /// The match keys of a prepared text's tokens and, marked apart, the stems of its words:
    /// what ``scoreBound(_:queryKeys:_:sourceKeys:)`` looks counterparts up in.
    public func matchableKeys(_ text: Prepared) -> Set<String> {
        var keys = Set<String>(minimumCapacity: 2 * text.tokens.count)
        for token in text.tokens {
            keys.insert(token.key)
            if token.kind == .word, !token.stem.isEmpty { keys.insert("\u{1}" + token.stem) }
        }
        return keys
    }
}
