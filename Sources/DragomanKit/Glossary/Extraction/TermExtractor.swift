/// Proposes glossary entries from aligned units: names, places, organisations and titles
/// that the units render consistently across languages.
///
/// 1. Each language's texts are searched for candidates (``TermCandidateFinder``), which are
///    grouped under a key that ignores inflection: Snowball stems of the match keys in
///    English and German (`Weißen Haus`, `Weiße Haus`), and in Turkish a last word cut back
///    to a stem that is itself a candidate when the rest is a chain of endings
///    (``TurkishSuffixes``).
/// 2. For each language paired with the pivot (the first language), every pivot term and
///    other term that occur in at least `minimumFrequency` units, and together in as many,
///    get their Dice coefficient and log-likelihood ratio over unit co-occurrence
///    (``Association``).
/// 3. Pairs are linked competitively: in order of falling log-likelihood, a pair is taken
///    when neither term is linked yet, so `Donald Trump` links with `Donald Trump` and not
///    with the more frequent `Trump`, which has linked with `Trump` before.
/// 4. The links of one pivot term make an entry; its score is the sum of its pairs'
///    log-likelihood ratios, so an entry found in all three languages ranks above one with
///    equal evidence in two. Entries with a rendering the glossary already has (matched as
///    ``GlossaryMatcher`` matches, inflected forms included) are left out.
public struct TermExtractor: Sendable {
    /// The pivot first, then the languages paired with it.
    public var languages: [Language]
    /// Units in which each term, and each pair, must occur.
    public var minimumFrequency: Int
    /// Pairs whose occurrences overlap less than this are not linked.
    public var minimumDice: Double
    /// Terms this glossary has are not proposed.
    public var glossary: Glossary?

    public init(
        languages: [Language], minimumFrequency: Int = 2, minimumDice: Double = 0.3,
        glossary: Glossary? = nil
    ) {
        self.languages = languages
        self.minimumFrequency = minimumFrequency
        self.minimumDice = minimumDice
        self.glossary = glossary
    }

    /// What is known of one grouped term of one language.
    struct Term {
        var units = 0
        var surfaces: [String: Int] = [:]
        var firstSeen: [String] = []
        var titles = 0
        var organisations = 0
        /// Turkish locative and ablative endings (`'da`, `'dan`), which mark places.
        var placeEndings = 0
        var occurrences = 0
        /// German only: each spelling with the word before it, for the nominative.
        var sightings: [GermanBaseForm.Sighting: Int] = [:]
        /// The form to propose where it differs from the most frequent spelling.
        var base: String?

        /// The spelling seen most often.
        var written: String {
            firstSeen.max { (surfaces[$0] ?? 0) < (surfaces[$1] ?? 0) } ?? ""
        }

        var text: String { base ?? written }
    }

    /// The entries, best first.
    ///
    /// - Complexity: linear in the text of the units plus, per unit, the product of the
    ///   pivot's and each other language's candidate counts.
    public func extract(
        _ units: [ExtractionUnit], progress: ((Int) -> Void)? = nil
    ) throws -> [ExtractedEntry] {
        guard let pivot = languages.first else { return [] }
        let finders = try languages.map { try TermCandidateFinder(language: $0) }

        // Candidates per unit and language, German single nouns kept only with evidence.
        var found: [[[TermOccurrence]]] = []
        found.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            var perLanguage = finders.map { finder in
                unit.texts[finder.language].map { finder.candidates(in: $0) } ?? []
            }
            for (slot, occurrences) in perLanguage.enumerated()
            where occurrences.contains(where: \.needsEvidence) {
                // Evidence: a word of another language's candidates with the same first four
                // letters (`Mexiko` and `Mexico`, `Peking` and `Pekin`).
                var others: Set<Substring> = []
                for (other, list) in perLanguage.enumerated() where other != slot {
                    for occurrence in list {
                        for word in occurrence.words { others.insert(word.prefix(4)) }
                    }
                }
                perLanguage[slot] = occurrences.filter {
                    !$0.needsEvidence || others.contains($0.words[0].prefix(4))
                }
            }
            found.append(perLanguage)
            if index % 1000 == 0 { progress?(index) }
        }
        progress?(units.count)

        // Group the candidates of each language under inflection-free keys.
        var termIDs: [[String: Int32]] = Array(repeating: [:], count: languages.count)
        var terms: [[Term]] = Array(repeating: [], count: languages.count)
        var keys: [[String]] = Array(repeating: [], count: languages.count)
        var unitTerms: [[[Int32]]] = Array(
            repeating: Array(repeating: [], count: languages.count), count: units.count)
        for slot in languages.indices {
            var grouping = TermGrouping(language: languages[slot])
            for perLanguage in found {
                for occurrence in perLanguage[slot] { grouping.note(occurrence.words) }
            }
            for (unitIndex, perLanguage) in found.enumerated() {
                var seen: Set<Int32> = []
                for occurrence in perLanguage[slot] {
                    let key = grouping.key(of: occurrence.words)
                    let id: Int32
                    if let known = termIDs[slot][key] {
                        id = known
                    } else {
                        id = Int32(terms[slot].count)
                        termIDs[slot][key] = id
                        terms[slot].append(Term())
                        keys[slot].append(occurrence.key)
                    }
                    var term = terms[slot][Int(id)]
                    if term.surfaces[occurrence.text] == nil {
                        term.firstSeen.append(occurrence.text)
                    }
                    term.surfaces[occurrence.text, default: 0] += 1
                    term.occurrences += 1
                    if occurrence.isTitle { term.titles += 1 }
                    if occurrence.isOrganisation { term.organisations += 1 }
                    if ["da", "de", "ta", "te", "dan", "den", "tan", "ten"].contains(
                        occurrence.ending)
                    {
                        term.placeEndings += 1
                    }
                    if languages[slot] == .german {
                        let sighting = GermanBaseForm.Sighting(
                            words: occurrence.text.split(separator: " ").map(String.init),
                            preceding: occurrence.precedingWord)
                        term.sightings[sighting, default: 0] += 1
                    }
                    if seen.insert(id).inserted { term.units += 1 }
                    terms[slot][Int(id)] = term
                }
                unitTerms[unitIndex][slot] = seen.sorted()
            }
            if languages[slot] == .german {
                // German names are proposed in the nominative (`Weißes Haus`, not the
                // `Weißen Hauses` the news may write most).
                for index in terms[slot].indices {
                    let written = terms[slot][index].written
                    let base = GermanBaseForm.base(
                        of: terms[slot][index].sightings, written: written)
                    if base != written { terms[slot][index].base = base }
                }
            }
        }

