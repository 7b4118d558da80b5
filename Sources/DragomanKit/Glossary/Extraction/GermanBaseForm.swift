/// The citation form of a German name or title that the texts show inflected: `Oberster
/// Gerichtshof` for `am Obersten Gerichtshof`, `Weißes Haus` for `des Weißen Hauses`,
/// `Europäische Union` for `der Europäischen Union`, `Senat` for `des Senats`.
///
/// German inflects the adjectives of a name by case, gender and the article before them, and
/// the nouns of masculine and neuter names in the genitive. A glossary lists the name in the
/// nominative without an article, so an adjective takes its strong ending (`-er`, `-e`, `-es`,
/// plural `-e`) and the noun its shortest form the texts show. The gender comes from the
/// words before the name in the texts (`das`, `ins`, `zur`, `der` before `-e`) and from
/// genitives in `-s`; where the sightings leave it open, the adjectives stay as most often
/// written, since a wrong ending is worse than an inflected one.
struct GermanBaseForm {
    /// Grammatical gender, or the plural, which inflects alike for all three.
    struct Genders: OptionSet, Hashable {
        let rawValue: UInt8
        static let masculine = Genders(rawValue: 1)
        static let feminine = Genders(rawValue: 2)
        static let neuter = Genders(rawValue: 4)
        static let plural = Genders(rawValue: 8)
        static let all: Genders = [.masculine, .feminine, .neuter, .plural]
    }

    /// One way the name was written, and the key of the word right before it (`des`, `im`;
    /// empty after punctuation or at the start of a text).
    struct Sighting: Hashable {
        var words: [String]
        var preceding: String
    }

    /// The adjective endings, longest first, so that `-en` is cut before `-e`.
    static let adjectiveEndings = ["en", "em", "er", "es", "e"]

    /// How an adjective stem ends: `europäisch`, `östlich`, `vereinigt`, `oberst`, `national`.
    /// Used where only one inflected form was seen and the word before is an article.
    static let adjectiveStemEndings = [
        "isch", "lich", "ig", "bar", "sam", "haft", "los", "al", "iv", "ell", "är", "ös", "t",
    ]

    /// Words that close an adjective-noun group and begin an attribute (`Bundesamt für
    /// Migration`): the name's part after them keeps its case.
    static let connectors: Set<String> = ["fur", "der", "des", "von", "vom", "und"]

    /// The form to propose, given how often each sighting was seen; `written` (the most
    /// frequent spelling) when nothing better is known.
    static func base(of sightings: [Sighting: Int], written: String) -> String {
        let shape = written.split(separator: " ").map(String.init)
        guard !shape.isEmpty else { return written }
        // The adjective-noun group: the words before the first lower-case connector.
        let groupEnd =
            shape.firstIndex { Self.connectors.contains(MatchKey.make($0)) }
            ?? shape.endIndex
        let head = groupEnd - 1
        guard head >= 0 else { return written }
        // Sightings with the same number of words, whose words stand in the same places.
        let alike = sightings.filter { $0.key.words.count == shape.count }
        var variants: [[String: Int]] = Array(repeating: [:], count: shape.count)
        for (sighting, count) in alike {
            for (index, word) in sighting.words.enumerated() {
                variants[index][word, default: 0] += count
            }
        }
        var adjectives: [Int: String] = [:]
        for index in 0..<head {
            if let stem = adjectiveStem(
                Array(variants[index].keys),
                afterArticle: alike.keys.contains {
                    Self.articleGenders[$0.preceding] != nil
                })
            {
                adjectives[index] = stem
            }
        }
        let allowed = genders(alike, adjectiveAt: adjectives.keys.min(), head: head)
        var result = shape
        result[head] = noun(variants[head], written: shape[head], allowed: allowed, alike)
        let single = allowed.flatMap { allowed in
            [Genders.masculine, .feminine, .neuter, .plural].first { $0 == allowed }
        }
        if let single {
            let ending: String
            switch single {
            case .masculine: ending = "er"
            case .neuter: ending = "es"
            default: ending = "e"
            }
            for (index, stem) in adjectives { result[index] = stem + ending }
        }
        return result.joined(separator: " ")
    }

