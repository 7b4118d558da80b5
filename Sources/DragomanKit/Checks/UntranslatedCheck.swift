/// A target left in the source language (`untranslated`, error).
///
/// Either the target is the source again (after normalization: case, spacing, quotes), or it
/// reads as the source language: at least three of its function words are the source
/// language's and at most one is the target language's. Units made only of numbers, names
/// and short words (`Ankara, 3 Ekim`) are not judged, since they may rightly stay the same.
public struct UntranslatedCheck: DocumentCheck {
    public static let id = "untranslated"

    public var ids: [String] { [Self.id] }

    public init() {}

    public func findings(in document: CheckDocument, context: CheckContext) -> [LocatedFinding] {
        let from = document.sourceLanguage
        let to = document.targetLanguage
        guard from != to else { return [] }
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() where unit.isPaired {
            let sourceWords = context.tokens(unit.pair.source, from).filter { $0.kind == .word }
            // Lower-case words of three letters or more: what a translation must change.
            let ordinary = sourceWords.filter {
                $0.text.count >= 3 && $0.text.first.map { !$0.isUppercase } == true
            }
            guard ordinary.count >= 2 else { continue }
            let targetSpan = 0..<unit.pair.target.unicodeScalars.count
            let sourceCounts = LanguageGuess.counts(
                sourceWords.map { CaseMapping.lowercase($0.text, language: from) })
            // A quotation in a third language (French in an English text) is rightly kept.
            let readsAsSource = (sourceCounts[from] ?? 0) >= 1 || ordinary.count >= 4
            if readsAsSource && MatchKey.make(unit.pair.source) == MatchKey.make(unit.pair.target) {
                found.append(
                    LocatedFinding(
                        unit: index,
                        finding: CheckFinding(
                            check: Self.id, severity: .error,
                            message: "The target is the source unchanged: translate it.",
                            source: 0..<unit.pair.source.unicodeScalars.count,
                            target: targetSpan)))
                continue
            }
            let targetWords = context.tokens(unit.pair.target, to).filter { $0.kind == .word }
                .map { CaseMapping.lowercase($0.text, language: to) }
            let counts = LanguageGuess.counts(targetWords)
            let sourceCount = counts[from] ?? 0
            let targetCount = counts[to] ?? 0
            if sourceCount >= 3 && targetCount <= 1 && sourceCount >= 3 * max(targetCount, 1) {
                found.append(
                    LocatedFinding(
                        unit: index,
                        finding: CheckFinding(
                            check: Self.id, severity: .error,
                            message:
                                "The target reads as \(Self.name(from)), not \(Self.name(to)): translate it.",
                            target: targetSpan)))
            }
        }
        return found
    }

    static func name(_ language: Language) -> String {
        switch language {
        case .english: "English"
        case .turkish: "Turkish"
        case .german: "German"
        default: language.code
        }
    }
}
