/// Turkish dotted and dotless I in a Turkish target: `Izmir`, `Istanbul'da`, `Iki` where
/// Turkish writes `İzmir`, `İstanbul'da`, `İki` (error).
///
/// Text typed on a keyboard without Turkish letters, or copied from English, loses the dot of
/// İ; a Turkish reader sees another letter (ı), and search and sorting go wrong. A capital I
/// followed by lower case is flagged when the glossary spells the word with İ (a forbidden or
/// variant hit of an entry whose usable term has İ there) or when the word is in
/// ``TurkishIWords``; a word in capitals (`ISTANBUL`) when the same word with İ is known.
public struct DottedICheck: DocumentCheck {
    public static let id = "turkish.dotted-i"

    public var ids: [String] { [Self.id] }

    public init() {}

    public func findings(in document: CheckDocument, context: CheckContext) -> [LocatedFinding] {
        guard document.targetLanguage == .turkish else { return [] }
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() {
            let target = unit.pair.target
            guard target.unicodeScalars.contains("I") else { continue }
            var flagged: [Range<Int>] = []
            // Glossary terms first: they know the spelling of names the list lacks.
            if let glossary = context.glossary {
                for hit in context.glossaryMatches(target, .turkish) {
                    guard let entry = glossary[hit.entryID],
                        Self.isDottedIMistake(hit.matched, entry: entry)
                    else { continue }
                    flagged.append(hit.start..<hit.end)
                    found.append(
                        Self.finding(index, hit.start..<hit.end, hit.matched))
                }
            }
            for token in context.tokens(target, .turkish) where token.kind == .word {
                guard let first = token.text.unicodeScalars.first, first == "I",
                    !flagged.contains(where: { $0.overlaps(token.start..<token.end) })
                else { continue }
                let letters = token.text.unicodeScalars.filter { $0.properties.isAlphabetic }
                let allCapitals =
                    letters.count > 1 && letters.allSatisfy { $0.properties.isUppercase }
                let second = letters.dropFirst().first
                // Short capitals are mostly abbreviations (IMF, IS).
                guard
                    (allCapitals && letters.count >= 4)
                        || second.map({ $0.properties.isLowercase }) == true
                else { continue }
                guard TurkishIWords.contains(MatchKey.make(token.text)) else { continue }
                found.append(Self.finding(index, token.start..<token.end, token.text))
            }
        }
        return found
    }

    /// Whether `matched` (a glossary hit in Turkish text) writes a capital I where a usable
    /// Turkish term of `entry` has İ at the same place.
    public static func isDottedIMistake(_ matched: String, entry: GlossaryEntry) -> Bool {
        let written = Array(matched.unicodeScalars)
        guard written.contains("I") else { return false }
        for term in entry.terms(in: .turkish) where term.status.isUsable {
            let right = Array(term.text.unicodeScalars)
            var mistake = false
            var same = true
            for (a, b) in zip(written, right) where a != b {
                if a == "I" && b == "İ" {
                    mistake = true
                } else if MatchKey.make(String(a)) != MatchKey.make(String(b)) {
                    same = false
                    break
                }
            }
            if mistake && same { return true }
        }
        return false
    }

    /// `word` with each capital I that Turkish writes İ corrected: the first letter, or every I
    /// of a word in capitals.
    static func corrected(_ word: String) -> String {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count > 1 && letters.allSatisfy({ $0.properties.isUppercase }) {
            return String(
                String.UnicodeScalarView(word.unicodeScalars.map { $0 == "I" ? "İ" : $0 }))
        }
        return "İ" + String(word.unicodeScalars.dropFirst())
    }

    private static func finding(_ unit: Int, _ span: Range<Int>, _ word: String) -> LocatedFinding {
        LocatedFinding(
            unit: unit,
            finding: CheckFinding(
                check: id, severity: .error,
                message:
                    "“\(word)” has a dotless capital I: Turkish writes “\(corrected(word))”.",
                target: span))
    }
}
