/// What the checks of one run share: the glossary and the memory, and the work several checks
/// need on the same text (glossary matches, word tokens), done once per text.
///
/// A context holds glossary matchers, which keep scratch state and are not thread-safe: use
/// one context per thread.
public final class CheckContext {
    public let glossary: Glossary?
    public let memory: (any TranslationMemoryLookup)?

    private var matchers: [Language: GlossaryMatcher] = [:]
    private var tokenizers: [Language: WordTokenizer] = [:]
    private var matchCache: [TextKey: [GlossaryMatch]] = [:]
    private var tokenCache: [TextKey: [Token]] = [:]

    private struct TextKey: Hashable {
        var language: Language
        var text: String
    }

    public init(glossary: Glossary? = nil, memory: (any TranslationMemoryLookup)? = nil) {
        self.glossary = glossary
        self.memory = memory
    }

    /// The glossary's terms found in `text`, inflected forms included; none without a
    /// glossary.
    public func glossaryMatches(_ text: String, _ language: Language) -> [GlossaryMatch] {
        guard let glossary else { return [] }
        let key = TextKey(language: language, text: text)
        if let cached = matchCache[key] { return cached }
        let matcher: GlossaryMatcher
        if let existing = matchers[language] {
            matcher = existing
        } else {
            matcher = GlossaryMatcher(glossary: glossary, language: language)
            matchers[language] = matcher
        }
        let found = matcher.matches(in: text)
        matchCache[key] = found
        return found
    }

    /// The word, number and punctuation tokens of `text`.
    public func tokens(_ text: String, _ language: Language) -> [Token] {
        let key = TextKey(language: language, text: text)
        if let cached = tokenCache[key] { return cached }
        let tokenizer: WordTokenizer
        if let existing = tokenizers[language] {
            tokenizer = existing
        } else if let made = try? WordTokenizer(language: language) {
            tokenizer = made
            tokenizers[language] = made
        } else {
            return []
        }
        let found = tokenizer.tokens(in: text)
        tokenCache[key] = found
        return found
    }

    /// Forgets the cached matches and tokens, for long runs over many documents.
    public func clearCaches() {
        matchCache.removeAll(keepingCapacity: true)
        tokenCache.removeAll(keepingCapacity: true)
    }
}
