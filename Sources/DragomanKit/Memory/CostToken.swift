/// A scoring token reduced to what the edit distance compares, with its strings replaced by
/// numbers shared by both texts of one comparison: the distance's inner loop then compares
/// integers, and costs exactly what ``FuzzyMatcher/replaceCost(_:_:)`` says.
struct CostToken {
    let surface: Int
    let key: Int
    /// -1 for a token that is not a word with a stem.
    let stem: Int
    let isNumber: Bool
    let isName: Bool
    let weight: Double
    /// ``FuzzyMatcher/gapCost(_:)``.
    let gap: Double

    /// The tokens of both texts of one comparison, numbered together, so that equal strings
    /// on either side get equal numbers.
    static func pair(
        _ query: [ScoringToken], _ source: [ScoringToken]
    ) -> (query: [CostToken], source: [CostToken]) {
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(3 * (query.count + source.count))
        func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            numbers[text] = numbers.count
            return numbers.count - 1
        }
        func reduce(_ token: ScoringToken) -> CostToken {
            CostToken(
                surface: number(token.surface), key: number(token.key),
                stem: token.kind == .word && !token.stem.isEmpty ? number(token.stem) : -1,
                isNumber: token.kind == .number, isName: token.isName, weight: token.weight,
                gap: FuzzyMatcher.gapCost(token))
        }
        let reducedQuery = query.map(reduce)
        return (reducedQuery, source.map(reduce))
    }

    @inline(__always) func replaceCost(_ other: CostToken) -> Double {
        if surface == other.surface { return 0 }
        if key == other.key { return 0.05 }
        if stem >= 0 && stem == other.stem { return 0.25 }
        if isNumber || other.isNumber { return max(weight, other.weight) + 0.5 }
        return max(weight, other.weight) + (isName || other.isName ? 0.5 : 0)
    }
}
