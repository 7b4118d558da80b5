/// What an HTML page's markup says about its item: the address, the publication date and a
/// headline for pages whose body has no heading of its own.
enum PageMetadata {
    static func url(_ metadata: HTMLNewsReader.Metadata) -> String? {
        for candidate in [metadata.canonical, metadata.meta["og:url"]] {
            if let value = candidate?.trimmingSpaces, !value.isEmpty { return value }
        }
        return nil
    }

    /// Meta tags that carry a publication date, most specific first.
    private static let dateNames = [
        "article:published_time", "og:published_time", "datepublished", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "date", "pubdate", "publishdate",
        "publish-date", "publication_date", "sailthru.date", "parsely-pub-date",
    ]

    static func date(
        _ metadata: HTMLNewsReader.Metadata, selection: ContentSelector.Selection
    ) -> String? {
        for name in dateNames {
            if let value = metadata.meta[name], let date = DateFinder.firstDate(in: value) {
                return date
            }
        }
        for script in metadata.linkedData {
            guard let key = script.firstRange(of: "\"datePublished\"") else { continue }
            if let date = DateFinder.firstDate(in: String(script[key.upperBound...].prefix(60))) {
                return date
            }
        }
        // The <time> nearest the article's top; one in a list of other news dates those.
        let top = selection.title ?? selection.run?.lowerBound ?? 0
        let times = metadata.times.filter { !$0.inFurniture }
        let nearest = times.min { abs($0.blockIndex - top) < abs($1.blockIndex - top) }
        return nearest.flatMap { DateFinder.firstDate(in: $0.value) }
    }

    /// `og:title` or the `<title>` element without the site's name ("Haber Başlığı | İzmir
    /// Büyükşehir Belediyesi").
    static func title(
        _ metadata: HTMLNewsReader.Metadata, body: [NewsParagraph], source: String
    ) -> NewsParagraph? {
        let element = metadata.title
        if let og = metadata.meta["og:title"]?.trimmingSpaces, !og.isEmpty {
            if let element, let range = scalarRange(of: og, in: element.text) {
                return NewsParagraph(text: og, map: element.map.slice(range))
            }
            if let start = HTMLSourceLocator(source: source).find(literal: og) {
                return NewsParagraph(exactText: og, start: start)
            }
        }
        guard let element else { return nil }
        let parts = titleParts(element.text)
        let siteName = metadata.meta["og:site_name"].map { MatchKey.make($0) }
        let bodyKeys = ContentSelector.wordKeys(body.prefix(3).map(\.text).joined(separator: " "))
        let kept = parts.filter { MatchKey.make(element.text.slice($0)) != siteName }
        // Sites put their name after the headline far more often than before it.
        let best =
            kept.first { part in
                !ContentSelector.wordKeys(element.text.slice(part)).isDisjoint(with: bodyKeys)
            } ?? kept.max { $0.count < $1.count }
        guard let best else { return nil }
        return NewsParagraph(text: element.text.slice(best), map: element.map.slice(best))
    }

    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · "]

    /// Scalar ranges of the parts of a page title between separators.
    private static func titleParts(_ title: String) -> [Range<Int>] {
        let scalars = Array(title.unicodeScalars)
        let marks = separators.map { Array($0.unicodeScalars) }
        var parts: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if let mark = marks.first(where: { m in
                i + m.count <= scalars.count && Array(scalars[i..<i + m.count]) == m
            }) {
                if i > start { parts.append(start..<i) }
                i += mark.count
                start = i
            } else {
                i += 1
            }
        }
        if scalars.count > start { parts.append(start..<scalars.count) }
        return parts
    }

    private static func scalarRange(of part: String, in text: String) -> Range<Int>? {
        let whole = Array(text.unicodeScalars)
        let wanted = Array(part.unicodeScalars)
        guard !wanted.isEmpty, wanted.count <= whole.count else { return nil }
        for start in 0...(whole.count - wanted.count)
        where Array(whole[start..<start + wanted.count]) == wanted {
            return start..<start + wanted.count
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The scalars `range` of the string.
    fileprivate func slice(_ range: Range<Int>) -> String {
        let scalars = unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let upper = scalars.index(lower, offsetBy: range.count)
        return String(scalars[lower..<upper])
    }
}
