/// Dates, years and clock times that changed: a day or month shifted (`3 October` → `4 Ekim`,
/// `3. November`), a year changed (`2019` → `2018`) or a time moved (`10:30` → `11.30`) are
/// errors. `3 October`, `October 3`, `3 Ekim`, `3. Oktober` and `3.10.` are one date;
/// `10:30`, `10.30 Uhr`, `saat 10.30` and `10.30am` one time. A year that only one side names is
/// information: translations drop or add a year for clarity.
public struct DateCheck: PairCheck {
    static let checkID = "numbers.date"

    public var id: String { Self.checkID }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        NumberComparisonCache.shared.comparison(for: pair).findings.filter {
            $0.check == Self.checkID
        }
    }
}
