/// A scoring token reduced to what the edit distance compares, with its strings replaced by
/// numbers: the distance's inner loop then compares integers, and costs exactly what
/// ``FuzzyMatcher/replaceCost(_:_:)`` says.
///
/// Two texts compared must number their strings in one space, so that equal strings on
/// either side get equal numbers. ``pair(_:_:)`` does that for two prepared texts; an index
/// that stores its texts' tokens as numbers of its own vocabulary gives a query the numbers
/// of that vocabulary (and numbers outside it for strings it has never seen), so a stored
/// text is scored without being tokenized, keyed or stemmed again.
public struct CostToken: Sendable, Hashable {
    public let surface: Int
    public let key: Int
    /// -1 for a token that is not a word with a stem.
    public let stem: Int
    let isNumber: Bool
    let isName: Bool
    let weight: Double
    /// ``FuzzyMatcher/gapCost(_:)``.
    let gap: Double

    /// A token with these numbers for its surface, match key and stem (-1 for none).
    public init(
        surface: Int, key: Int, stem: Int, kind: ScoringToken.Kind, isName: Bool
    ) {
        self.surface = surface
        self.key = key
        self.stem = kind == .word ? stem : -1
        isNumber = kind == .number
        self.isName = isName
        weight = kind == .punctuation ? 0.3 : 1
        gap = weight + (isNumber || isName ? 0.5 : 0)
    }

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
                kind: token.kind, isName: token.isName)
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

    /// The whole table of the weighted edit distance, row by row (`source.count + 1`
    /// columns), from which the differences are read back.
    static func distanceTable(_ q: [CostToken], _ s: [CostToken]) -> [Double] {
        let columns = s.count + 1
        var cost = [Double](repeating: 0, count: (q.count + 1) * columns)
        for j in 0..<s.count { cost[j + 1] = cost[j] + s[j].gap }
        for i in 0..<q.count {
            let a = q[i]
            cost[(i + 1) * columns] = cost[i * columns] + a.gap
            for j in 0..<s.count {
                let replace = cost[i * columns + j] + a.replaceCost(s[j])
                let delete = cost[i * columns + j + 1] + a.gap
                let insert = cost[(i + 1) * columns + j] + s[j].gap
                cost[(i + 1) * columns + j + 1] = min(replace, delete, insert)
            }
        }
        return cost
    }

    /// The weighted edit distance alone, in two rows (the same sums in the same order as
    /// ``distanceTable(_:_:)``, so the same value to the last bit), or nil as soon as a row
    /// shows that it exceeds `limit` (never for an infinite `limit`): every path to the last
    /// cell crosses each row, costs are never negative, and a sum of non-negative terms
    /// rounds to no less than any of its prefixes, so the distance is at least the smallest
    /// cell of any row. A candidate far from the query is given up after a few rows instead
    /// of filling the whole table.
    static func distance(
        _ q: UnsafeBufferPointer<CostToken>, _ s: UnsafeBufferPointer<CostToken>,
        rows: UnsafeMutableBufferPointer<Double>, giveUpAbove limit: Double
    ) -> Double? {
        let columns = s.count + 1
        var previous = rows.baseAddress!
        var current = previous + columns
        previous[0] = 0
        for j in 0..<s.count { previous[j + 1] = previous[j] + s[j].gap }
        for i in 0..<q.count {
            let a = q[i]
            current[0] = previous[0] + a.gap
            var smallest = current[0]
            for j in 0..<s.count {
                let replace = previous[j] + a.replaceCost(s[j])
                let delete = previous[j + 1] + a.gap
                let insert = current[j] + s[j].gap
                let cell = min(replace, delete, insert)
                current[j + 1] = cell
                smallest = min(smallest, cell)
            }
            if smallest > limit { return nil }
            swap(&previous, &current)
        }
        return previous[s.count]
    }
}
