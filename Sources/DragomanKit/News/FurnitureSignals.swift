/// General signals that tell page furniture (menus, share buttons, widgets, footers) from the
/// text of a news item. None of them names a site or a string of one.
enum FurnitureSignals {
    /// Elements whose text is never part of an article.
    static let furnitureElements: Set<String> = [
        "nav", "footer", "aside", "menu", "form", "button", "select", "option", "label",
        "dialog", "menuitem",
    ]

    /// Elements whose content is not read at all (code, media, embedded documents).
    static let unreadElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
        "canvas", "audio", "video", "map", "head",
    ]

    /// ARIA roles of page regions around an article.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
        "dialog", "alertdialog", "toolbar", "tablist",
    ]

    /// Beginnings of `class` and `id` words that name furniture (`navbar`, `social-links`,
    /// `share-buttons`, `site-footer`, `weather-widget`, `related-news`).
    static let furnitureWordPrefixes: [String] = [
        "nav", "menu", "share", "sharing", "social", "breadcrumb", "footer", "cookie", "widget",
        "sidebar", "related", "comment", "pagination", "pager", "toolbar", "topbar", "logo",
        "search", "newsletter", "subscribe", "popup", "modal", "advert", "sponsor", "skip",
    ]

    /// Whole `class` and `id` words that name furniture.
    static let furnitureWords: Set<String> = ["ad", "ads", "tags", "prev", "next", "login"]

    /// Whether an element's `class`, `id` or `role` says it is navigation, sharing, a widget
    /// and the like.
    static func attributesSayFurniture(_ element: HTMLElement) -> Bool {
        if let role = element.attribute("role")?.lowercased(),
            role.split(separator: " ").contains(where: { furnitureRoles.contains(String($0)) })
        {
            return true
        }
        for name in ["class", "id"] {
            guard let value = element.attribute(name) else { continue }
            for word in words(ofIdentifier: value) {
                if furnitureWords.contains(word) { return true }
                if furnitureWordPrefixes.contains(where: { word.hasPrefix($0) }) { return true }
            }
        }
        return false
    }

    /// `mainNav share-buttons` → main, nav, share, buttons.
    static func words(ofIdentifier value: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for scalar in value.unicodeScalars {
            let isUpper = ("A"..."Z").contains(scalar)
            let isLower = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if !isUpper && !isLower {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if isUpper && previousLower {
                words.append(current)
                current = ""
            }
            current.unicodeScalars.append(
                isUpper ? Unicode.Scalar(scalar.value + 32)! : scalar)
            previousLower = isLower
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Above this share of its letters inside links, a block is a list of links.
    static let linkDensityLimit = 0.5

    // MARK: - Text

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    private static let closers: Set<Unicode.Scalar> = [
        "\"", "'", "\u{201D}", "\u{2019}", "\u{201C}", "\u{00BB}", "\u{00AB}", "\u{203A}", ")",
        "]", "*",
    ]
    private static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]

    /// Whether the text ends as a sentence does (closing quotes and brackets aside).
    static func endsLikeSentence(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            if scalar.properties.isWhitespace || closers.contains(scalar) { continue }
            return sentenceEnds.contains(scalar)
        }
        return false
    }

    /// Whether the text ends a sentence anywhere: at its end, or with `. `, `! `, `? ` before
    /// a word that opens the next one.
    static func hasSentencePunctuation(_ text: String) -> Bool {
        if endsLikeSentence(text) { return true }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 2 else { return false }
        for i in 1..<(scalars.count - 2) where sentenceEnds.contains(scalars[i]) {
            // "14. Oktober", "3. Uluslararası": a period after a number is an ordinal.
            guard scalars[i + 1] == " ", !("0"..."9").contains(scalars[i - 1]) else { continue }
            let next = scalars[i + 2]
            if next.properties.isUppercase || closers.contains(next) || next == "\u{201E}" {
                return true
            }
        }
        return false
    }

    /// Running text: at least a few words with a sentence end.
    static func isProse(_ block: TextBlock) -> Bool {
        if block.headingLevel == 1 { return false }
        let words = wordCount(block.text)
        guard words >= 4 && hasSentencePunctuation(block.text) else { return false }
        return !isDateline(block.text)
    }

    /// A date with little else ("Bergkamen, 14. Oktober 2026"): neither text nor headline.
    static func isDateline(_ text: String) -> Bool {
        wordCount(text) <= 6 && DateFinder.firstDate(in: text) != nil
    }

    /// A copyright line belongs to the page, not to the item.
    static func isLegalNotice(_ text: String) -> Bool {
        text.unicodeScalars.contains("\u{00A9}")
    }

    /// Marks blocks repeated on other pages of the same site, and labels of a few words
    /// repeated on the same page ("All News" above and below an article). A longer line seen
    /// twice on one page is usually the headline, echoed by a breadcrumb.
    static func markRepeated(_ pages: inout [[TextBlock]]) {
        let keys = pages.map { $0.map { MatchKey.make($0.text) } }
        if pages.count > 1 {
            var pagesWithKey: [String: Int] = [:]
            for pageKeys in keys {
                for key in Set(pageKeys) { pagesWithKey[key, default: 0] += 1 }
            }
            for p in pages.indices {
                for b in pages[p].indices where pagesWithKey[keys[p][b], default: 0] > 1 {
                    pages[p][b].isFurniture = true
                }
            }
        }
        for p in pages.indices {
            var seen: [String: Int] = [:]
            for key in keys[p] { seen[key, default: 0] += 1 }
            for b in pages[p].indices
            where seen[keys[p][b], default: 0] > 1 && wordCount(pages[p][b].text) <= 3 {
                pages[p][b].isFurniture = true
            }
        }
    }
}
