/// A term of a glossary found in text.
public struct GlossaryMatch: Hashable, Sendable {
    /// The entry id and term of a match, made once per term of the matcher and shared by all
    /// its matches: a large glossary reports a match every few words, and one reference is
    /// cheaper to copy, keep and release than the strings of an id and a term.
    final class Found: Sendable {
        let entryID: String
        let term: GlossaryTerm

        init(entryID: String, term: GlossaryTerm) {
            self.entryID = entryID
            self.term = term
        }
    }

    /// Offsets in Unicode scalars of the text, end exclusive.
    public let start: Int
    public let end: Int
    /// The text as it stands, with its endings: `İzmir'de`, `des Oberbürgermeisters`.
    public let matched: String
    private let found: Found
    /// The text differs from every term of the entry in more than case and endings, mostly in
    /// diacritics (`Izmir`, `Munchen`, `Turkiye`): a spelling for the checks to flag.
    public let isVariant: Bool

    /// The id of the entry the term belongs to.
    public var entryID: String { found.entryID }
    /// The glossary term found: the one spelled as in the text, or, for a variant spelling,
    /// the entry's best term in the language.
    public var term: GlossaryTerm { found.term }

    public init(
        start: Int, end: Int, matched: String, entryID: String, term: GlossaryTerm,
        isVariant: Bool
    ) {
        self.init(
            start: start, end: end, matched: matched,
            found: Found(entryID: entryID, term: term), isVariant: isVariant)
    }

    init(start: Int, end: Int, matched: String, found: Found, isVariant: Bool) {
        self.start = start
        self.end = end
        self.matched = matched
        self.found = found
        self.isVariant = isVariant
    }

    public static func == (a: GlossaryMatch, b: GlossaryMatch) -> Bool {
        a.start == b.start && a.end == b.end && a.matched == b.matched
            && a.isVariant == b.isVariant
            && (a.found === b.found
                || (a.found.entryID == b.found.entryID && a.found.term == b.found.term))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(matched)
        hasher.combine(found.entryID)
        hasher.combine(found.term)
        hasher.combine(isVariant)
    }
}
