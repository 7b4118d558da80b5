/// Reads news items from pages as they arrive: plain text or HTML, with the page's furniture
/// around the article.
///
/// The reader tells HTML from plain text by content, cuts the page into blocks, and keeps the
/// article: the densest run of running text (see ``NewsItem``). Furniture is recognised by
/// general signals only: short lines without sentence punctuation, navigation-like elements,
/// link density, copyright lines, and text that recurs on other pages of the same site when
/// several pages are read together with ``read(pages:)``.
///
/// Reading never fails: a page without an article gives an item without paragraphs.
public struct NewsReader: Sendable {
    public init() {}

    /// Reads one page. `fileName` helps only when the content leaves the format open.
    public func read(_ text: String, fileName: String = "") -> NewsItem {
        read(pages: [NewsPage(text: text, fileName: fileName)])[0]
    }

    /// Reads pages of one site together, so that what recurs across them is taken for page
    /// furniture. Items come back in the order of the pages.
    public func read(pages: [NewsPage]) -> [NewsItem] {
        var formats: [NewsItem.Format] = []
        var blocks: [[TextBlock]] = []
        var metadata: [HTMLNewsReader.Metadata?] = []
        for page in pages {
            if Self.looksLikeHTML(page.text, fileName: page.fileName) {
                let html = HTMLNewsReader(page: page.text)
                formats.append(.html)
                blocks.append(html.blocks)
                metadata.append(html.metadata)
            } else {
                formats.append(.plainText)
                blocks.append(PlainTextNewsReader.blocks(in: page.text))
                metadata.append(nil)
            }
        }
        FurnitureSignals.markRepeated(&blocks)
        return pages.indices.map { p in
            item(blocks[p], metadata[p], format: formats[p], source: pages[p].text)
        }
    }

    private func item(
        _ blocks: [TextBlock], _ metadata: HTMLNewsReader.Metadata?, format: NewsItem.Format,
        source: String
    ) -> NewsItem {
        let selection = ContentSelector(blocks: blocks).select()
        var item = NewsItem(
            paragraphs: selection.body.map { blocks[$0].paragraph }, format: format)
        item.title = selection.title.map { blocks[$0].paragraph }
        if let metadata {
            if item.title == nil {
                item.title = PageMetadata.title(metadata, body: item.paragraphs, source: source)
            }
            item.url = PageMetadata.url(metadata)
            item.date = PageMetadata.date(metadata, selection: selection)
        }
        if item.date == nil {
            item.date = Self.writtenDate(blocks, selection: selection)
        }
        return item
    }

    /// A date written in the text: first near the headline (a dateline), then just after the
    /// article, then in its first paragraph.
    private static func writtenDate(
        _ blocks: [TextBlock], selection: ContentSelector.Selection
    ) -> String? {
        guard let run = selection.run else { return nil }
        let top = selection.title.map { min($0, run.lowerBound) } ?? run.lowerBound
        var order = Array(top..<run.lowerBound)
        if let title = selection.title, title < run.lowerBound {
            order.insert(contentsOf: (max(0, title - 2)..<title).reversed(), at: 0)
            order.insert(title, at: 0)
        }
        order += (run.upperBound + 1..<min(blocks.count, run.upperBound + 3))
        order += selection.body.prefix(1)
        for index in order {
            if let date = DateFinder.firstDate(in: blocks[index].text) { return date }
        }
        return nil
    }

    /// Whether a page is HTML: a doctype or `<html>` at its start, or several tags of common
    /// HTML elements; a file named `.html` needs only one.
    public static func looksLikeHTML(_ text: String, fileName: String = "") -> Bool {
        let head = String(text.unicodeScalars.prefix(4096)).lowercased()
        let start = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") { return true }
        let lowerName = fileName.lowercased()
        let namedHTML = lowerName.hasSuffix(".html") || lowerName.hasSuffix(".htm")
        var tags = 0
        var rest = head[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let name = rest.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            if commonTags.contains(String(name)) {
                let after = rest.drop { $0 == "/" }.dropFirst(name.count).first
                if after == nil || after == ">" || after == " " || after == "/" || after == "\n" {
                    tags += 1
                }
            }
            if tags >= (namedHTML ? 1 : 3) { return true }
        }
        return false
    }

    private static let commonTags: Set<String> = [
        "html", "head", "body", "p", "div", "span", "a", "br", "h1", "h2", "h3", "h4", "ul",
        "ol", "li", "table", "tr", "td", "article", "section", "nav", "header", "footer",
        "meta", "title", "img", "strong", "em", "b", "i", "main", "time", "script", "link",
    ]
}
