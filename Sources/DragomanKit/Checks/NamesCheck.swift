/// Proper names of the source that the target leaves out or misspells (`names`).
///
/// - A name written in the target without its diacritics (`Tunc` for `Tunç`, `Aydin` for
///   `Aydın`) is an error: it is another spelling of a person's or place's name.
/// - A name of the source with no counterpart in the target is a warning: names are often
///   translated (`Germany` → `Almanya`), so a reviser decides.
///
/// Names are capitalised words that do not open a sentence, and a run of them is one name
/// (`Kuzey Kore`, `Welsh Assembly`): when any of its words is in the target, the name is there,
/// translated in part. A word that opens a sentence is checked for its spelling only, and only
/// when a capitalised word follows (`Tunç Soyer said`), since cognates differ in diacritics
/// (`Albüm`, `Album`). Words of glossary entries are left to ``TerminologyCheck``, which knows
/// their translations (`Munich` → `München`). In the target a name may carry Turkish suffixes
/// after an apostrophe (`Soyer'in`) and the genitive `s` of English and German (`Soyer's`,
/// `Soyers`); a five-letter prefix or a compound (`Nordkorea` for `Kore`) accepts adapted
/// forms. German capitalises every noun, so in German sources only words with letters German
/// does not use (`ç`, `ş`, `ğ`, `ı`: Turkish names) count for the missing-name warning; the
/// diacritics error applies to every capitalised word. Headlines in title case get no
/// missing-name warnings. The dot of İ is not a diacritic outside Turkish (`Istanbul`).
public struct NamesCheck: DocumentCheck {
    public static let id = "names"

    public var ids: [String] { [Self.id] }

    public init() {}

