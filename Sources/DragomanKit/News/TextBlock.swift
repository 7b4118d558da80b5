/// A candidate paragraph of a page before the reader decides whether it is content: a block of
/// an HTML page or a paragraph (or a stray line) of a plain-text page.
struct TextBlock: Sendable {
    enum Kind: Sendable, Equatable {
        case paragraph
        case heading(level: Int)
        case listItem
        case other
    }

    var text: String
    var map: SourceMap
    var kind: Kind = .paragraph
    /// Set by a signal that alone is enough to call the block page furniture: a navigation
    /// element, a list of links, text repeated on other pages of the site.
    var isFurniture = false

    var paragraph: NewsParagraph { NewsParagraph(text: text, map: map) }

    var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }
}
