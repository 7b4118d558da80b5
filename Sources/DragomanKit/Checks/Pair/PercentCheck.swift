/// Percentages whose value changed (`5%` → `%6`: an error), that were lost or added (a
/// warning), or that one side writes without the percent sign or word (`64 percent` → `64`: a
/// warning). `5%`, `%5`, `5 %`, `yüzde 5`, `5 Prozent` and `5 per cent` are one percentage.
public struct PercentCheck: PairCheck {
    static let checkID = "numbers.percent"

    public var id: String { Self.checkID }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        NumberComparisonCache.shared.comparison(for: pair).findings.filter {
            $0.check == Self.checkID
        }
    }
}
