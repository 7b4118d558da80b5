/// A piece of a sentence as the pair checks read it: a run of letters, a number with its inner
/// separators, or one other character. Offsets are Unicode-scalar offsets into the text.
///
/// The checks need their own light tokens rather than ICU's word tokens: a Turkish suffix
/// after an apostrophe (`2019'da`) must stay apart from its number, a letter suffix glued to a
/// number (`3rd`, `5bn`, `10am`) must be seen as such, and the spaces between tokens matter.
struct PairToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Letters and combining marks.
        case word
        /// Digits with inner separators (`1.250,5`, `10:30`, `1 250` with a no-break space).
        case number
        /// Any other single character that is not whitespace.
        case mark
    }

    let kind: Kind
    let text: String
    let start: Int
    let end: Int
    /// Whether whitespace (or the start of the text) comes right before the token.
    let spaceBefore: Bool

    /// Splits `scalars` into tokens; whitespace separates tokens and is not one.
    static func scan(_ scalars: [Unicode.Scalar]) -> [PairToken] {
        var tokens: [PairToken] = []
        var index = 0
        var space = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                space = true
                index += 1
                continue
            }
            let start = index
            let kind: Kind
            if isLetter(scalar) {
                kind = .word
                while index < scalars.count && isLetter(scalars[index]) { index += 1 }
            } else if isDigit(scalar) {
                kind = .number
                index = numberEnd(scalars, from: index)
            } else {
                kind = .mark
                index += 1
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<index])
            tokens.append(
                PairToken(
                    kind: kind, text: String(text), start: start, end: index, spaceBefore: space))
            space = false
        }
        return tokens
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic && properties.numericType == nil
            || properties.generalCategory == .nonspacingMark
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    /// Where a number that starts at `start` ends: digits, joined by `.` `,` `:` `/` when a
    /// digit follows, by a no-break or thin space before a group of exactly three digits, and
    /// by `-` in an ISO date (`2019-10-03`).
    private static func numberEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        var groupStart = start
        while index < scalars.count {
            if isDigit(scalars[index]) {
                index += 1
                continue
            }
            let separator = scalars[index]
            let next = index + 1
            guard next < scalars.count, isDigit(scalars[next]) else { break }
            switch separator {
            case ".", ",", ":", "/":
                groupStart = next
                index = next
            case "\u{00A0}", "\u{202F}", "\u{2009}":
                var end = next
                while end < scalars.count && isDigit(scalars[end]) { end += 1 }
                guard end - next == 3 else { return index }
                groupStart = next
                index = end
            case "-":
                // Only the ISO date shape: four digits, then -MM-DD.
                let end = next + 5
                guard index - start == 4, groupStart == start, end <= scalars.count,
                    isDigit(scalars[next + 1]), scalars[next + 2] == "-",
                    isDigit(scalars[next + 3]), isDigit(scalars[next + 4]),
                    end == scalars.count || !isDigit(scalars[end])
                else { return index }
                return end
            default:
                return index
            }
        }
        return index
    }
}