    /// Capitalised words that are not names in English text: months, days, peoples and
    /// languages, which are translated.
    static let englishCommon: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "english", "turkish", "german", "american", "british",
        "european", "french", "russian", "chinese", "italian", "spanish", "greek", "syrian",
        "kurdish", "arab", "arabic", "iranian", "israeli", "palestinian", "muslim",
        "christian", "jewish", "catholic", "african", "asian", "democrats", "democrat",
        "republican", "republicans", "mr", "mrs", "ms", "dr", "prof", "sir", "i", "tv",
        "ok", "ceo", "the", "u.s", "u.n", "u.k", "welsh", "scottish", "irish", "dutch",
        "swedish", "catalan", "polish", "japanese", "korean", "mexican", "canadian",
        "australian", "indian", "north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "northeast", "northwest", "southeast", "southwest",
    ]

    /// The same for Turkish text: months and days are capitalised in dates.
    static let turkishCommon: Set<String> = [
        "ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul",
        "ekim", "kasim", "aralik", "pazartesi", "sali", "carsamba", "persembe", "cuma",
        "cumartesi", "pazar", "sayin", "bay", "bayan", "kuzey", "guney", "dogu", "bati",
    ]

    public func findings(in document: CheckDocument, context: CheckContext) -> [LocatedFinding] {
        let from = document.sourceLanguage
        let to = document.targetLanguage
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() where unit.isPaired {
            let source = unit.pair.source
            let covered = context.glossaryMatches(source, from).map { $0.start..<$0.end }
            let sourceTokens = context.tokens(source, from)
            let targetWords = context.tokens(unit.pair.target, to).filter { $0.kind == .word }
            let targetForms = targetWords.map { word in
                (word, Self.bases(of: word.text, language: to, forTarget: true))
            }
            // In a headline in title case every word is capitalised: no word there is known
            // to be a name, so only misspellings are reported. (German capitalises nouns, and
            // its missing names are judged by their letters instead.)
            let sourceWords = sourceTokens.filter { $0.kind == .word }
            let capitalised = sourceWords.filter { $0.text.first?.isUppercase == true }.count
            let titleCase =
                from != .german && sourceWords.count >= 4
                && capitalised * 10 >= sourceWords.count * 6
            // Consecutive capitalised words form one name (`Kuzey Kore`, `Welsh Assembly`):
            // when any word of it is in the target, the name is there, translated in part.
            var missing: [(name: String, span: Range<Int>)] = []
            var sequence: (words: [String], span: Range<Int>, found: Bool)?
            var lastPosition = -2
            var lostNames: Set<String> = []
            func close() {
                if let current = sequence, !current.found {
                    missing.append((current.words.joined(separator: " "), current.span))
                }
                sequence = nil
            }
            for (position, token) in sourceTokens.enumerated() where token.kind == .word {
                guard !covered.contains(where: { $0.overlaps(token.start..<token.end) }),
                    token.text.unicodeScalars.count >= 2,
                    token.text.unicodeScalars.first?.properties.isUppercase == true
                else { continue }
                // A capitalised word that opens a sentence may be a name or not: its spelling
                // is checked, its absence is not.
                let candidate = Self.isNameCandidate(
                    token, at: position, in: sourceTokens, language: from)
                // At a sentence start only a word the next capitalised word continues
                // (`Tunç Soyer said`) is taken for a name: `Albüm` and `Album` are cognates.
                if !candidate {
                    let next = sourceTokens.dropFirst(position + 1).first
                    guard let next, next.kind == .word,
                        next.text.unicodeScalars.first?.properties.isUppercase == true
                    else { continue }
                }
                if candidate {
                    if position != lastPosition + 1 { close() }
                    lastPosition = position
                }
                let name =
                    Self.bases(of: token.text, language: from).dropFirst().first ?? token.text
                let nameKey = MatchKey.make(name)
                let lowered = name.lowercased()
                var exact = false
                var lost: Token?
                var similar = false
                for (word, bases) in targetForms {
                    for base in bases {
                        let key = MatchKey.make(base)
                        if base.lowercased() == lowered {
                            exact = true
                        } else if key == nameKey {
                            if TerminologyCheck.losesDiacritics(base, name, in: to)
                                && base.count == name.count
                            {
                                lost = lost ?? word
                            } else {
                                similar = true
                            }
                        } else if Self.sharesPrefix(nameKey, key)
                            || (nameKey.count >= 4 && key.contains(nameKey))
                            || Self.soundsAlike(nameKey, key)
                        {
                            similar = true
                        }
                    }
                    if exact { break }
                }
                if let lost, !exact, lostNames.insert(nameKey).inserted {
                    found.append(
                        LocatedFinding(
                            unit: index,
                            finding: CheckFinding(
                                check: Self.id, severity: .error,
                                message:
                                    "“\(lost.text)” spells the name “\(name)” without its diacritics: write “\(name)”.",
                                source: token.start..<token.end, target: lost.start..<lost.end)))
                }
                let present = exact || similar || lost != nil
                guard candidate else { continue }
                if var current = sequence {
                    current.words.append(name)
                    current.span = current.span.lowerBound..<token.end
                    current.found = current.found || present
                    sequence = current
                } else {
                    sequence = ([name], token.start..<token.end, present)
                }
            }
            close()
            guard !titleCase else { continue }
            var seen: Set<String> = []
            for (name, span) in missing where Self.mayBeMissing(name, language: from) {
                guard seen.insert(MatchKey.make(name)).inserted else { continue }
                found.append(
                    LocatedFinding(
                        unit: index,
                        finding: CheckFinding(
                            check: Self.id, severity: .warning,
                            message:
                                "The name “\(name)” does not appear in the target: check that it is translated or kept.",
                            source: span)))
            }
        }
        return found
    }

    /// Whether the word at `position` is capitalised, not at a sentence start, and not a
    /// common word that languages capitalise.
    static func isNameCandidate(
        _ token: Token, at position: Int, in tokens: [Token], language: Language
    ) -> Bool {
        let scalars = Array(token.text.unicodeScalars)
        guard scalars.count >= 2, let first = scalars.first, first.properties.isUppercase,
            scalars.contains(where: { $0.properties.isAlphabetic })
        else { return false }
        // The first word, and a word after sentence punctuation or an opening quote or
        // bracket, may be capitalised for the sentence's sake.
        var previous = position - 1
        while previous >= 0 && tokens[previous].kind == .punctuation
            && ["\"", "“", "”", "„", "«", "»", "'", "‘", "’", "(", "[", "-", "–", "—"].contains(
                tokens[previous].text)
        {
            if ["\"", "“", "„", "«", "‘", "(", "[", "-", "–", "—"].contains(tokens[previous].text) {
                return false
            }
            previous -= 1
        }
        if previous < 0 { return false }
        if tokens[previous].kind == .punctuation
            && [".", "!", "?", ":", "…", ";"].contains(tokens[previous].text)
        {
            return false
        }
        let key = MatchKey.make(
            bases(of: token.text, language: language).dropFirst().first ?? token.text)
        // Short capitals (AM, TV, DM) are abbreviations, mostly translated or spelled out.
        let letters = token.text.filter(\.isLetter)
        if letters.count <= 4 && letters.dropLast().allSatisfy(\.isUppercase)
            && letters.first?.isUppercase == true && letters.dropFirst().first?.isUppercase == true
        {
            return false
        }
        switch language {
        case .english: return !englishCommon.contains(key)
        case .turkish: return !turkishCommon.contains(key)
        default: return true
        }
    }

    /// The word and the form it may stand for without an ending: before an apostrophe
    /// (`Soyer'in`, `Soyer's`), or without a genitive `s` (`Soyers`). A name of the source is
    /// read without what follows an apostrophe only, since `Wales` is not `Wale` + s.
    static func bases(of word: String, language: Language, forTarget: Bool = false) -> [String] {
        var result = [word]
        let apostrophes: Set<Character> = ["'", "’", "ʼ", "`", "´"]
        if let cut = word.firstIndex(where: { apostrophes.contains($0) }), cut > word.startIndex {
            result.append(String(word[..<cut]))
        } else if language != .turkish, word.count > 3, word.hasSuffix("s"), forTarget {
            result.append(String(word.dropLast()))
        }
        return result
    }

    /// Whether two keys share their first five letters (or the whole shorter key when it has
    /// four letters or more): adapted forms of one name (`Moskau`, `Moskova`).
    static func sharesPrefix(_ a: String, _ b: String) -> Bool {
        let length = min(5, min(a.count, b.count))
        guard length >= 4 else { return false }
        return a.prefix(length) == b.prefix(length)
    }

    /// Whether two keys begin with the same four consonant sounds (three for shorter names):
    /// a place name spelled in the target language's way, `Mexico`/`Meksika`/`Mexiko`,
    /// `California`/`Kaliforniya`, `Indonesia`/`Endonezya`, `Macedonia`/`Makedonien`.
    public static func soundsAlike(_ a: String, _ b: String) -> Bool {
        let x = consonantSkeleton(a)
        let y = consonantSkeleton(b)
        let length = min(4, min(x.count, y.count))
        guard length >= 3, x.count >= 3, y.count >= 3 else { return false }
        return x.prefix(length) == y.prefix(length)
    }

    /// The consonants of a match key as they sound: `c`, `k`, `q` alike, `x` as `ks`, `ph` as
    /// `f`, `w` as `v`, `z` as `s`; vowels, `h`, `j`, `y` and doubled letters left out.
    static func consonantSkeleton(_ key: String) -> [Character] {
        var out: [Character] = []
        var previous: Character = " "
        for character in key {
            var sounds: [Character]
            switch character {
            case "a", "e", "i", "o", "u", "y", "j", "h", "'", "-", " ": sounds = []
            case "c", "q", "k": sounds = ["k"]
            case "x": sounds = ["k", "s"]
            case "w": sounds = ["v"]
            case "z": sounds = ["s"]
            default: sounds = character.isLetter ? [character] : []
            }
            if character == "h" && previous == "p", out.last == "p" { out[out.count - 1] = "f" }
            previous = character
            for sound in sounds where out.last != sound { out.append(sound) }
        }
        return out
    }

    /// Whether a missing name of the source language is worth a warning: German capitalises
    /// all nouns, so only words with letters German lacks count there.
    static func mayBeMissing(_ name: String, language: Language) -> Bool {
        guard language == .german else { return true }
        let foreign: Set<Character> = ["ç", "ş", "ğ", "ı", "İ", "Ç", "Ş", "Ğ"]
        return name.contains(where: { foreign.contains($0) })
    }
}
