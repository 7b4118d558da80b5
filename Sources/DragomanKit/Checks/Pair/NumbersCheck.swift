/// Numbers whose value the target lost, added or changed, under four ids: `numbers` (counts,
/// measures, ordinals, scores), `numbers.percent`, `numbers.currency` and `numbers.date`. One
/// reading of the pair serves all four, so the check is one check with a family of ids; the
/// configuration turns each id off or changes its severity on its own.
///
/// Numbers are compared as values, each side read with its language's rules (`1,250.5` =
/// `1.250,5`; `3 million` = `3 milyon` = `3.000.000`; `3rd` = `3.` = `3'üncü`), so a number
/// written another way is no finding, and a number spelled out (`two`, `iki`, `zwei`) answers
/// its digits. See ``NumberComparison`` for what counts as a change and the severities.
///
/// - `numbers.percent`: percentages whose value changed (`5%` → `%6`: an error), that were lost
///   or added (a warning), or that one side writes without the percent sign or word (`64
///   percent` → `64`: a warning). `5%`, `%5`, `5 %`, `yüzde 5`, `5 Prozent` and `5 per cent`
///   are one percentage.
/// - `numbers.currency`: amounts of money whose value changed (`$3 million` → `3 milyar dolar`:
///   an error), that were lost or added, or whose currency differs (`€20` → `20 dolar`: a
///   warning). Signs, codes and words in each language name a currency (`$`, `USD`, `dollars`,
///   `dolar`, `Dollar`), with scale words between (`3 Millionen Dollar`, `3 milyon ABD
///   doları`).
/// - `numbers.date`: dates, years and clock times that changed: a day or month shifted (`3
///   October` → `4 Ekim`, `3. November`), a year changed (`2019` → `2018`) or a time moved
///   (`10:30` → `11.30`) are errors. `3 October`, `October 3`, `3 Ekim`, `3. Oktober` and
///   `3.10.` are one date; `10:30`, `10.30 Uhr`, `saat 10.30` and `10.30am` one time. A year
///   that only one side names is information: translations drop or add a year for clarity.
public struct NumbersCheck: PairCheck {
    static let checkID = "numbers"
    static let percentID = "numbers.percent"
    static let currencyID = "numbers.currency"
    static let dateID = "numbers.date"

    public var id: String { Self.checkID }
    public var ids: [String] { [Self.checkID, Self.percentID, Self.currencyID, Self.dateID] }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        NumberComparison(pair).findings
    }
}
