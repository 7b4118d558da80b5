/// One rendering of a concept in one language: `Belediye Başkanı` (tr, preferred).
public struct GlossaryTerm: Hashable, Sendable {
    public var language: Language
    /// The term as it is written in running text, in NFC.
    public var text: String
    public var status: TermStatus
    public var partOfSpeech: PartOfSpeech?
    /// Usage note for this term (for example why a spelling is forbidden).
    public var note: String?

    public init(
        language: Language, text: String, status: TermStatus = .preferred,
        partOfSpeech: PartOfSpeech? = nil, note: String? = nil
    ) {
        self.language = language
        self.text = text
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.note = note
    }
}

/// How acceptable a term is, in TBX's `administrativeStatus` order: a translation should use
/// a preferred term, may use an admitted one, should not use a deprecated one and must not use
/// a forbidden one. Matching finds all four, so that checks can flag the last two.
public enum TermStatus: String, Hashable, Sendable, CaseIterable, Comparable {
    case preferred, admitted, deprecated, forbidden

    /// Whether a translation may use the term.
    public var isUsable: Bool { self == .preferred || self == .admitted }

    private var rank: Int {
        switch self {
        case .preferred: 0
        case .admitted: 1
        case .deprecated: 2
        case .forbidden: 3
        }
    }

    public static func < (a: TermStatus, b: TermStatus) -> Bool { a.rank < b.rank }
}

/// Part of speech, with TBX's picklist values as raw values.
public enum PartOfSpeech: String, Hashable, Sendable, CaseIterable {
    case noun, properNoun, adjective, verb, adverb, other
}
