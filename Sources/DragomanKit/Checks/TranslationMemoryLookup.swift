/// What the memory checks ask of a translation memory, kept narrow so that the library does
/// not depend on the store: the command-line tool answers it from the SQLite memory, tests
/// from a dictionary.
public protocol TranslationMemoryLookup {
    /// The stored translations into `target` of sentences whose `source` text is `text`,
    /// exactly or after normalization (case, spacing, quotes).
    func translations(
        of text: String, from source: Language, to target: Language
    ) throws
        -> [StoredTranslation]
}

/// A translation the memory holds for a sentence.
public struct StoredTranslation: Sendable, Hashable {
    public var unitID: String
    public var source: String
    public var target: String

    public init(unitID: String, source: String, target: String) {
        self.unitID = unitID
        self.source = source
        self.target = target
    }
}
