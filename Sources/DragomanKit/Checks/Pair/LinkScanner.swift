/// Finds web and e-mail addresses in a sentence: `https://…`, `www.…`, bare domains with a
/// common top-level domain (`izmir.bel.tr`, `bbc.com`) and `name@domain.tld`.
///
/// Punctuation around an address (brackets, quotes, a full stop) and a Turkish ending after an
/// apostrophe (`www.izmir.bel.tr'de`) are not part of it.
enum LinkScanner {
    struct Link: Sendable, Hashable {
        let text: String
        let span: Range<Int>

        /// What two writings of one address share: lower case, no scheme, no final slash.
        var key: String {
            var key = text.lowercased()
            for scheme in ["https://", "http://"] where key.hasPrefix(scheme) {
                key.removeFirst(scheme.count)
            }
            while key.hasSuffix("/") { key.removeLast() }
            return key
        }

        /// The site: the key up to the first slash (for a mailbox, the whole address).
        var host: String { String(key.prefix { $0 != "/" }) }
    }

    static func links(in scalars: [Unicode.Scalar]) -> [Link] {
        var links: [Link] = []
        var index = 0
        while index < scalars.count {
            guard !scalars[index].properties.isWhitespace else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count && !scalars[end].properties.isWhitespace { end += 1 }
            if mayHoldLink(scalars, index..<end), let link = link(in: scalars, index..<end) {
                links.append(link)
            }
            index = end
        }
        return links
    }

    /// A quick test that spares most words the full one: an address has an `@`, or a `.` or
    /// `:` with a letter or digit right after it.
    private static func mayHoldLink(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for index in range {
            let scalar = scalars[index]
            if scalar == "@" { return true }
            if scalar == "." || scalar == ":", index + 1 < range.upperBound,
                scalars[index + 1].isASCII,
                scalars[index + 1].properties.isAlphabetic || PairToken.isDigit(scalars[index + 1])
                    || scalars[index + 1] == "/"
            {
                return true
            }
        }
        return false
    }

    private static let openers: Set<Unicode.Scalar> = [
        "(", "[", "{", "<", "\"", "'", "“", "„", "«", "‘", "‚", "»",
    ]
    private static let closers: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", ")", "]", "}", ">", "\"", "'", "”", "“", "»", "«", "’",
        "‘", "…",
    ]
    private static let topLevelDomains: Set<String> = [
        "com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "io", "eu", "tr", "de",
        "uk", "at", "ch", "fr", "us", "ru", "cn", "jp", "tv", "news",
    ]

    private static func link(in scalars: [Unicode.Scalar], _ range: Range<Int>) -> Link? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && openers.contains(scalars[start]) { start += 1 }
        let hasOpenBracket = scalars[start..<end].contains("(")
        while end > start && closers.contains(scalars[end - 1]) { end -= 1 }
        if hasOpenBracket, end < range.upperBound, scalars[end] == ")" { end += 1 }
        // A Turkish ending after an apostrophe: www.izmir.bel.tr'de.
        if let apostrophe = scalars[start..<end].lastIndex(where: { $0 == "'" || $0 == "’" }),
            apostrophe + 1 < end,
            scalars[(apostrophe + 1)..<end].allSatisfy({ $0.properties.isAlphabetic })
        {
            end = apostrophe
        }
        guard end > start else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        let text = String(view)
        let lower = text.lowercased()
        let isLink: Bool
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            isLink = lower.count > 8
        } else if lower.hasPrefix("www.") {
            isLink = lower.count > 6 && lower.dropFirst(4).contains(".")
        } else if let at = text.firstIndex(of: "@"), at != text.startIndex {
            isLink = isDomain(String(text[text.index(after: at)...]), path: false)
        } else {
            isLink = isDomain(text, path: true)
        }
        return isLink ? Link(text: text, span: start..<end) : nil
    }

    /// `label.label.tld`, optionally followed by a path, with a known top-level domain
    /// written in lower case.
    private static func isDomain(_ text: String, path: Bool) -> Bool {
        let host = path ? String(text.prefix { $0 != "/" }) : text
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, topLevelDomains.contains(String(tld))
        else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty
                && label.unicodeScalars.allSatisfy {
                    ($0.properties.isAlphabetic || PairToken.isDigit($0) || $0 == "-")
                        && $0.isASCII
                }
        } && labels.dropLast().contains { $0.contains { $0.isLetter } }
    }
}