    /// The stem of a word seen as an inflected adjective: in two endings (`Weiße`, `Weißen`),
    /// or in one after an article when the stem looks like an adjective's (`den Vereinten`).
    static func adjectiveStem(_ words: [String], afterArticle: Bool) -> String? {
        var stems: Set<String> = []
        var endings: Set<String> = []
        for word in words {
            guard let ending = adjectiveEndings.first(where: { word.hasSuffix($0) }) else {
                return nil
            }
            let stem = String(word.dropLast(ending.count))
            guard stem.count >= 3, stem.first?.isUppercase == true else { return nil }
            stems.insert(stem)
            endings.insert(ending)
        }
        guard stems.count == 1, let stem = stems.first else { return nil }
        // An adjective declines: two endings, one of them oblique. A name that ends in -e
        // (`Tennessee`, `Christine`) and takes a genitive -s does not count.
        if endings.count >= 2 && !endings.isSubset(of: ["e", "es"]) { return stem }
        let key = MatchKey.make(stem)
        if afterArticle
            && adjectiveStemEndings.contains(where: { key.hasSuffix(MatchKey.make($0)) })
        {
            return stem
        }
        return nil
    }

    /// What the word before a name tells of its gender, by the ending of the first adjective
    /// after it (nil where the name has none).
    static let articleGenders: [String: (weak: Genders, oblique: Genders, bare: Genders)] = [
        // der Oberste Gerichtshof (m. nom.) | der Europäischen Union (f. gen./dat., pl. gen.)
        "der": ([.masculine], [.feminine, .plural], [.masculine, .feminine, .plural]),
        "die": ([.feminine], [.plural], [.feminine, .plural]),
        "das": ([.neuter], [], [.neuter]),
        "ins": ([.neuter], [], [.neuter]),
        "den": ([], [.masculine, .plural], [.masculine, .plural]),
        "dem": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "im": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "am": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "vom": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "zum": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "beim": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "des": ([], [.masculine, .neuter], [.masculine, .neuter]),
        "zur": ([], [.feminine], [.feminine]),
    ]

    /// The genders (or the plural) that all sightings allow; nil when no article tells, or
    /// when they contradict each other.
    static func genders(
        _ sightings: [Sighting: Int], adjectiveAt index: Int?, head: Int
    )
        -> Genders?
    {
        var allowed = Genders.all
        var evidence = false
        for sighting in sightings.keys {
            guard let row = articleGenders[sighting.preceding] else { continue }
            let set: Genders
            if let index {
                let word = sighting.words[index]
                set = word.hasSuffix("e") ? row.weak : word.hasSuffix("en") ? row.oblique : []
            } else {
                set = row.bare
            }
            guard !set.isEmpty else { continue }
            allowed.formIntersection(set)
            evidence = true
        }
        // A genitive in -s or -es (`des Senats`, `Hauses`) is masculine or neuter, unless the
        // articles rule both out: `die Giants` and `die Giant` are a plural and a singular.
        let heads = Set(sightings.keys.map { $0.words[head] })
        let genitive = heads.contains { word in
            ["s", "es"].contains {
                word.hasSuffix($0) && heads.contains(String(word.dropLast($0.count)))
            }
        }
        if genitive && !allowed.isDisjoint(with: [.masculine, .neuter]) {
            allowed.formIntersection([.masculine, .neuter])
            evidence = true
        }
        guard evidence, !allowed.isEmpty else { return nil }
        return allowed
    }

    /// The noun as the nominative: the shortest form seen of which another form is an
    /// inflection the genders allow (`Haus` of `Hauses`, `Präsident` of `Präsidenten`, the
    /// plural `Emirate` of `Emiraten`); a genitive seen alone loses its `-s` when the name is
    /// masculine or neuter and every sighting is after `des`.
    static func noun(
        _ variants: [String: Int], written: String, allowed: Genders?,
        _ sightings: [Sighting: Int]
    ) -> String {
        let possible = allowed ?? .all
        let endings: [String]
        if !possible.isDisjoint(with: [.masculine, .neuter]) {
            endings = ["s", "es", "n", "en", "ns", "ens"]
        } else if possible.contains(.plural) {
            endings = ["n"]
        } else {
            endings = []
        }
        let forms = Set(variants.keys)
        let bases = forms.filter { form in
            forms.contains { other in endings.contains { other == form + $0 } }
        }
        if let shortest = bases.min(by: { ($0.count, $0) < ($1.count, $1) }),
            written.hasPrefix(shortest)
        {
            return shortest
        }
        if forms.count == 1, let allowed, allowed.isSubset(of: [.masculine, .neuter]),
            sightings.keys.allSatisfy({ $0.preceding == "des" })
        {
            for ending in ["es", "s"]
            where written.hasSuffix(ending) && written.count > ending.count + 2 {
                return String(written.dropLast(ending.count))
            }
        }
        return written
    }
}
