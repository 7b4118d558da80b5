/// Language-independent clues that two sentences translate each other: numbers, month names,
/// proper names and cognates, and telling punctuation.
///
/// Every anchor is a hash of a normalized form, so that the same clue written the way each
/// language writes it meets: `1.250` (Turkish, German) and `1,250` (English) are both 1250;
/// `%15`, `15%` and `15 %` are 15; `14 Ekim`, `14 October` and `14. Oktober` share 14 and
/// the month 10; `İmamoğlu'nun` and `Imamoglu` share the name key.
struct AlignmentAnchors: Sendable {
    /// All anchors, sorted, without duplicates.
    var hashes: [Int]
    /// The numbers among them (a number missing on the other side is evidence against a
    /// pairing).
    let numbers: [Int]
    /// The word anchors among them: before use, the aligner keeps only words that occur on
    /// both sides of the document and in few sentences.
    let words: [Int]

    /// Keeps only the word anchors in `kept`.
    mutating func restrictWords(to kept: Set<Int>) {
        let dropped = words.filter { !kept.contains($0) }
        if !dropped.isEmpty { hashes.removeAll { dropped.contains($0) } }
    }

    /// Number of anchors both sides share.
    static func common(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0
        var j = 0
        var count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                count += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return count
    }
}

/// Extracts ``AlignmentAnchors`` from sentences of one language.
struct AnchorExtractor: Sendable {
    private let tokenizer: WordTokenizer

    init(language: Language) throws {
        tokenizer = try WordTokenizer(language: language)
    }

    func anchors(of text: String) -> AlignmentAnchors {
        var hashes = Set<Int>()
        var numbers = Set<Int>()
        var words = Set<Int>()
        let tokens = tokenizer.tokens(in: text)
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .number:
                let digits = String(
                    token.text.unicodeScalars.filter { $0.properties.numericType != nil })
                guard !digits.isEmpty else { continue }
                // Separators differ by locale (1.250 / 1,250; 3,5 / 3.5): compare digits only.
                let key = Self.hash("n", digits)
                hashes.insert(key)
                numbers.insert(key)
            case .word:
                let folded = MatchKey.make(Self.stem(token.text))
                let first = token.text.unicodeScalars.first!
                let capitalised = first.properties.isUppercase
                // English "may" is a month only when capitalised (and not the first word).
                if let month = Self.months[folded], folded != "may" || (capitalised && index > 0) {
                    hashes.insert(Self.hash("m", String(month)))
                    continue
                }
                // Names, cognates and words kept in the original ("Twp"): every word of three
                // letters or more, compared on a five-letter prefix that survives inflection
                // and spelling ("Diplomacy", "Diplomatie", "Diplomasisi"). Which of them are
                // real clues is decided per document (see ``restrictWords(to:)``).
                if folded.unicodeScalars.count >= 3 {
                    let key = Self.hash("w", String(folded.unicodeScalars.prefix(5)))
                    hashes.insert(key)
                    words.insert(key)
                }
            case .punctuation:
                switch token.text {
                case "?", "!", "¿", "¡": hashes.insert(Self.hash("p", token.text))
                case "\"", "“", "”", "„", "«", "»": hashes.insert(Self.hash("p", "\""))
                case ":": hashes.insert(Self.hash("p", ":"))
                default: continue
                }
            case .symbol:
                continue
            }
        }
        return AlignmentAnchors(
            hashes: hashes.sorted(), numbers: numbers.sorted(), words: Array(words))
    }

    /// Cuts a Turkish suffix written after an apostrophe: İzmir'de → İzmir.
    static func stem(_ word: String) -> String {
        guard let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }) else {
            return word
        }
        return String(word[..<apostrophe])
    }

    private static func hash(_ kind: String, _ value: String) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(value)
        return hasher.finalize()
    }

    /// Month names of tr, en and de (match keys) to month numbers.
    private static let months: [String: Int] = {
        let names = [
            ["ocak", "january", "januar", "janner", "jan"],
            ["subat", "february", "februar", "feb"],
            ["mart", "march", "marz"],
            ["nisan", "april"],
            ["mayis", "may", "mai"],
            ["haziran", "june", "juni"],
            ["temmuz", "july", "juli"],
            ["agustos", "august"],
            ["eylul", "september", "sept"],
            ["ekim", "october", "oktober", "okt"],
            ["kasim", "november", "nov"],
            ["aralik", "december", "dezember", "dez"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()
}
