/// An aligned unit as term extraction reads it: an id and one text per language.
public struct ExtractionUnit: Sendable, Hashable {
    public var id: String
    public var texts: [Language: String]

    public init(id: String, texts: [Language: String]) {
        self.id = id
        self.texts = texts
    }
}
