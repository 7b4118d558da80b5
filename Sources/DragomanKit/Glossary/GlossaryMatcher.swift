/// Finds the terms of a glossary in text of one language.
///
/// Text is cut into words (inner apostrophes kept: `İzmir'de`) and single punctuation marks,
/// and each word is read through a character trie of match keys (``MatchKey``: case folded
/// the Turkish way, diacritics removed), which yields the term tokens the word may be an
/// inflected form of; the ending left over must be one the token's language allows (see
/// ``TermForm``). A second trie over token ids then finds multi-word terms. Cost therefore
/// grows with the text, not with the number of entries.
///
/// Rules:
/// - leftmost, then longest match wins; the entries' `exclusions` are longer phrases that
///   win and report nothing (`das Essen`);
/// - a whole word must match: `Bursaspor` is not `Bursa`, `Oberbürgermeister` not
///   `Bürgermeister`;
/// - in Turkish and English only the last word of a term inflects (`belediye başkanları`,
///   `European Union's`); in German every word does (`der Europäischen Union`);
/// - a one-word name (a place or person) must be capitalised in the text: `Ordu` is the city,
///   `ordu` the army; `Essen` the city, `essen` the verb;
/// - a hit that differs in diacritics only (`Izmir`, `Munchen`) is reported as a variant.
///
/// A matcher keeps scratch state and a Snowball stemmer, which is not thread-safe: use one
/// matcher per thread.
public final class GlossaryMatcher {
    public let glossary: Glossary
    public let language: Language

    var folding = KeyFolding()
    let stemmer: SnowballStemmer?

    /// Character trie over form keys.
    var trie = CharTrie()
    var forms: [TermForm] = []
    var formToken: [Int32] = []
    /// The key of each term token.
    var tokenKeys: [String] = []
    /// The length of each token's key in scalars, compared for every match reported.
    var tokenKeyLengths: [Int] = []
    /// Turkish endings already judged, by form and ending (``TermForm/endingKey(_:)``): the
    /// same endings (`-ler`, `'de`) follow word after word.
    var endingVerdicts: [UInt64: Bool] = [:]
    /// Text words folded for reporting, by spelling (see `foldedSpelling`).
    var foldedSpellings: [String: [Unicode.Scalar]] = [:]
    /// The Snowball stem of each term token's key, computed when first needed.
    var tokenStems: [String?] = []
    /// The candidates of each distinct text word seen, kept from text to text.
    var words = WordCache<Candidate>()
    /// Whether a token may inflect inside a term: every word in German, the head before
    /// "of" in English (`Members of Parliament`); otherwise only a term's last word inflects.
    var tokenInflectsInside: [Bool] = []

    /// Trie over token ids, whose nodes' outputs index `outputs`.
    var phrases = PhraseTrie()
    var outputs: [Output] = []
    /// Each output's term (an exclusion's first term), read for every match.
    var outputTerms: [GlossaryTerm] = []
    /// Each output's entry id and term as one shared object, put in every match of it.
    var outputFound: [GlossaryMatch.Found] = []

    struct Output {
        var entry: Int32
        /// Index in the entry's terms; -1 for an exclusion.
        var term: Int32
        var tokens: [Int32]
        /// Each token as written in the term, case-folded in the language with its
        /// diacritics, to tell an exact spelling from a variant (`Izmir` for `İzmir`).
        var surfaces: [[Unicode.Scalar]] = []
        var requiresCapital: Bool
    }

    /// Builds the automaton of the glossary's terms in `language` (any regional tag matches
    /// its language).
    ///
    /// - Complexity: linear in the total length of the terms.
    public init(glossary: Glossary, language: Language) {
        self.glossary = glossary
        self.language = language
        stemmer =
            language == .english || language == .german ? SnowballStemmer(language: language) : nil
        build()
    }

    /// The matches in `text`, in text order; where several entries share the longest term at
    /// one place, each is reported.
    ///
    /// - Complexity: linear in the length of the text, for a glossary of any size.
    public func matches(in text: String) -> [GlossaryMatch] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            // The cache is moved out for the text: the scan adds to it, and resolving reads
            // the words' candidates in place in its list.
            var cache = WordCache<Candidate>()
            swap(&cache, &words)
            defer { swap(&cache, &words) }
            let scanned = scan(bytes: bytes, cache: &cache)
            return cache.values.withUnsafeBufferPointer { candidates in
                resolve(scanned, candidates: candidates, bytes: bytes)
            }
        } ?? []
    }
}
