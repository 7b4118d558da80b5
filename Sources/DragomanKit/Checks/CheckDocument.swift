/// A translation to check: its units in order, with the languages of the two sides.
public struct CheckDocument: Sendable, Hashable {
    public var sourceLanguage: Language
    public var targetLanguage: Language
    public var units: [CheckUnit]

    public init(sourceLanguage: Language, targetLanguage: Language, units: [CheckUnit]) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }
}
