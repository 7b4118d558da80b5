/// One concept of a glossary with its terms in every language: the office of mayor, the city
/// of İzmir, the European Commission.
public struct GlossaryEntry: Hashable, Sendable {
    /// The identifier reported as `entry` by matching; unique within a glossary.
    public var id: String
    public var category: GlossaryCategory?
    /// Terms in file order; within one language the first usable term is the one to use.
    public var terms: [GlossaryTerm]
    /// A note on the concept as a whole.
    public var note: String?
    /// Phrases in which a term of this entry is not the entry (`das Essen` is a meal, not the
    /// city). Matching treats them as longer terms that report nothing.
    public var exclusions: [String]
    /// Columns of the source table that Dragoman does not interpret, kept by name.
    public var properties: [String: String]

    public init(
        id: String, category: GlossaryCategory? = nil, terms: [GlossaryTerm] = [],
        note: String? = nil, exclusions: [String] = [], properties: [String: String] = [:]
    ) {
        self.id = id
        self.category = category
        self.terms = terms
        self.note = note
        self.exclusions = exclusions
        self.properties = properties
    }

    /// The terms of one language, preferred first, in file order within a status.
    public func terms(in language: Language) -> [GlossaryTerm] {
        terms.filter { $0.language == language }.enumerated()
            .sorted { ($0.element.status, $0.offset) < ($1.element.status, $1.offset) }
            .map(\.element)
    }

    /// The languages the entry has terms in, in order of first appearance.
    public var languages: [Language] {
        var seen: [Language] = []
        for term in terms where !seen.contains(term.language) { seen.append(term.language) }
        return seen
    }

    /// Whether the entry names one particular place, person or body, so that its terms are
    /// names: a single-word name must be capitalised to match (`Ordu`, not `ordu`), and
    /// Turkish suffixes need the apostrophe.
    public var isName: Bool {
        if category == .place || category == .person { return true }
        return category == nil && terms.first?.partOfSpeech == .properNoun
    }
}

/// The kind of concept an entry stands for. The five known values are those of the CLI
/// contract; a table may use others, which are kept as written.
public struct GlossaryCategory: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let title = GlossaryCategory(rawValue: "title")
    public static let place = GlossaryCategory(rawValue: "place")
    public static let organisation = GlossaryCategory(rawValue: "organisation")
    public static let person = GlossaryCategory(rawValue: "person")
    public static let concept = GlossaryCategory(rawValue: "concept")

    public static let known: [GlossaryCategory] = [
        .title, .place, .organisation, .person, .concept,
    ]

    public var isKnown: Bool { Self.known.contains(self) }
    public var description: String { rawValue }
}
