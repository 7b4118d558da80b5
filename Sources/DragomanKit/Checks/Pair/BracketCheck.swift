/// Brackets in the target left open or closing nothing, and brackets of the source that the
/// target dropped.
///
/// An unbalanced bracket is an error unless the source has the same one unbalanced (a segment
/// cut inside a parenthesis, a list marker `1)`). A source with bracketed text and a target
/// with no bracket at all is a warning: a translator may turn a parenthesis into commas or
/// dashes.
public struct BracketCheck: PairCheck {
    public var id: String { "form.brackets" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let sourceScalars = Array(pair.source.unicodeScalars)
        let targetScalars = Array(pair.target.unicodeScalars)
        let source = PairedMarks(sourceScalars, language: pair.sourceLanguage)
        let target = PairedMarks(targetScalars, language: pair.targetLanguage)
        var findings = MarkBalance.unbalanced(
            target: target, source: source, family: .bracket
        ).map { mark in
            CheckFinding(
                check: id, severity: .error,
                message: Self.closers[mark.scalar].map {
                    "“\(mark.scalar)” in the target is never closed: add the “\($0)”."
                }
                    ?? "“\(mark.scalar)” in the target closes nothing: remove it or add its opening bracket.",
                target: mark.offset..<(mark.offset + 1))
        }
        let sourcePairs = source.pairs.filter { $0.open.family == .bracket }
        if let first = sourcePairs.first,
            !targetScalars.contains(where: {
                Self.closers[$0] != nil || Self.closers.values.contains($0)
            })
        {
            let span = first.open.offset..<(first.close + 1)
            findings.append(
                CheckFinding(
                    check: id, severity: .warning,
                    message:
                        "The source has “\(MarkBalance.excerpt(sourceScalars, span))” in brackets but the target has no brackets: keep them or check the translation.",
                    source: span))
        }
        return findings
    }

    private static let closers: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]", "{": "}"]
}
