/// Finds where the text nodes of a parsed page stand in the page's source.
///
/// libxml2 hands over decoded text without positions. Text nodes come in document order, so
/// the locator keeps a cursor in the source and looks for each node's text after it, only in
/// character data (outside tags, comments and the raw content of `script` and `style`),
/// reading entities and `\r\n` the way libxml2 reads them. A node whose text cannot be found
/// gets no positions and leaves the cursor where it was.
///
/// - Complexity: about linear in the page for well-formed pages; a node that is not found
///   costs a scan of the rest of the page, bounded by ``searchLimit``.
struct HTMLSourceLocator {
    /// Where one decoded scalar of a text node came from.
    struct Origin: Sendable, Hashable {
        var offset: Int
        /// Source scalars it was read from: 1, or the length of an entity (`&uuml;` is 6).
        var count: Int
    }

    private let source: [Unicode.Scalar]
    /// Whether each source scalar is character data.
    private let isCharacterData: [Bool]
    private var cursor = 0
    private let searchLimit = 200_000

    init(source text: String) {
        source = Array(text.unicodeScalars)
        isCharacterData = Self.characterData(source)
    }

    /// Positions of the scalars of `text`, the next text node of the page, or nil.
    mutating func locate(_ text: String) -> [Origin]? {
        let wanted = Array(text.unicodeScalars)
        guard let first = wanted.first else { return [] }
        var start = cursor
        var scanned = 0
        while start < source.count && scanned < searchLimit {
            if isCharacterData[start], could(start: start, with: first),
                let origins = match(wanted, at: start)
            {
                if let last = origins.last { cursor = last.offset + last.count }
                return origins
            }
            start += 1
            scanned += 1
        }
        return nil
    }

    /// The first offset where `text` stands literally in the page, anywhere (an attribute
    /// value, say).
    func find(literal text: String) -> Int? {
        let wanted = Array(text.unicodeScalars)
        guard let first = wanted.first, wanted.count <= source.count else { return nil }
        var start = 0
        while start + wanted.count <= source.count {
            if source[start] == first, Array(source[start..<start + wanted.count]) == wanted {
                return start
            }
            start += 1
        }
        return nil
    }

    private func could(start: Int, with first: Unicode.Scalar) -> Bool {
        let s = source[start]
        return s == first || s == "&" || (s == "\r" && first == "\n")
    }

    private func match(_ wanted: [Unicode.Scalar], at start: Int) -> [Origin]? {
        var origins: [Origin] = []
        origins.reserveCapacity(wanted.count)
        var i = 0
        var j = start
        while i < wanted.count {
            guard j < source.count, isCharacterData[j] else { return nil }
            let s = source[j]
            if s == "\r" && wanted[i] == "\n" {
                let width = j + 1 < source.count && source[j + 1] == "\n" ? 2 : 1
                origins.append(Origin(offset: j, count: width))
                i += 1
                j += width
                continue
            }
            if s == "&", let (scalars, width) = entity(at: j),
                i + scalars.count <= wanted.count,
                Array(wanted[i..<i + scalars.count]) == scalars
            {
                for _ in scalars { origins.append(Origin(offset: j, count: width)) }
                i += scalars.count
                j += width
                continue
            }
            guard s == wanted[i] else { return nil }
            origins.append(Origin(offset: j, count: 1))
            i += 1
            j += 1
        }
        return origins
    }

    /// The scalars an entity reference at `start` decodes to, and its length in the source.
    private func entity(at start: Int) -> ([Unicode.Scalar], Int)? {
        var j = start + 1
        guard j < source.count else { return nil }
        if source[j] == "#" {
            j += 1
            var radix = 10
            if j < source.count, source[j] == "x" || source[j] == "X" {
                radix = 16
                j += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while j < source.count, let digit = hexValue(source[j]), digit < radix, digits < 8 {
                value = value * UInt32(radix) + UInt32(digit)
                digits += 1
                j += 1
            }
            guard digits > 0, let scalar = Unicode.Scalar(value) else { return nil }
            if j < source.count, source[j] == ";" { j += 1 }
            return ([scalar], j - start)
        }
        var name = ""
        while j < source.count, source[j].properties.isAlphabetic || isDigit(source[j]),
            source[j].isASCII, name.unicodeScalars.count < 32
        {
            name.unicodeScalars.append(source[j])
            j += 1
        }
        guard !name.isEmpty, j < source.count, source[j] == ";",
            let scalar = HTMLDocument.entity(named: name)
        else { return nil }
        return ([scalar], j + 1 - start)
    }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    private func hexValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "0"..."9": Int(s.value - 48)
        case "a"..."f": Int(s.value - 87)
        case "A"..."F": Int(s.value - 55)
        default: nil
        }
    }

    /// Marks the scalars that are character data, with the tokenizing rules libxml2's HTML
    /// parser uses: a tag starts with `<` and a letter (or `/`, `!`, `?`), quoted attribute
    /// values may hold `>`, and `script` and `style` hold raw text up to their end tag.
    private static func characterData(_ s: [Unicode.Scalar]) -> [Bool] {
        var marks = [Bool](repeating: true, count: s.count)
        var i = 0
        func hasPrefix(_ text: String, at index: Int) -> Bool {
            var k = index
            for c in text.unicodeScalars {
                guard k < s.count, lower(s[k]) == c else { return false }
                k += 1
            }
            return true
        }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else {
                i += 1
                continue
            }
            let next = s[i + 1]
            var end: Int
            var rawText: String?
            if hasPrefix("<!--", at: i) {
                end = i + 4
                while end < s.count && !hasPrefix("-->", at: end) { end += 1 }
                end = min(end + 3, s.count)
            } else if next == "!" || next == "?" || next == "/" || isNameStart(next) {
                end = i + 1
                var quote: Unicode.Scalar?
                var afterEquals = false
                while end < s.count {
                    let c = s[end]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == ">" {
                        break
                    } else if c == "=" {
                        afterEquals = true
                    } else if afterEquals && (c == "\"" || c == "'") {
                        // Only an attribute value opens a quote; an apostrophe in a bare
                        // word does not.
                        quote = c
                        afterEquals = false
                    } else if !(c == " " || c == "\t" || c == "\n" || c == "\r") {
                        afterEquals = false
                    }
                    end += 1
                }
                end = min(end + 1, s.count)
                if hasPrefix("<script", at: i) { rawText = "</script" }
                if hasPrefix("<style", at: i) { rawText = "</style" }
            } else {
                i += 1
                continue
            }
            for k in i..<end { marks[k] = false }
            i = end
            if let closing = rawText {
                var k = i
                while k < s.count && !hasPrefix(closing, at: k) { k += 1 }
                for m in i..<k { marks[m] = false }
                i = k
            }
        }
        return marks
    }

    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || c == ":"
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
    }
}
