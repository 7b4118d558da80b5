/// Counts, measures, ordinals and scores whose value the target lost, added or changed.
///
/// Numbers are compared as values, each side read with its language's rules (`1,250.5` =
/// `1.250,5`; `3 million` = `3 milyon` = `3.000.000`; `3rd` = `3.` = `3'üncü`), so a number
/// written another way is no finding, and a number spelled out (`two`, `iki`, `zwei`) answers
/// its digits. See ``NumberComparison`` for what counts as a change and the severities.
public struct NumbersCheck: PairCheck {
    static let checkID = "numbers"

    public var id: String { Self.checkID }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        NumberComparisonCache.shared.comparison(for: pair).findings.filter {
            $0.check == Self.checkID
        }
    }
}
