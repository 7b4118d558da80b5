/// Glossary terms in translation: a term of the source whose rendering is missing from the
/// target, and target terms the glossary advises against.
///
/// - `terminology.missing` (warning): an entry found in the source (inflected forms included)
///   has no hit in the target, under any of its preferred or admitted terms, inflected
///   (`Belediye Başkanı'nın` → `des Bürgermeisters`). A paraphrase may be right, so it is a
///   warning.
/// - `terminology.forbidden`: a forbidden term in the target (error) or a deprecated one
///   (warning), with the preferred term to use instead.
/// - `terminology.variant`: a target term spelled without its diacritics (`Munchen`), an error
///   in Turkish and German, a warning in English where such spellings are common. Turkish
///   dotted and dotless I are left to ``DottedICheck``.
public struct TerminologyCheck: DocumentCheck {
    public static let missing = "terminology.missing"
    public static let forbidden = "terminology.forbidden"
    public static let variant = "terminology.variant"

    public var ids: [String] { [Self.missing, Self.forbidden, Self.variant] }

    public init() {}

    public func findings(in document: CheckDocument, context: CheckContext) -> [LocatedFinding] {
        guard let glossary = context.glossary else { return [] }
        let from = document.sourceLanguage
        let to = document.targetLanguage
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() where unit.isPaired {
            let sourceHits = context.glossaryMatches(unit.pair.source, from)
            let targetHits = context.glossaryMatches(unit.pair.target, to)
            let targetEntries = Set(targetHits.map(\.entryID))
            let targetKey = MatchKey.make(unit.pair.target)
            var reported: Set<String> = []
            for hit in sourceHits where !targetEntries.contains(hit.entryID) {
                guard let entry = glossary[hit.entryID], !reported.contains(entry.id) else {
                    continue
                }
                let usable = entry.terms(in: to).filter(\.status.isUsable)
                guard !usable.isEmpty else { continue }
                // A term inside a compound or in a spelling the matcher does not inflect
                // (Bürgermeisterwahl) is there all the same.
                if usable.contains(where: {
                    let key = MatchKey.make($0.text)
                    return key.count >= 5 && targetKey.contains(key)
                }) {
                    continue
                }
                reported.insert(entry.id)
                let renderings = usable.map { "“\($0.text)”" }.joined(separator: " or ")
                found.append(
                    LocatedFinding(
                        unit: index,
                        finding: CheckFinding(
                            check: Self.missing, severity: .warning,
                            message:
                                "“\(hit.matched)” is not translated with the glossary's term: use \(renderings).",
                            source: hit.start..<hit.end)))
            }
            for hit in targetHits {
                guard let entry = glossary[hit.entryID] else { continue }
                let preferred = entry.terms(in: to).first(where: \.status.isUsable)
                if to == .turkish && DottedICheck.isDottedIMistake(hit.matched, entry: entry) {
                    continue
                }
                let advice = preferred.map { " Use “\($0.text)”." } ?? ""
                switch hit.term.status {
                case .forbidden, .deprecated:
                    let forbidden = hit.term.status == .forbidden
                    let reason = hit.term.note.map { " \($0)" } ?? ""
                    found.append(
                        LocatedFinding(
                            unit: index,
                            finding: CheckFinding(
                                check: Self.forbidden, severity: forbidden ? .error : .warning,
                                message:
                                    "“\(hit.matched)” is a \(forbidden ? "forbidden" : "deprecated") term.\(advice)\(reason)",
                                target: hit.start..<hit.end)))
                case .preferred, .admitted:
                    // German umlaut plurals (Rat, Räte) add diacritics; only a lost one is a
                    // misspelling.
                    guard hit.isVariant,
                        Self.losesDiacritics(hit.matched, hit.term.text, in: to)
                    else { continue }
                    found.append(
                        LocatedFinding(
                            unit: index,
                            finding: CheckFinding(
                                check: Self.variant, severity: to == .english ? .warning : .error,
                                message:
                                    "“\(hit.matched)” misspells “\(hit.term.text)”: keep its letters and diacritics.",
                                target: hit.start..<hit.end)))
                }
            }
        }
        return found
    }

    /// Whether `written` has a plain letter where `term` has the same letter with a diacritic,
    /// comparing from the start (endings may differ). The dot of İ counts only in Turkish.
    static func losesDiacritics(_ written: String, _ term: String, in language: Language) -> Bool {
        for (x, y) in zip(term, written) where x != y {
            let plain = y.unicodeScalars.allSatisfy(\.isASCII)
            let marked = !x.unicodeScalars.allSatisfy(\.isASCII)
            guard plain && marked else { continue }
            if x == "İ" && language != .turkish { continue }
            if MatchKey.make(String(x)) == MatchKey.make(String(y)) { return true }
        }
        return false
    }
}
