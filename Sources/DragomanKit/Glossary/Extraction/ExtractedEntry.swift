/// A proposed glossary entry: the renderings of one name or title in each language that
/// paired, with the evidence for the pairing.
public struct ExtractedEntry: Sendable, Hashable {
    /// The rendering per language, as most often written.
    public var terms: [Language: String]
    /// A guess from the heads of the words (title, organisation) and, for names, from
    /// Turkish case endings (`'da`, `'dan` mark a place); nil where nothing tells.
    public var category: GlossaryCategory?
    /// The ranking score: the sum of the log-likelihood ratios of the entry's pairs with the
    /// pivot language (see ``TermExtractor``).
    public var score: Double
    /// The lowest Dice coefficient among the entry's pairs.
    public var dice: Double
    /// Units in which the pivot language's term occurs.
    public var frequency: Int
    /// A unit where every rendering occurs, and its pivot-language text.
    public var exampleUnit: String
    public var exampleText: String
    /// The statistics of each pair, keyed by the language paired with the pivot.
    public var pairs: [Language: Association]

    public init(
        terms: [Language: String], category: GlossaryCategory?, score: Double, dice: Double,
        frequency: Int, exampleUnit: String, exampleText: String,
        pairs: [Language: Association]
    ) {
        self.terms = terms
        self.category = category
        self.score = score
        self.dice = dice
        self.frequency = frequency
        self.exampleUnit = exampleUnit
        self.exampleText = exampleText
        self.pairs = pairs
    }
}
