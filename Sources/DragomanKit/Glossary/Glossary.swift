/// A set of entries, each a concept with its terms in several languages.
///
/// Glossaries are values: read one from a table (``GlossaryTable``), match it against text
/// with a ``GlossaryMatcher``, merge another into it with ``merge(_:)``.
public struct Glossary: Hashable, Sendable {
    public private(set) var entries: [GlossaryEntry]
    private var indexByID: [String: Int]

    /// Entries with the same id are not allowed; the first error names the duplicate.
    public init(entries: [GlossaryEntry] = []) throws(GlossaryError) {
        self.entries = []
        indexByID = [:]
        for entry in entries { try append(entry) }
    }

    public subscript(id: String) -> GlossaryEntry? {
        indexByID[id].map { entries[$0] }
    }

    /// Adds an entry with a new id.
    public mutating func append(_ entry: GlossaryEntry) throws(GlossaryError) {
        guard indexByID[entry.id] == nil else {
            throw GlossaryError(message: "duplicate entry id \"\(entry.id)\"")
        }
        indexByID[entry.id] = entries.count
        entries.append(entry)
    }

    /// Replaces the entry with the same id.
    public mutating func replace(_ entry: GlossaryEntry) {
        guard let index = indexByID[entry.id] else { return }
        entries[index] = entry
    }

    /// The languages with at least one term, in order of first appearance.
    public var languages: [Language] {
        var seen: [Language] = []
        for entry in entries {
            for language in entry.languages where !seen.contains(language) {
                seen.append(language)
            }
        }
        return seen
    }

    /// Entries with a term whose match key equals the key of `text` (case, diacritics and
    /// apostrophes aside), in any language or in `language` only.
    public func entries(withTerm text: String, language: Language? = nil) -> [GlossaryEntry] {
        let key = MatchKey.make(text)
        return entries.filter { entry in
            entry.terms.contains {
                (language == nil || $0.language == language) && MatchKey.make($0.text) == key
            }
        }
    }
}
