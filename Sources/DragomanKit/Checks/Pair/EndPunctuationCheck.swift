/// The target ends with other punctuation than the source: a question turned into a
/// statement, a full stop or colon lost. Only a source that ends with `.`, `?`, `!`, `:` or an
/// ellipsis is judged (a headline without a full stop may get one).
///
/// Closing quotes and brackets after the mark are looked through, so `…açın!”` and `…open!”`
/// agree, as do English `"No."` and German `„Nein“.`; `...` and `…` are the same mark, and
/// `?!` counts as a question. A question or exclamation that the target keeps inside a
/// quotation before going on (`'Why now?' dedi.`) agrees with a source that ends on it.
public struct EndPunctuationCheck: PairCheck {
    public var id: String { "form.end-punctuation" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let source = Array(pair.source.unicodeScalars)
        let target = Array(pair.target.unicodeScalars)
        guard let (sourceMark, sourceSpan) = Self.ending(source), sourceMark != ";",
            target.contains(where: { !$0.properties.isWhitespace })
        else { return [] }
        let targetEnding = Self.ending(target)
        guard targetEnding?.mark != sourceMark else { return [] }
        // A question or exclamation kept inside a quotation, with the sentence going on after
        // it (`…açın!” diye bağırdı.`, `…jetzt?‘, fragte sie.`).
        if sourceMark == "?" || sourceMark == "!",
            target.indices.dropLast().contains(where: {
                target[$0] == sourceMark.unicodeScalars.first!
                    && Self.closers.contains(target[$0 + 1])
            })
        {
            return []
        }
        let targetSpan: Range<Int>
        let targetText: String
        if let (_, span) = targetEnding {
            targetSpan = span
            targetText = "with “\(Self.text(target, span))”"
        } else {
            let end = target.lastIndex { !$0.properties.isWhitespace }.map { $0 + 1 } ?? 0
            targetSpan = end..<end
            targetText = "without punctuation"
        }
        return [
            CheckFinding(
                check: id, severity: .warning,
                message:
                    "The source ends with “\(Self.text(source, sourceSpan))” but the target \(targetText): end the target with “\(sourceMark)”.",
                source: sourceSpan, target: targetSpan)
        ]
    }

    private static let closers: Set<Unicode.Scalar> = [
        "\"", "'", "”", "“", "’", "‘", "»", "«", ")", "]", "}",
    ]
    private static let marks: Set<Unicode.Scalar> = [".", "?", "!", ":", ";", "…", ",", "‽"]

    /// The final mark of a text, as `.`, `?`, `!`, `:`, `;`, `,` or `…`, and where the
    /// run of final marks stands; nil when the text does not end with one.
    static func ending(_ scalars: [Unicode.Scalar]) -> (mark: String, span: Range<Int>)? {
        var end = scalars.count
        while end > 0 && scalars[end - 1].properties.isWhitespace { end -= 1 }
        var index = end
        while index > 0 && closers.contains(scalars[index - 1]) { index -= 1 }
        let runEnd = index
        while index > 0 && marks.contains(scalars[index - 1]) { index -= 1 }
        guard index < runEnd else { return nil }
        let run = scalars[index..<runEnd]
        let mark: String
        if run.contains("?") || run.contains("‽") {
            mark = "?"
        } else if run.contains("!") {
            mark = "!"
        } else if run.contains("…") || run.filter({ $0 == "." }).count >= 3 {
            mark = "…"
        } else if let last = run.last {
            mark = String(last)
        } else {
            return nil
        }
        return (mark, index..<runEnd)
    }

    private static func text(_ scalars: [Unicode.Scalar], _ span: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span])
        return String(view)
    }
}
