public import Foundation

/// A multilingual translation unit: the same sentence (or sentences) in several languages,
/// with where it came from and how much the aligner trusts it.
public struct TranslationUnit: Sendable, Hashable, Identifiable {
    /// How the unit entered the memory.
    public enum Origin: String, Sendable, Hashable, Codable, CaseIterable {
        case aligned, imported, edited
    }

    /// Stable identifier, unique within a memory.
    public var id: String
    /// One variant per language; a unit may lack a language (a 1-0 bead, a bilingual import).
    public var variants: [Language: Variant]
    public var origin: Origin
    /// Where the unit came from: the news item (document) and its metadata.
    public var provenance: Provenance?
    /// The aligner's confidence in 0...1; nil for units that were not aligned.
    public var alignmentScore: Double?
    /// Set when the aligner had doubts (low confidence, the language pairs disagree).
    public var flagged: Bool
    /// Free properties (TMX `<prop>`), kept in insertion order by name.
    public var properties: [String: String]
    /// Free notes (TMX `<note>`).
    public var notes: [String]
    public var created: Date
    public var changed: Date

    public init(
        id: String, variants: [Language: Variant], origin: Origin, provenance: Provenance? = nil,
        alignmentScore: Double? = nil, flagged: Bool = false, properties: [String: String] = [:],
        notes: [String] = [], created: Date = Date(), changed: Date? = nil
    ) {
        self.id = id
        self.variants = variants
        self.origin = origin
        self.provenance = provenance
        self.alignmentScore = alignmentScore
        self.flagged = flagged
        self.properties = properties
        self.notes = notes
        self.created = created
        self.changed = changed ?? created
    }

    /// The languages the unit has, in a stable order (tr, en, de first, then by code).
    public var languages: [Language] {
        variants.keys.sorted { Language.displayOrder($0) < Language.displayOrder($1) }
    }
}

/// The text of a unit in one language.
public struct Variant: Sendable, Hashable {
    public var language: Language
    /// The text exactly as read (inline markup of imports kept as written).
    public var text: String
    /// Where the text stands in its source file, when it was read from one.
    public var span: SourceSpan?

    public init(language: Language, text: String, span: SourceSpan? = nil) {
        self.language = language
        self.text = text
        self.span = span
    }
}

/// A stretch of a source file: offsets in Unicode scalars of the file as read, end exclusive.
public struct SourceSpan: Sendable, Hashable {
    public var file: String
    public var start: Int
    public var end: Int

    public init(file: String, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = end
    }
}

/// The document a unit was taken from.
public struct Provenance: Sendable, Hashable {
    /// Identifier of the news item (the same item in every language shares it).
    public var documentID: String
    /// The item's headline, per language where known.
    public var titles: [Language: String]
    public var url: String?
    /// Publication date as ISO 8601 (`2026-10-14`) where the page gives one.
    public var date: String?

    public init(
        documentID: String, titles: [Language: String] = [:], url: String? = nil,
        date: String? = nil
    ) {
        self.documentID = documentID
        self.titles = titles
        self.url = url
        self.date = date
    }
}

extension Language {
    /// Sort key that puts Dragoman's three languages first.
    public static func displayOrder(_ language: Language) -> String {
        switch language.code {
        case "tr": "0"
        case "en": "1"
        case "de": "2"
        default: "3" + language.code
        }
    }
}