        // Pair the pivot's terms with each other language's, and link competitively.
        var links: [Int32: [(slot: Int, term: Int32, association: Association)]] = [:]
        for slot in languages.indices.dropFirst() {
            var together: [UInt64: Int] = [:]
            for perUnit in unitTerms {
                for a in perUnit[0] where terms[0][Int(a)].units >= minimumFrequency {
                    for b in perUnit[slot] where terms[slot][Int(b)].units >= minimumFrequency {
                        together[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), default: 0] += 1
                    }
                }
            }
            var pairs: [(a: Int32, b: Int32, association: Association, weight: Double)] = []
            for (packed, both) in together where both >= minimumFrequency {
                let a = Int32(truncatingIfNeeded: packed >> 32)
                let b = Int32(truncatingIfNeeded: packed & 0xFFFF_FFFF)
                let association = Association(
                    both: both, first: terms[0][Int(a)].units, second: terms[slot][Int(b)].units,
                    units: units.count)
                guard association.dice >= minimumDice else { continue }
                let similarity = Self.similarity(keys[0][Int(a)], keys[slot][Int(b)])
                pairs.append(
                    (a, b, association, association.logLikelihood * (1 + 0.1 * similarity)))
            }
            pairs.sort {
                ($0.weight, $0.association.dice, $1.a, $1.b)
                    > ($1.weight, $1.association.dice, $0.a, $0.b)
            }
            var linkedA: Set<Int32> = []
            var linkedB: Set<Int32> = []
            for pair in pairs where pair.weight > 0 {
                guard !linkedA.contains(pair.a), !linkedB.contains(pair.b) else { continue }
                linkedA.insert(pair.a)
                linkedB.insert(pair.b)
                links[pair.a, default: []].append((slot, pair.b, pair.association))
            }
        }

        var matchers: [Language: GlossaryMatcher] = [:]
        func isKnown(_ text: String, _ language: Language) -> Bool {
            guard let glossary else { return false }
            let matcher =
                matchers[language] ?? GlossaryMatcher(glossary: glossary, language: language)
            matchers[language] = matcher
            let length = text.unicodeScalars.count
            return matcher.matches(in: text).contains { $0.start == 0 && $0.end == length }
        }

        var entries: [ExtractedEntry] = []
        for (pivotTerm, linked) in links {
            let main = terms[0][Int(pivotTerm)]
            var texts: [Language: String] = [pivot: main.text]
            var pairs: [Language: Association] = [:]
            var members = [(0, pivotTerm)]
            for link in linked {
                texts[languages[link.slot]] = terms[link.slot][Int(link.term)].text
                pairs[languages[link.slot]] = link.association
                members.append((link.slot, link.term))
            }
            if texts.contains(where: { isKnown($0.value, $0.key) }) { continue }
            let example = unitTerms.indices.first { index in
                members.allSatisfy { unitTerms[index][$0.0].contains($0.1) }
            }
            let memberTerms = members.map { terms[$0.0][Int($0.1)] }
            let category: GlossaryCategory?
            if memberTerms.contains(where: { $0.titles * 2 > $0.occurrences }) {
                category = .title
            } else if memberTerms.contains(where: { $0.organisations * 2 > $0.occurrences }) {
                category = .organisation
            } else if memberTerms.contains(where: { $0.placeEndings > 0 }) {
                category = .place
            } else if main.text.split(separator: " ").count >= 2 {
                category = .person
            } else {
                category = nil
            }
            entries.append(
                ExtractedEntry(
                    terms: texts, category: category,
                    score: linked.reduce(0) { $0 + $1.association.logLikelihood },
                    dice: linked.map(\.association.dice).min() ?? 0, frequency: main.units,
                    exampleUnit: example.map { units[$0].id } ?? "",
                    exampleText: example.flatMap { units[$0].texts[pivot] } ?? "",
                    pairs: pairs))
        }
        entries.sort {
            ($0.score, $0.dice, $1.terms[pivot] ?? "") > ($1.score, $1.dice, $0.terms[pivot] ?? "")
        }
        return entries
    }

    /// The Dice coefficient of the two keys' letter bigrams: 1 for the same spelling, near 0
    /// for unrelated words. Weighs links by up to a tenth, so that of two candidates with
    /// the same statistics the one spelled like the pivot term wins (`Donald Trump`, not
    /// `Donald`).
    static func similarity(_ a: String, _ b: String) -> Double {
        func bigrams(_ text: String) -> [UInt64] {
            let scalars = Array(text.unicodeScalars)
            guard scalars.count > 1 else { return [] }
            return (1..<scalars.count).map {
                UInt64(scalars[$0 - 1].value) << 32 | UInt64(scalars[$0].value)
            }.sorted()
        }
        let x = bigrams(a)
        let y = bigrams(b)
        guard !x.isEmpty || !y.isEmpty else { return a == b ? 1 : 0 }
        var i = 0
        var j = 0
        var shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }
}
