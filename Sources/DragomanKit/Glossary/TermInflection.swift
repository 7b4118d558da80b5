/// The forms under which one token of a term is looked for in text, and which endings each
/// form may carry.
///
/// A form is a key prefix (the token's key, or a stem of it) and an ending class. The
/// matcher finds the prefix at the start of a text word and asks the class whether the rest of
/// the word is an ending: `başkan` + `ları` for `Başkanı`, `europaisch` + `en` for
/// `Europäische`, `ministr` + `ies` for `Ministry`.
struct TermForm {
    enum Ending: UInt8 {
        /// Nothing may follow (punctuation, languages without rules).
        case none
        /// Turkish common noun: any nominal chain, apostrophe optional (`Valiler`, `Valisi'nin`).
        case turkishNoun
        /// Turkish name: endings only after an apostrophe (`İzmir'de`, not `İzmirde`).
        case turkishName
        /// A Turkish compound's head without its marker: `başkan` of `Başkanı`, ending in a
        /// plural or a personal possessive (`başkanları`, `Başkanımız`).
        case turkishCompound
        /// A Turkish stem with its final k softened to ğ: ending starts with a vowel.
        case turkishSoftened
        case englishNoun
        case englishName
        /// `ministr` of `ministry`: `ministries`, `ministries'`.
        case englishPluralIes
        case germanNoun
        case germanName
        /// A German adjective's stem: `europaisch` + e, en, er, es, em.
        case germanAdjective
        /// `ministeri` of `Ministerium`: `Ministeriums`, `Ministerien`.
        case germanLatinNeuter
    }

    /// The key prefix; emptied once the form is in the matcher's trie.
    var key: [UInt32]
    var ending: Ending
    /// The key ends in n (`Bürgermeisterin`), which may take the plural -nen.
    var endsInN = false
    /// Whether the key is the whole token, so that an empty ending is the term as written.
    var isWhole: Bool
    /// How many scalars of the token's key the form keeps (before any replaced letter), to
    /// compare that much of the term's spelling with the text.
    var keptLength: Int
    /// The token is written in capitals (`MP`, `NGO`), too short for a stemmer's rules.
    var isAcronym = false

    /// The forms of a term's token.
    static func forms(
        of token: KeyToken, language: Language, isName: Bool, isLast: Bool, nextIsWord: Bool
    ) -> [TermForm] {
        let key = token.key
        let whole = key.count
        guard token.isWord else {
            return [TermForm(key: key, ending: .none, isWhole: true, keptLength: whole)]
        }
        var forms: [TermForm] = []
        func add(_ cut: Int, _ replacement: [UInt32] = [], _ ending: Ending) {
            guard key.count - cut >= 2 else { return }
            forms.append(
                TermForm(
                    key: Array(key[..<(key.count - cut)]) + replacement, ending: ending,
                    isWhole: false, keptLength: key.count - cut))
        }
        switch language {
        case .turkish:
            forms.append(
                TermForm(
                    key: key, ending: isName ? .turkishName : .turkishNoun, isWhole: true,
                    keptLength: whole))
            guard !isName && isLast, let last = key.last else { break }
            let vowels: Set<UInt32> = [0x61, 0x65, 0x69, 0x6F, 0x75]
            let highVowels: Set<UInt32> = [0x69, 0x75]
            if highVowels.contains(last) && key.count >= 4 {
                let before = key[key.count - 2]
                if before == 0x73 && vowels.contains(key[key.count - 3]) {
                    add(2, [], .turkishCompound)  // belediye·si
                }
                if !vowels.contains(before) {
                    // meclis·i as well as belediye·si: both readings are kept.
                    // başkan·ı, bakanlığ·ı (and bakanlık·, whose k softened before the marker)
                    add(1, [], .turkishCompound)
                    if before == 0x67 { add(2, [0x6B], .turkishCompound) }
                }
            } else if last == 0x6B {
                add(1, [0x67], .turkishSoftened)  // bakanlık → bakanlığı
            }
        case .english:
            forms.append(
                TermForm(
                    key: key, ending: isName ? .englishName : .englishNoun, isWhole: true,
                    keptLength: whole))
            if !isName, key.count >= 3, key.last == 0x79,
                !"aeiou".unicodeScalars.contains(where: { $0.value == key[key.count - 2] })
            {
                add(1, [], .englishPluralIes)
            }
        case .german:
            forms.append(
                TermForm(
                    key: key, ending: isName ? .germanName : .germanNoun, isWhole: true,
                    keptLength: whole))
            guard !isName else { break }
            if key.count >= 6, key.suffix(3).elementsEqual("ium".unicodeScalars.map(\.value)) {
                add(2, [], .germanLatinNeuter)
            }
            if !isLast && nextIsWord {
                for ending in ["e", "en", "er", "es", "em"] {
                    let scalars = ending.unicodeScalars.map(\.value)
                    if key.count >= scalars.count + 3,
                        key.suffix(scalars.count).elementsEqual(scalars)
                    {
                        add(scalars.count, [], .germanAdjective)
                    }
                }
            }
        default:
            forms.append(TermForm(key: key, ending: .none, isWhole: true, keptLength: whole))
        }
        let letters = token.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let acronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        for index in forms.indices {
            forms[index].isAcronym = acronym
            forms[index].endsInN = forms[index].key.last == 0x6E
        }
        return forms
    }

