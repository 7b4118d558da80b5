/// What the bracket and quotation checks share: the target's unbalanced marks that the source
/// does not excuse, and short quotations of source text.
enum MarkBalance {
    /// Unbalanced marks of `family` in the target, less as many as the source has unbalanced
    /// itself (a quotation running over several segments). Single quotation marks, which double
    /// as apostrophes, are never reported, but the source's excuse the target's.
    static func unbalanced(
        target: PairedMarks, source: PairedMarks, family: PairedMarks.Family
    ) -> [PairedMarks.Mark] {
        let ignored: Set<Unicode.Scalar> = ["'", "‘", "’"]
        let marks = target.unmatched.filter { $0.family == family && !ignored.contains($0.scalar) }
        let excused = source.unmatched.filter { $0.family == family }
        var allowance = excused.count
        var result: [PairedMarks.Mark] = []
        for mark in marks {
            if allowance > 0 {
                allowance -= 1
            } else {
                result.append(mark)
            }
        }
        return result
    }

    /// The text of `span`, shortened to about 40 characters around an ellipsis.
    static func excerpt(_ scalars: [Unicode.Scalar], _ span: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        if span.count <= 40 {
            view.append(contentsOf: scalars[span])
        } else {
            view.append(contentsOf: scalars[span.lowerBound..<(span.lowerBound + 20)])
            view.append("…")
            view.append(contentsOf: scalars[(span.upperBound - 15)..<span.upperBound])
        }
        return String(view)
    }
}
