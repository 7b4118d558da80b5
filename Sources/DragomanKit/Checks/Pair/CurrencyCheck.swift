/// Amounts of money whose value changed (`$3 million` → `3 milyar dolar`: an error), that were
/// lost or added, or whose currency differs (`€20` → `20 dolar`: a warning). Signs, codes and
/// words in each language name a currency (`$`, `USD`, `dollars`, `dolar`, `Dollar`), with
/// scale words between (`3 Millionen Dollar`, `3 milyon ABD doları`).
public struct CurrencyCheck: PairCheck {
    static let checkID = "numbers.currency"

    public var id: String { Self.checkID }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        NumberComparisonCache.shared.comparison(for: pair).findings.filter {
            $0.check == Self.checkID
        }
    }
}
