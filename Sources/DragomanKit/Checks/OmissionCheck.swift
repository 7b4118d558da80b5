/// Text of one side with nothing, or far too little, on the other.
///
/// - `omission`: a source sentence without translation (a 1-0 bead, an empty target) is an
///   error; a target far shorter than the pair's length ratio predicts is a warning (part of
///   the sentence may be missing).
/// - `addition`: a target sentence without source (a 0-1 bead) or a target far longer than
///   predicted (warning).
///
/// The expected ratio of target to source length is the pair's on news text (NTREX:
/// Turkish/English 1.08, German/English 1.19); a unit is flagged when its ratio is below half
/// or above twice the expected one, and only from ``minimumLength`` scalars on, since short
/// sentences vary too much.
public struct OmissionCheck: DocumentCheck {
    public static let omission = "omission"
    public static let addition = "addition"
    /// Units with a shorter longer side are not judged by length.
    public static let minimumLength = 40

    public var ids: [String] { [Self.omission, Self.addition] }

    public init() {}

    /// Target length over source length on translated news, by language pair.
    public static func expectedRatio(from source: Language, to target: Language) -> Double {
        let english: [Language: Double] = [.english: 1, .turkish: 1.08, .german: 1.19]
        guard let a = english[source], let b = english[target] else { return 1 }
        return b / a
    }

    public func findings(in document: CheckDocument, context: CheckContext) -> [LocatedFinding] {
        let expected = Self.expectedRatio(
            from: document.sourceLanguage, to: document.targetLanguage)
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() {
            let source = Self.length(unit.pair.source)
            let target = Self.length(unit.pair.target)
            let sourceSpan = 0..<unit.pair.source.unicodeScalars.count
            let targetSpan = 0..<unit.pair.target.unicodeScalars.count
            if source > 0 && target == 0 {
                let sentences = unit.sourceSentences == 1 ? "sentence has" : "sentences have"
                found.append(
                    LocatedFinding(
                        unit: index,
                        finding: CheckFinding(
                            check: Self.omission, severity: .error,
                            message: "This source \(sentences) no translation: translate it.",
                            source: sourceSpan)))
            } else if source == 0 && target > 0 {
                found.append(
                    LocatedFinding(
                        unit: index,
                        finding: CheckFinding(
                            check: Self.addition, severity: .warning,
                            message:
                                "This target text has no source: remove it or check the alignment.",
                            target: targetSpan)))
            } else if max(source, target) >= Self.minimumLength && source > 0 {
                let ratio = Double(target) / Double(source) / expected
                if ratio < 0.5 {
                    found.append(
                        LocatedFinding(
                            unit: index,
                            finding: CheckFinding(
                                check: Self.omission, severity: .warning,
                                message:
                                    "The target is \(Self.percent(ratio)) of the expected length: part of the source may be missing.",
                                source: sourceSpan, target: targetSpan)))
                } else if ratio > 2 {
                    found.append(
                        LocatedFinding(
                            unit: index,
                            finding: CheckFinding(
                                check: Self.addition, severity: .warning,
                                message:
                                    "The target is \(Self.percent(ratio)) of the expected length: it may add text the source lacks.",
                                source: sourceSpan, target: targetSpan)))
                }
            }
        }
        return found
    }

    /// Scalars that are not white space.
    static func length(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    }

    private static func percent(_ ratio: Double) -> String {
        "\(Int((ratio * 100).rounded())) %"
    }
}
