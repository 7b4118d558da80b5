/// Cuts a plain-text page into blocks: paragraphs separated by blank lines, with menu-like
/// lines split off on their own.
///
/// Scraped pages often keep menu entries on single lines glued to a paragraph ("…Demir.\nAll
/// News\nPrevious News"). Within a blank-line block, every line is a block of its own when
/// each line break is a hard one (the line before ends a sentence or is a short item, and the
/// next line does not continue in lower case); otherwise the block is one paragraph (wrapped
/// lines) and only short items at its top and bottom are split off. A block's text is the
/// exact stretch of the input, without the whitespace around it.
enum PlainTextNewsReader {
    private struct Line {
        var start: Int
        var end: Int
        var text: String
    }

    static func blocks(in text: String) -> [TextBlock] {
        let scalars = Array(text.unicodeScalars)
        var blocks: [TextBlock] = []
        var group: [Line] = []
        for line in lines(of: scalars) {
            if line.start == line.end {
                blocks += split(group, scalars)
                group = []
            } else {
                group.append(line)
            }
        }
        blocks += split(group, scalars)
        return blocks
    }

    /// Lines with their surrounding whitespace trimmed; a blank line is empty.
    private static func lines(of s: [Unicode.Scalar]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper && s[lower].properties.isWhitespace { lower += 1 }
            while upper > lower && s[upper - 1].properties.isWhitespace { upper -= 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s[lower..<upper])
            lines.append(Line(start: lower, end: upper, text: String(view)))
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" || c == "\u{85}" {
                close(i)
                if c == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < s.count { close(s.count) }
        return lines
    }

    private static func split(_ group: [Line], _ s: [Unicode.Scalar]) -> [TextBlock] {
        guard !group.isEmpty else { return [] }
        let hard = zip(group, group.dropFirst()).allSatisfy { isHardBreak($0, $1) }
        if hard { return group.map { block($0.start, $0.end, s) } }
        var first = 0
        var last = group.count - 1
        var out: [TextBlock] = []
        while first < last && isItem(group[first]) {
            out.append(block(group[first].start, group[first].end, s))
            first += 1
        }
        var tail: [TextBlock] = []
        while last > first && isItem(group[last]) {
            tail.insert(block(group[last].start, group[last].end, s), at: 0)
            last -= 1
        }
        out.append(block(group[first].start, group[last].end, s))
        return out + tail
    }

    private static func block(_ start: Int, _ end: Int, _ s: [Unicode.Scalar]) -> TextBlock {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s[start..<end])
        return TextBlock(text: String(view), map: SourceMap(linearFrom: start, count: end - start))
    }

    /// A short line that does not end a sentence: a menu entry, a label, a headline.
    private static func isItem(_ line: Line) -> Bool {
        FurnitureSignals.wordCount(line.text) <= 10 && line.text.unicodeScalars.count <= 80
            && !FurnitureSignals.endsLikeSentence(line.text)
            && !line.text.hasSuffix(",") && !line.text.hasSuffix(":")
    }

    private static func isHardBreak(_ line: Line, _ next: Line) -> Bool {
        if let first = next.text.unicodeScalars.first, first.properties.isLowercase {
            return false
        }
        return FurnitureSignals.endsLikeSentence(line.text) || isItem(line) || isItem(next)
    }
}
