/// Cuts an HTML page into blocks and collects what its markup says about the item.
///
/// A block is the text of a block-level element (a paragraph, heading, list item, table cell,
/// `div`) outside its nested blocks; two `<br>` in a row also end one, since older sites write
/// paragraphs that way. Blocks inside navigation-like elements (by name, `class`, `id` or
/// `role`) and blocks that are mostly link text are marked as furniture; inline furniture
/// (a share button inside a paragraph) is left out of the text. Each character keeps the
/// place in the source it was read from.
struct HTMLNewsReader {
    /// A `<time datetime>` of the page and where it stands among the blocks.
    struct TimeMark {
        var value: String
        /// Number of blocks before it.
        var blockIndex: Int
        var inFurniture: Bool
    }

    /// What the page's markup says beside its text.
    struct Metadata {
        /// `<meta>` values by lower-cased `property`, `name` or `itemprop`.
        var meta: [String: String] = [:]
        var canonical: String?
        /// The `<title>` element.
        var title: TextBlock?
        var times: [TimeMark] = []
        /// Text of `application/ld+json` scripts.
        var linkedData: [String] = []
    }

    private(set) var blocks: [TextBlock] = []
    private(set) var metadata = Metadata()

    private var locator: HTMLSourceLocator
    private var pending = PendingBlock()

    private struct Context {
        var kind: TextBlock.Kind = .other
        var furniture = false
        var inArticle = false
        var inLink = false
        /// Text is located but not kept.
        var dropped = false
    }

    /// Text collected for the block being read, scalar by scalar.
    private struct PendingBlock {
        var scalars: [Unicode.Scalar] = []
        var origins: [HTMLSourceLocator.Origin?] = []
        var linked: [Bool] = []
        var context = Context()
        /// A `<br>` came and only whitespace since.
        var afterBreak = false
    }

