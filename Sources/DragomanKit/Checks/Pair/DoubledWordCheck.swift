/// A word written twice in a row in the target (`the the`, `ve ve`, `der der`): a typing slip.
///
/// Only the same word (ignoring case) separated by nothing but spaces counts; numbers never do.
/// Repetitions that the languages use on purpose are left alone:
/// - Turkish doubles adjectives and adverbs (`yavaş yavaş`, `güzel güzel`, `tek tek`), an open
///   class no list can hold. So a doubled Turkish word is reported only when it is a function
///   word (`ve`, `ile`, `için`, `de`, `ki`, `bu` … in ``turkishFunctionWords``) or a name with
///   an ending after an apostrophe (`İzmir'de İzmir'de`), which no reduplication produces.
/// - German starts a relative clause with an article-like pronoun: `die Frau, die die Zeitung
///   liest`, `der Vertrag, mit dem dem Land…`; an article doubled after a comma, or after a
///   comma and a preposition, and `sie sie` are left alone (`für die die Kinder` is reported).
/// - English `that that`, `had had` and `is is` are grammatical.
/// - The same capitalised word twice (`Bora Bora`, `Baden Baden`) is a name.
public struct DoubledWordCheck: PairCheck {
    public var id: String { "form.doubled-word" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let scalars = Array(pair.target.unicodeScalars)
        let words = Self.words(scalars)
        var findings: [CheckFinding] = []
        var index = 1
        while index < words.count {
            let first = words[index - 1]
            let second = words[index]
            index += 1
            guard first.joinsNext, !second.leadingMark, first.key == second.key,
                first.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
                second.start > first.end,
                scalars[first.end..<second.start].allSatisfy({ $0 == " " || $0 == "\u{00A0}" })
            else { continue }
            let before = index >= 3 ? Array(words[max(0, index - 4)...(index - 3)]) : []
            guard
                !Self.isIntended(
                    first, second, before: before, language: pair.targetLanguage)
            else { continue }
            findings.append(
                CheckFinding(
                    check: id, severity: .error,
                    message:
                        "“\(first.text) \(second.text)” in the target repeats a word: delete one “\(second.text)”.",
                    target: first.start..<second.end))
            index += 1
        }
        return findings
    }

    static let turkishFunctionWords: Set<String> = [
        "ve", "ile", "veya", "ya", "yahut", "ama", "fakat", "ancak", "lakin", "icin", "gibi",
        "kadar", "gore", "diye", "de", "da", "ki", "mi", "mu", "bu", "su", "o", "en", "daha",
        "cunku", "eger", "ise", "olarak", "olan", "sonra", "once", "karsi", "ragmen", "degil",
        "hem", "ayrica", "yani", "the", "and",
    ]
    private static let germanArticles: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "deren", "dessen",
    ]
    private static let germanPrepositions: Set<String> = [
        "an", "auf", "aus", "bei", "durch", "fur", "gegen", "hinter", "in", "mit", "nach",
        "neben", "ohne", "seit", "uber", "um", "unter", "von", "vor", "wahrend", "wegen", "zu",
        "zwischen",
    ]

    private static func isIntended(
        _ first: Word, _ second: Word, before: [Word], language: Language
    ) -> Bool {
        // No repetition doubles a word with an ending after an apostrophe (İzmir'de İzmir'de).
        if first.text.contains("'") || first.text.contains("’") { return false }
        if first.isCapitalised && second.isCapitalised { return true }
        switch language {
        case .turkish:
            return !turkishFunctionWords.contains(first.key)
        case .german:
            if first.key == "sie" { return true }
            guard germanArticles.contains(first.key) else { return false }
            // A relative pronoun opens its clause after a comma, or after a comma and a
            // preposition: ", die die Zeitung", ", mit der der Vertrag".
            guard let last = before.last else { return false }
            if !last.joinsNext { return true }
            return germanPrepositions.contains(last.key) && before.count == 2
                && !before[0].joinsNext
        case .english:
            return ["that", "had", "is"].contains(first.key)
        default:
            return false
        }
    }

    /// A whitespace-separated word with the punctuation around it stripped off.
    struct Word: Sendable {
        let text: String
        let key: String
        let start: Int
        let end: Int
        /// Nothing but spaces stands between this word and the next (no comma, no dash).
        let joinsNext: Bool
        /// Punctuation stood before the word (`„die`, `(der`).
        let leadingMark: Bool
        var isCapitalised: Bool { text.unicodeScalars.first?.properties.isUppercase ?? false }
    }

    static func words(_ scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < scalars.count {
            if scalars[index].properties.isWhitespace {
                index += 1
                continue
            }
            let chunkStart = index
            while index < scalars.count && !scalars[index].properties.isWhitespace { index += 1 }
            var start = chunkStart
            var end = index
            while start < end && !isWordScalar(scalars[start]) { start += 1 }
            while end > start && !isWordScalar(scalars[end - 1]) { end -= 1 }
            guard end > start else {
                if let last = words.popLast() {
                    words.append(
                        Word(
                            text: last.text, key: last.key, start: last.start, end: last.end,
                            joinsNext: false, leadingMark: last.leadingMark))
                }
                continue
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let text = String(view)
            words.append(
                Word(
                    text: text, key: MatchKey.make(text), start: start, end: end,
                    joinsNext: end == index, leadingMark: start != chunkStart))
        }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || PairToken.isDigit(scalar)
    }
}