    static func folded(_ text: String, _ language: Language) -> String {
        // ASCII needs no normalization; without I it folds alike in every language.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x49 }) { return text.lowercased() }
        return CaseMapping.fold(ICUStrings.normalize(text, form: .nfc), language: language)
    }

    /// Whether `ending` (key scalars after the form's key) is an inflection this form allows.
    /// `stems` compares Snowball stems of the whole word and of the term's token for the
    /// endings where a rule of ours alone would over-reach.
    func accepts<Ending: BidirectionalCollection<UInt32>>(
        _ ending: Ending, stemsAgree: () -> Bool
    ) -> Bool {
        switch self.ending {
        case .none: return ending.isEmpty
        case .turkishNoun:
            guard !ending.isEmpty else { return true }
            return TurkishSuffixes.accepts(
                ending.first == 0x27 ? Array(ending.dropFirst()) : Array(ending))
        case .turkishName:
            guard !ending.isEmpty else { return true }
            return ending.first == 0x27 && TurkishSuffixes.accepts(Array(ending.dropFirst()))
        case .turkishCompound:
            return TurkishSuffixes.accepts(Array(ending), compound: true)
        case .turkishSoftened:
            guard let first = ending.first, [0x61, 0x65, 0x69, 0x6F, 0x75].contains(first)
            else { return false }
            return TurkishSuffixes.accepts(Array(ending))
        case .englishName:
            return Self.oneOf(ending, Self.possessive)
        case .englishNoun:
            if Self.oneOf(ending, Self.possessive) { return true }
            return Self.oneOf(ending, Self.englishPlural) && (isAcronym || stemsAgree())
        case .englishPluralIes:
            return Self.oneOf(ending, Self.englishIes)
        case .germanName:
            return Self.oneOf(ending, Self.germanNameEndings)
        case .germanNoun:
            if ending.isEmpty { return true }
            // The feminine plural (-in·nen) is beyond Snowball's stems; the ending is safe.
            if Self.oneOf(ending, Self.germanFemininePlural) { return endsInN }
            if isAcronym { return Self.oneOf(ending, Self.plainS) }
            return Self.oneOf(ending, Self.germanNounEndings)
                && stemsAgree()
        case .germanAdjective:
            return Self.oneOf(ending, Self.germanAdjectiveEndings)
        case .germanLatinNeuter:
            return Self.oneOf(ending, Self.germanLatinEndings)
        }
    }

    /// Whether `ending` is one of `options`, each packed by ``packed(_:)``.
    private static func oneOf(
        _ ending: some BidirectionalCollection<UInt32>, _ options: [UInt64]
    ) -> Bool {
        guard let packed = packed(ending) else { return false }
        return options.contains(packed)
    }

    /// Up to seven key scalars below U+0100 in one number, with the length, so that endings
    /// compare without strings; nil for longer or other endings.
    static func packed(_ ending: some Collection<UInt32>) -> UInt64? {
        var result = UInt64(0)
        var count = 0
        for value in ending {
            guard value < 0x100, count < 7 else { return nil }
            result = result << 8 | UInt64(value)
            count += 1
        }
        return result << 8 | UInt64(count)
    }

    private static func pack(_ options: [String]) -> [UInt64] {
        options.map { packed($0.unicodeScalars.map(\.value))! }
    }

    private static let possessive = pack(["", "'s", "'"])
    private static let englishPlural = pack(["s", "es", "s'", "s's"])
    private static let englishIes = pack(["ies", "ies'"])
    private static let germanNameEndings = pack(["", "s", "'"])
    private static let germanFemininePlural = pack(["nen"])
    private static let plainS = pack(["s"])
    private static let germanNounEndings = pack([
        "s", "es", "n", "en", "e", "er", "ern", "ns", "ens",
    ])
    private static let germanAdjectiveEndings = pack(["e", "en", "er", "es", "em"])
    private static let germanLatinEndings = pack(["um", "ums", "en"])

    /// A key for the verdict on `ending` after this form, for the Turkish endings, whose
    /// verdict depends on the ending class and the ending only; nil for other forms and for
    /// endings too long to pack (up to eleven letters, apostrophe included).
    func endingKey(_ ending: some Collection<UInt32>) -> UInt64? {
        switch self.ending {
        case .turkishNoun, .turkishName, .turkishCompound, .turkishSoftened: break
        default: return nil
        }
        // a-z and the apostrophe in five bits each, the length in four, the class in four.
        var result = UInt64(0)
        var count = 0
        for value in ending {
            let code: UInt64
            switch value {
            case 0x61...0x7A: code = UInt64(value - 0x60)
            case 0x27: code = 27
            default: return nil
            }
            guard count < 11 else { return nil }
            result = result << 5 | code
            count += 1
        }
        return (result << 4 | UInt64(count)) << 4 | UInt64(self.ending.rawValue)
    }
}