    init(page text: String) {
        locator = HTMLSourceLocator(source: text)
        let document = HTMLDocument(parsing: text)
        if let root = document.root { walk(root, Context()) }
        flush()
    }

    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
        "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    private mutating func walk(_ element: HTMLElement, _ outer: Context) {
        let name = element.name
        switch name {
        case "script":
            if element.attribute("type")?.lowercased().contains("ld+json") == true {
                metadata.linkedData.append(Self.text(of: element))
            }
            return
        case "style":
            return
        case "title" where metadata.title == nil && blocks.isEmpty && pending.scalars.isEmpty:
            // The page's own <title>; a <title> further down (in an SVG, say) is ordinary text.
            readTitle(element)
            return
        case "meta":
            readMeta(element)
            return
        case "link":
            if element.attribute("rel")?.lowercased().split(separator: " ").contains("canonical")
                == true, let href = element.attribute("href")
            {
                metadata.canonical = href
            }
            return
        case "br":
            lineBreak()
            return
        case "time":
            if let value = element.attribute("datetime") {
                metadata.times.append(
                    TimeMark(
                        value: value, blockIndex: blocks.count, inFurniture: outer.furniture))
            }
        default:
            break
        }
        var context = outer
        let isBlock = Self.blockElements.contains(name)
        if FurnitureSignals.unreadElements.contains(name) { context.dropped = true }
        if name == "article" || name == "main" { context.inArticle = true }
        if name == "a" { context.inLink = true }
        let furniture =
            FurnitureSignals.furnitureElements.contains(name)
            || (name == "header" && !outer.inArticle)
            || (FurnitureSignals.attributesSayFurniture(element) && !Self.holdsArticle(element))
        if furniture {
            if isBlock { context.furniture = true } else { context.dropped = true }
        }
        if isBlock {
            flush()
            context.kind = Self.kind(of: name)
        }
        for child in element.children {
            switch child {
            case .element(let inner): walk(inner, context)
            case .text(let text): append(text, context)
            }
        }
        if isBlock { flush() }
    }

    private static func kind(of name: String) -> TextBlock.Kind {
        switch name {
        case "p": .paragraph
        case "h1", "h2", "h3", "h4", "h5", "h6": .heading(level: Int(String(name.last!))!)
        case "li", "dt", "dd": .listItem
        default: .other
        }
    }

    /// Whether an element holds running text enough to be the article itself, whatever its
    /// `class` says (`news-detail has-share`).
    private static func holdsArticle(_ element: HTMLElement) -> Bool {
        var paragraphs = 0
        func visit(_ e: HTMLElement) {
            guard paragraphs < 2 else { return }
            if e.name == "p" {
                let text = Self.text(of: e)
                if text.unicodeScalars.count >= 80 && FurnitureSignals.hasSentencePunctuation(text)
                {
                    paragraphs += 1
                }
                return
            }
            for case .element(let child) in e.children { visit(child) }
        }
        visit(element)
        return paragraphs >= 2
    }

    private static func text(of element: HTMLElement) -> String {
        var out = ""
        for child in element.children {
            switch child {
            case .element(let inner): out += text(of: inner)
            case .text(let text): out += text
            }
        }
        return out
    }

    // MARK: - Text

    private mutating func append(_ text: String, _ context: Context) {
        let origins = locator.locate(text)
        guard !context.dropped else { return }
        if pending.scalars.isEmpty { pending.context = context }
        for (i, scalar) in text.unicodeScalars.enumerated() {
            pending.scalars.append(scalar)
            pending.origins.append(origins?[i])
            pending.linked.append(context.inLink)
            if !Self.isSpace(scalar) { pending.afterBreak = false }
        }
    }

    private mutating func lineBreak() {
        if pending.afterBreak {
            flush()
            return
        }
        pending.scalars.append("\n")
        pending.origins.append(nil)
        pending.linked.append(false)
        pending.afterBreak = true
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{0C}"
    }

    /// Turns the pending text into a block: whitespace runs collapsed, ends trimmed, every
    /// character mapped to its place in the source.
    private mutating func flush() {
        defer { pending = PendingBlock() }
        var text = String.UnicodeScalarView()
        var map = SourceMap()
        var lastEnd = pending.origins.lazy.compactMap { $0 }.first?.offset ?? 0
        var linkedLetters = 0
        var letters = 0
        var i = 0
        let s = pending.scalars
        while i < s.count {
            if Self.isSpace(s[i]) {
                var origin: HTMLSourceLocator.Origin?
                while i < s.count && Self.isSpace(s[i]) {
                    if origin == nil, let o = pending.origins[i] { origin = o }
                    i += 1
                }
                guard !text.isEmpty && i < s.count else { continue }
                text.append(" ")
                let o = origin ?? HTMLSourceLocator.Origin(offset: lastEnd, count: 0)
                map.append(source: o.offset, sourceCount: o.count)
                lastEnd = o.offset + o.count
                continue
            }
            let o = pending.origins[i] ?? HTMLSourceLocator.Origin(offset: lastEnd, count: 0)
            text.append(s[i])
            map.append(source: o.offset, sourceCount: o.count)
            lastEnd = o.offset + o.count
            letters += 1
            if pending.linked[i] { linkedLetters += 1 }
            i += 1
        }
        guard !text.isEmpty else { return }
        let linkDensity = Double(linkedLetters) / Double(letters)
        blocks.append(
            TextBlock(
                text: String(text), map: map, kind: pending.context.kind,
                isFurniture: pending.context.furniture
                    || linkDensity > FurnitureSignals.linkDensityLimit))
    }

    // MARK: - Head

    private mutating func readTitle(_ element: HTMLElement) {
        for child in element.children {
            if case .text(let text) = child { append(text, Context()) }
        }
        flush()
        metadata.title = blocks.popLast()
    }

    private mutating func readMeta(_ element: HTMLElement) {
        guard let content = element.attribute("content") else { return }
        for key in ["property", "name", "itemprop"] {
            if let name = element.attribute(key)?.lowercased(), metadata.meta[name] == nil {
                metadata.meta[name] = content
            }
        }
    }
}
