/// The checks that judge one aligned pair on its own: numbers (`numbers`, `numbers.percent`,
/// `numbers.currency`, `numbers.date`) and form (`form.*`).
public enum PairChecks {
    public static let all: [any PairCheck] = [
        NumbersCheck(), DoubledWordCheck(),
        DoubleSpaceCheck(), EdgeWhitespaceCheck(), EndPunctuationCheck(), BracketCheck(),
        QuoteCheck(), LinkCheck(),
    ]

    /// The findings of every pair check on `pair`, in the order of ``all``.
    public static func findings(in pair: SegmentPair) -> [CheckFinding] {
        all.flatMap { $0.findings(in: pair) }
    }
}
