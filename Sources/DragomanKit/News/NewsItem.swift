/// One news item as read from a page: its headline, its body paragraphs and what the page says
/// about it.
///
/// Page furniture (menus, share buttons, weather widgets, links to other news, footers) is not
/// part of an item. Each paragraph knows where its characters stand in the page, so sentences
/// found in ``NewsParagraph/text`` can be reported with offsets of the input file.
public struct NewsItem: Sendable, Hashable {
    /// How the page was written.
    public enum Format: String, Sendable, Hashable {
        case plainText, html
    }

    /// The headline, when the page has one that can be told apart from the body.
    public var title: NewsParagraph?
    /// The body paragraphs in reading order, without the headline.
    public var paragraphs: [NewsParagraph]
    /// Publication date as ISO 8601 (`2026-10-14`), where the page gives one.
    public var date: String?
    /// The canonical address of the page (`<link rel="canonical">` or `og:url`).
    public var url: String?
    public var format: Format

    public init(
        title: NewsParagraph? = nil, paragraphs: [NewsParagraph] = [], date: String? = nil,
        url: String? = nil, format: Format
    ) {
        self.title = title
        self.paragraphs = paragraphs
        self.date = date
        self.url = url
        self.format = format
    }
}

/// A page handed to ``NewsReader``: its text as decoded by ``TextInput/decode(_:)`` and the
/// name it is known by.
public struct NewsPage: Sendable, Hashable {
    public var text: String
    public var fileName: String

    public init(text: String, fileName: String) {
        self.text = text
        self.fileName = fileName
    }
}
