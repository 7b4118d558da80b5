/// Two or more spaces in a row inside the target, where one belongs: left over from editing.
/// Spaces at the start and end are ``EdgeWhitespaceCheck``'s, and a target is not blamed for
/// a habit its source shares (a source that also has runs of spaces inside).
public struct DoubleSpaceCheck: PairCheck {
    public var id: String { "form.double-space" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let source = Array(pair.source.unicodeScalars)
        guard Self.innerRuns(source).isEmpty else { return [] }
        let target = Array(pair.target.unicodeScalars)
        return Self.innerRuns(target).map { run in
            let word = Self.wordBefore(run.lowerBound, in: target)
            return CheckFinding(
                check: id, severity: .warning,
                message:
                    "The target has \(run.count) spaces in a row after “\(word)”: keep one.",
                target: run)
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\t" || scalar == "\u{202F}"
            || scalar == "\u{2009}"
    }

    /// Runs of two or more spaces with text on both sides.
    static func innerRuns(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return [] }
        var runs: [Range<Int>] = []
        var index = first
        while index < last {
            guard isSpace(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < last && isSpace(scalars[index]) { index += 1 }
            if index - start >= 2 { runs.append(start..<index) }
        }
        return runs
    }

    private static func wordBefore(_ offset: Int, in scalars: [Unicode.Scalar]) -> String {
        var start = offset
        while start > 0 && !scalars[start - 1].properties.isWhitespace { start -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<offset])
        return String(view)
    }
}
