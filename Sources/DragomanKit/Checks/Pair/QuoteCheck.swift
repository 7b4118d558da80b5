/// Quotation marks in the target left open or closing nothing, by the quotation marks of the
/// target's language (see ``PairedMarks``), and quotations of the source that the target
/// dropped.
///
/// An unbalanced quotation mark is a warning unless the source has as many unbalanced (a
/// quotation running over several segments). Not an error: translations move quotations
/// across segment boundaries (a quotation opened at the end of one segment in the source may
/// open at the start of the next in the target), and on the NTREX news most unbalanced target
/// quotes were such moves. Single quotation marks are not reported when unbalanced, since they
/// double as apostrophes (`'90s`, `rock 'n' roll`). A source that quotes and a target with no
/// quotation mark is a warning too: indirect speech may be a choice.
public struct QuoteCheck: PairCheck {
    public var id: String { "form.quotes" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let sourceScalars = Array(pair.source.unicodeScalars)
        let targetScalars = Array(pair.target.unicodeScalars)
        let source = PairedMarks(sourceScalars, language: pair.sourceLanguage)
        let target = PairedMarks(targetScalars, language: pair.targetLanguage)
        var findings = MarkBalance.unbalanced(
            target: target, source: source, family: .quote
        ).map { mark in
            CheckFinding(
                check: id, severity: .warning,
                message:
                    "“\(mark.scalar)” in the target has no partner: close or remove the quotation.",
                target: mark.offset..<(mark.offset + 1))
        }
        let sourcePairs = source.pairs.filter { $0.open.family == .quote }
        if let first = sourcePairs.first,
            !targetScalars.contains(where: { Self.doubleQuotes.contains($0) })
        {
            let span = first.open.offset..<(first.close + 1)
            findings.append(
                CheckFinding(
                    check: id, severity: .warning,
                    message:
                        "The source quotes “\(MarkBalance.excerpt(sourceScalars, span))” but the target has no quotation marks: keep the quotation or check the translation.",
                    source: span))
        }
        return findings
    }

    private static let doubleQuotes: Set<Unicode.Scalar> = [
        "\"", "“", "”", "„", "‟", "«", "»", "‚", "‘", "’", "'", "‹", "›",
    ]
}
