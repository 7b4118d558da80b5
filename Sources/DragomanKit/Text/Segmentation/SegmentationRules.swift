/// What Dragoman knows about one language's sentence boundaries beyond ICU's rules.
///
/// The word lists live in one file per language (`SegmentationRules+Turkish.swift`, ...).
/// Lists hold closed classes (abbreviations, function words, month names), never whole
/// phrases from a text: a rule that decides by the class of the neighbouring word carries
/// over to sentences nobody has seen.
struct SegmentationRules: Sendable {
    enum AbbreviationKind: Sendable {
        /// Stands before what it qualifies and never ends a sentence: titles (`Prof.`, `Dr.`,
        /// `Doç.`), `Nr.`, `S.`, `z. B.`.
        case prefix
        /// May end a sentence (`vb.`, `usw.`, `Co.`, `Mio.`): a boundary only when the next
        /// word is one that typically opens a sentence.
        case ambiguous
        /// Stands before a number (`Art. 5`, `No. 12`, `s. 40`) and is otherwise the word it
        /// spells ("seiner Art. Garching").
        case beforeNumber
        /// Clock-time markers (`a.m.`, `p.m.`): part of an opening time phrase near the start
        /// of a sentence, otherwise like ``ambiguous`` with any capitalised next word.
        case time
    }

    /// How a period after a bare number (`5.`) reads when a capitalised word follows.
    enum NumberPolicy: Sendable {
        /// English: ordinals are not written with a period, so the number ends the sentence.
        case sentenceEnd
        /// Turkish: `N.` is an ordinal ("2. Dünya Savaşı") unless the word before it makes
        /// the number a quantity ("yüzde 38.", "1 milyon 556 bin 250.").
        case ordinalUnlessQuantity
        /// German: an ordinal after an article or preposition ("am 3.", "der 89.") or before a
        /// month; otherwise a sentence end when the next word opens sentences ("Rang 5. Einen").
        case ordinalAfterDeterminer
    }

    /// Abbreviations with their final period, keyed as written ("Dr.", "z. B.", "u.a."),
    /// with the language's own entries over the shared ones.
    let abbreviations: [ShortKey: AbbreviationKind]
    /// Capitalised words that often open a sentence and rarely continue one after an
    /// abbreviation or initial: articles, pronouns, conjunctions, prepositions, adverbs.
    let sentenceStarters: Set<ShortKey>
    let numberPolicy: NumberPolicy
    /// Lower-cased words after which a number is a quantity (Turkish) or before which it is an
    /// ordinal (German articles and prepositions).
    let numberContextWords: Set<ShortKey>
    /// Lower-cased function words that never close a sentence or a heading: a line that ends
    /// in one ("… eröffnete die") is wrapped, and goes on after the line break.
    let continuationWords: Set<ShortKey>
    /// Lower-cased month names: a number followed by a month is a day ordinal ("3. Oktober").
    let months: Set<ShortKey>
    /// Turkish: "açıldı... sınavda" — an ellipsis before a lower-case word still ends a
    /// sentence, since Turkish sentences close on the verb.
    let ellipsisEndsBeforeLowercase: Bool
    /// Turkish: "vardı.değil mi?" — a period glued between two lower-case words ends a
    /// sentence (web addresses and file names excepted).
    let gluedPeriodEnds: Bool

    /// Lists as written in the per-language files; words are compared lower-cased except
    /// abbreviations and sentence starters, whose case matters.
    init(
        abbreviations: [String: AbbreviationKind], sentenceStarters: [String],
        numberPolicy: NumberPolicy, numberContextWords: [String], continuationWords: [String],
        months: [String], ellipsisEndsBeforeLowercase: Bool, gluedPeriodEnds: Bool
    ) {
        var table: [ShortKey: AbbreviationKind] = [:]
        for (word, kind) in Self.shared.merging(abbreviations, uniquingKeysWith: { $1 }) {
            if let key = ShortKey(word) { table[key] = kind }
        }
        self.abbreviations = table
        self.sentenceStarters = Set(words: sentenceStarters, lowercased: false)
        self.numberPolicy = numberPolicy
        self.numberContextWords = Set(words: numberContextWords, lowercased: true)
        self.continuationWords = Set(words: continuationWords, lowercased: true)
        self.months = Set(words: months, lowercased: true)
        self.ellipsisEndsBeforeLowercase = ellipsisEndsBeforeLowercase
        self.gluedPeriodEnds = gluedPeriodEnds
    }

    static func rules(for language: Language) -> SegmentationRules? {
        switch language.code {
        case "tr": .turkish
        case "de": .german
        case "en": .english
        default: nil
        }
    }

    /// The kind of the abbreviation spelled by `units` (final period included), looked up as
    /// written and, for all-capital headlines ("PROF."), lower-cased with a capital initial.
    func abbreviation(_ units: UnsafeBufferPointer<UInt16>) -> AbbreviationKind? {
        guard let key = ShortKey(units) else { return nil }
        if let kind = abbreviations[key] { return kind }
        guard units.count > 2, units.allSatisfy({ !CodeUnit.isLower($0) }) else { return nil }
        let lowered = Array(
            units.enumerated().map { $0.offset == 0 ? $0.element : ShortKey.lower($0.element) })
        return lowered.withUnsafeBufferPointer { ShortKey($0).flatMap { abbreviations[$0] } }
    }

    /// Abbreviations found in news of every language we handle.
    static let shared: [String: AbbreviationKind] = {
        var table: [String: AbbreviationKind] = [:]
        for word in ["Dr.", "Prof.", "St.", "N°.", "Nº.", "Tel.", "Fax.", "Mr.", "Mrs.", "Ms."] {
            table[word] = .prefix
        }
        for word in ["Nr.", "No.", "Art."] { table[word] = .beforeNumber }
        for word in ["Jr.", "Sr.", "Co.", "Inc.", "Ltd.", "Corp.", "etc.", "vs.", "Mio.", "Mrd."] {
            table[word] = .ambiguous
        }
        return table
    }()

    /// Domain endings and file extensions: "akkongreler.com" is not two sentences.
    static let nonBoundarySuffixes: Set<ShortKey> = Set(
        words: [
            "com", "net", "org", "edu", "gov", "info", "biz", "io", "eu", "tr", "de", "at", "ch",
            "uk", "fr", "it", "nl", "ru", "us", "int", "mil", "tv", "me", "html", "htm", "php",
            "asp", "aspx", "pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "gif", "txt",
            "xml", "json", "zip", "mp3", "mp4", "bel", "k12", "av", "tc",
        ], lowercased: true)
}
