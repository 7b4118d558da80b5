/// The key under which the inflected forms of one candidate meet.
///
/// English and German words are reduced to their Snowball stems (`Weißen Haus` and `Weiße
/// Haus`, `Trumps` and `Trump`). Turkish names take their endings after an apostrophe, which
/// the finder has cut off already; a title or organisation without one (`Başkanı`,
/// `Bakanları`) is cut back to a stem that is itself a candidate's last word when the rest is
/// a chain of endings (``TurkishSuffixes``), so that only stems the text shows are used.
struct TermGrouping {
    let language: Language
    private let stemmer: SnowballStemmer?
    private var stems: [String: String] = [:]
    /// Candidates seen, by all words but the last, then the last words seen after them.
    private var lastWords: [[String]: Set<String>] = [:]

    init(language: Language) {
        self.language = language
        stemmer =
            language == .english || language == .german ? SnowballStemmer(language: language) : nil
    }

    /// Records a candidate, so that its last word may serve as a stem.
    mutating func note(_ words: [String]) {
        guard language == .turkish, let last = words.last else { return }
        lastWords[Array(words.dropLast()), default: []].insert(last)
    }

    mutating func key(of words: [String]) -> String {
        if let stemmer {
            return words.map { word in
                if let stem = stems[word] { return stem }
                let stem = stemmer.stem(word)
                stems[word] = stem
                return stem
            }.joined(separator: " ")
        }
        guard language == .turkish, let last = words.last else {
            return words.joined(separator: " ")
        }
        let head = Array(words.dropLast())
        let known = lastWords[head] ?? []
        let scalars = Array(last.unicodeScalars)
        // The longest known stem (at least two letters) whose rest is an ending.
        var cut = scalars.count - 1
        while cut >= 2 {
            let stem = String(String.UnicodeScalarView(scalars[..<cut]))
            if known.contains(stem),
                TurkishSuffixes.accepts(scalars[cut...].map(\.value))
            {
                return (head + [stem]).joined(separator: " ")
            }
            cut -= 1
        }
        return words.joined(separator: " ")
    }
}
