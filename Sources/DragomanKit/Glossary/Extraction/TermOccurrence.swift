/// One place in a text where a name or title may stand: a run of capitalised words, or a
/// part of one (`Prime Minister` and `Theresa May` of `Prime Minister Theresa May`).
public struct TermOccurrence: Sendable, Hashable {
    /// The words as written, an ending after an apostrophe left out: `İzmir` of `İzmir'de`,
    /// `Trump` of `Trump's`.
    public var text: String
    /// The match key of each word (case, accents and the Turkish I folded).
    public var words: [String]
    /// Offsets in Unicode scalars of the text, end exclusive, the left-out ending excluded.
    public var start: Int
    public var end: Int
    /// The key of the ending after an apostrophe (`de` of `İzmir'de`), empty when none.
    public var ending: String
    /// The last word is the head of a title (`Minister`, `Başkanı`, `Außenministerin`).
    public var isTitle: Bool
    /// A word is the head of an organisation's name (`Party`, `Bakanlığı`, `Regierung`).
    public var isOrganisation: Bool
    /// A single capitalised German word that is neither a title nor an acronym: all German
    /// nouns are capitalised, so it counts as a name only where another language of the same
    /// unit writes the same word.
    public var needsEvidence: Bool
    /// The key of the word right before the candidate (`des` of `des Weißen Hauses`), empty
    /// after punctuation or at the start: the article tells a German name's case and gender.
    public var precedingWord = ""

    /// The words' keys joined by spaces.
    public var key: String { words.joined(separator: " ") }
}
