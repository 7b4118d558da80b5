/// A bilingual file read whole: its language pair and its units in file order.
///
/// What `dragoman check` and `dragoman import` take from XLIFF files; other bilingual formats
/// can be read into the same shape.
public struct BilingualDocument: Sendable {
    public var sourceLanguage: Language
    /// Nil when the file does not name one (an XLIFF file not yet translated).
    public var targetLanguage: Language?
    public var units: [BilingualUnit]
    /// `xliff-1.2`, `xliff-2.0` or `xliff-2.1`.
    public var format: String

    public init(
        sourceLanguage: Language, targetLanguage: Language?, units: [BilingualUnit],
        format: String
    ) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
        self.format = format
    }
}
