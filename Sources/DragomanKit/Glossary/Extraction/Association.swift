#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How strongly two terms go together across aligned units: of `units` units, `first` hold
/// the first term, `second` the second and `both` hold the two.
///
/// Two measures, which answer different questions: the Dice coefficient says how much the
/// two terms' occurrences overlap (1 when they always come together), the log-likelihood
/// ratio G² (Dunning 1993) how sure we can be that they do not meet by chance, which grows
/// with the evidence. Rare pairs that meet once get a perfect Dice but a small G².
public struct Association: Sendable, Hashable {
    public var both: Int
    public var first: Int
    public var second: Int
    public var units: Int

    public init(both: Int, first: Int, second: Int, units: Int) {
        self.both = both
        self.first = first
        self.second = second
        self.units = units
    }

    /// 2·both / (first + second).
    public var dice: Double {
        first + second == 0 ? 0 : 2 * Double(both) / Double(first + second)
    }

    /// Dunning's G² over the 2×2 table of units with and without each term:
    /// 2 Σ O·ln(O/E), where E is the count expected were the terms independent. Zero when
    /// the terms meet less often than chance would have them meet.
    public var logLikelihood: Double {
        let n = Double(units)
        guard n > 0 else { return 0 }
        let a = Double(both)
        let b = Double(first - both)
        let c = Double(second - both)
        let d = n - a - b - c
        let row1 = a + b
        let row2 = c + d
        let column1 = a + c
        let column2 = b + d
        // Repelling terms are no translation of each other.
        guard a * n > row1 * column1 else { return 0 }
        func term(_ observed: Double, _ row: Double, _ column: Double) -> Double {
            guard observed > 0 else { return 0 }
            return observed * log(observed * n / (row * column))
        }
        return 2
            * (term(a, row1, column1) + term(b, row1, column2) + term(c, row2, column1)
                + term(d, row2, column2))
    }
}
