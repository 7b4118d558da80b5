/// A term of a glossary found in text.
public struct GlossaryMatch: Hashable, Sendable {
    /// Offsets in Unicode scalars of the text, end exclusive.
    public let start: Int
    public let end: Int
    /// The text as it stands, with its endings: `İzmir'de`, `des Oberbürgermeisters`.
    public let matched: String
    /// The id of the entry the term belongs to.
    public let entryID: String
    /// The glossary term found: the one spelled as in the text, or, for a variant spelling,
    /// the entry's best term in the language.
    public let term: GlossaryTerm
    /// The text differs from every term of the entry in more than case and endings, mostly in
    /// diacritics (`Izmir`, `Munchen`, `Turkiye`): a spelling for the checks to flag.
    public let isVariant: Bool

    public init(
        start: Int, end: Int, matched: String, entryID: String, term: GlossaryTerm,
        isVariant: Bool
    ) {
        self.start = start
        self.end = end
        self.matched = matched
        self.entryID = entryID
        self.term = term
        self.isVariant = isVariant
    }
}
