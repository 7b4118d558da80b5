import DragomanKit
import Testing

/// One table row for the pair checks: a pair of sentences written for these tests and the
/// findings expected on it, each as check id, severity and the text its spans cover.
struct PairCheckCase: Sendable, CustomTestStringConvertible {
    struct Expected: Sendable, Equatable, CustomStringConvertible {
        let check: String
        let severity: CheckSeverity
        /// The source text the finding's source span covers, or nil for no source span.
        let source: String?
        let target: String?

        var description: String {
            "\(check) \(severity) source \(source ?? "-") target \(target ?? "-")"
        }
    }

    let pair: SegmentPair
    let expected: [Expected]

    init(
        _ sourceLanguage: Language, _ source: String, _ targetLanguage: Language,
        _ target: String, _ expected: [Expected] = []
    ) {
        pair = SegmentPair(
            source: source, target: target, sourceLanguage: sourceLanguage,
            targetLanguage: targetLanguage)
        self.expected = expected
    }

    var testDescription: String {
        "\(pair.sourceLanguage)→\(pair.targetLanguage): \(pair.source) | \(pair.target)"
    }

    /// The findings of `checks` as `Expected` values, spans turned back into the text they
    /// cover.
    func found(by checks: [any PairCheck]) -> [Expected] {
        checks.flatMap { $0.findings(in: pair) }.map { finding in
            Expected(
                check: finding.check, severity: finding.severity,
                source: finding.source.map { Self.text(pair.source, $0) },
                target: finding.target.map { Self.text(pair.target, $0) })
        }
    }

    static func text(_ text: String, _ span: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        guard span.lowerBound >= 0, span.upperBound <= scalars.count else {
            return "<out of range \(span)>"
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span])
        return String(view)
    }
}

func expect(
    _ check: String, _ severity: CheckSeverity, source: String? = nil, target: String? = nil
) -> PairCheckCase.Expected {
    PairCheckCase.Expected(check: check, severity: severity, source: source, target: target)
}
