#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scores how close a memory's source sentence is to a new sentence, the way translators read
/// fuzzy matches: 100 for the same text, just below for differences of spacing, case or
/// punctuation, and lower for every word that has to change.
///
/// The score is a weighted edit distance over tokens (words, numbers, punctuation):
///
///     score = ⌊100 · (1 − distance / max(weight(query), weight(source)))⌋
///
/// A word or number weighs 1, a punctuation mark or symbol 0.3. Inserting or deleting a token
/// costs its weight. Replacing one costs nothing when it is the same text, 0.05 when it
/// differs only in case or accents (İzmir / Izmir), 0.25 when it has the same stem, so that
/// Turkish and German inflection does not ruin a score (İzmir'de / İzmir'den, Bürgermeister /
/// Bürgermeisters), and its weight otherwise. A number or a name (a capitalised word after the
/// first) that is inserted, deleted or replaced costs 0.5 more: it is what a translator must
/// not miss. Only identical texts score 100; any other text scores at most 99.
///
/// - Complexity: O(m · n) for m and n tokens.
public struct FuzzyMatcher: Sendable {
    public let language: Language
    private let stemmer: SnowballStemmer?
    private let words = ScoringWordCache()

    public init(language: Language) {
        self.language = language
        stemmer = SnowballStemmer(language: language)
    }

    /// A text cut into scoring tokens.
    public struct Prepared: Sendable {
        public let text: String
        public let tokens: [ScoringToken]
        let weight: Double

        /// The summed weight of the tokens.
        public var totalWeight: Double { weight }
    }

    public func prepare(_ text: String) -> Prepared {
        let tokens = ScoringTokenizer.tokens(of: text) { surface in
            words.entry(surface) {
                let key = MatchKey.make(surface)
                return (key, stem(key))
            }
        }.enumerated().map { index, raw in
            var token = raw
            if token.kind == .word {
                token.isName =
                    index > 0 && token.surface.unicodeScalars.first!.properties.isUppercase
            }
            return token
        }
        return Prepared(text: text, tokens: tokens, weight: tokens.reduce(0) { $0 + $1.weight })
    }

    /// The terms under which a text is indexed and looked up, each once: stems of words (a
    /// Turkish suffix after an apostrophe cut off) and the digits of numbers, as stable 64-bit
    /// hashes (FNV-1a of each term's UTF-8) computed from the text's match key without
    /// building a string per word.
    public func indexTermHashes(of text: String) -> [UInt64] {
        indexTermHashes(matchKey: MatchKey.make(text))
    }

    /// ``indexTermHashes(of:)`` of a text whose match key (``MatchKey/make(_:)``) is at hand,
    /// as a memory stores it: keying was most of the cost of indexing.
    public func indexTermHashes(matchKey: String) -> [UInt64] {
        var key = matchKey
        var hashes: [UInt64] = []
        key.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            func isAlnum(_ b: UInt8) -> Bool {
                b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A)
            }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            while i < n {
                guard isAlnum(bytes[i]) else {
                    i += 1
                    continue
                }
                // A token as the scoring tokenizer cuts it: letters and digits, with ' and -
                // between letters and . , : between digits.
                var j = i
                var letters = false
                while j < n {
                    let b = bytes[j]
                    if isAlnum(b) {
                        if !isDigit(b) { letters = true }
                        j += 1
                    } else if j + 1 < n, isAlnum(bytes[j + 1]),
                        (b == 0x27 || b == 0x2D)
                            ? letters || !isDigit(bytes[j - 1])
                            : (b == 0x2E || b == 0x2C || b == 0x3A) && !letters
                                && isDigit(bytes[j - 1])
                    {
                        j += 1
                    } else {
                        break
                    }
                }
                let token = UnsafeBufferPointer(rebasing: bytes[i..<j])
                var hash = Self.fnvBasis
                if letters {
                    // The word before a Turkish suffix's apostrophe, stemmed.
                    let end = token.firstIndex(of: 0x27) ?? token.endIndex
                    let word = UnsafeBufferPointer(rebasing: token[token.startIndex..<end])
                    let scalars = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                    if let stemmer, scalars > 3 {
                        hash = stemmer.withStem(of: word) { Self.fnv($0, hash) }
                    } else {
                        hash = Self.fnv(word, hash)
                    }
                } else {
                    for b in token where isDigit(b) { hash = (hash ^ UInt64(b)) &* Self.fnvPrime }
                }
                if !hashes.contains(hash) { hashes.append(hash) }
                i = j
            }
        }
        return hashes
    }

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    static func fnv(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt64) -> UInt64 {
        var hash = start
        for b in bytes { hash = (hash ^ UInt64(b)) &* fnvPrime }
        return hash
    }

    private func stem(_ key: String) -> String {
        // A Turkish suffix after an apostrophe is not part of the word's stem.
        let word = key.split(separator: "'", maxSplits: 1).first.map(String.init) ?? key
        guard let stemmer, word.unicodeScalars.count > 3 else { return word }
        return stemmer.stem(word)
    }

    public func score(_ query: Prepared, _ source: Prepared) -> FuzzyScore {
        if query.text == source.text { return FuzzyScore(score: 100, differences: []) }
        let q = query.tokens
        let s = source.tokens
        let columns = s.count + 1
        // The texts, keys and stems are compared once per distinct string, not once per cell.
        let (qc, sc) = CostToken.pair(q, s)
        let cost = CostToken.distanceTable(qc, sc)
        let distance = cost[q.count * columns + s.count]
        let score = Self.score(distance: distance, query.weight, source.weight)
        return FuzzyScore(score: score, differences: differences(q, s, cost, columns))
    }

    /// The score of a distance between texts of these weights, for texts that are not
    /// identical (those score 100).
    static func score(distance: Double, _ queryWeight: Double, _ sourceWeight: Double) -> Int {
        let total = max(queryWeight, sourceWeight, 1)
        return min(99, max(0, Int((100 * (1 - distance / total)).rounded(.down))))
    }

    /// The operations of one cheapest edit, in query order.
    private func differences(
        _ q: [ScoringToken], _ s: [ScoringToken], _ cost: [Double], _ columns: Int
    ) -> [FuzzyScore.Difference] {
        var result: [FuzzyScore.Difference] = []
        var i = q.count
        var j = s.count
        while i > 0 || j > 0 {
            let here = cost[i * columns + j]
            if i > 0 && j > 0 {
                let replace = Self.replaceCost(q[i - 1], s[j - 1])
                if abs(cost[(i - 1) * columns + j - 1] + replace.cost - here) < 1e-9 {
                    if let kind = replace.kind {
                        result.append(
                            .init(kind: kind, query: q[i - 1].span, source: s[j - 1].span))
                    }
                    i -= 1
                    j -= 1
                    continue
                }
            }
            if i > 0 && abs(cost[(i - 1) * columns + j] + Self.gapCost(q[i - 1]) - here) < 1e-9 {
                result.append(.init(kind: .deleted, query: q[i - 1].span, source: nil))
                i -= 1
            } else {
                result.append(.init(kind: .inserted, query: nil, source: s[j - 1].span))
                j -= 1
            }
        }
        return result.reversed()
    }

    static func gapCost(_ t: ScoringToken) -> Double {
        t.weight + (t.kind == .number || t.isName ? 0.5 : 0)
    }

    static func replaceCost(
        _ a: ScoringToken, _ b: ScoringToken
    ) -> (
        cost: Double, kind: FuzzyScore.Difference.Kind?
    ) {
        if a.surface == b.surface { return (0, nil) }
        if a.key == b.key { return (0.05, .caseOrAccents) }
        if a.kind == .word && b.kind == .word && !a.stem.isEmpty && a.stem == b.stem {
            return (0.25, .inflection)
        }
        if a.kind == .number || b.kind == .number {
            return (max(a.weight, b.weight) + 0.5, .number)
        }
        return (
            max(a.weight, b.weight) + (a.isName || b.isName ? 0.5 : 0),
            a.isName || b.isName ? .name : .replaced
        )
    }
}

/// A fuzzy score with the differences that explain it.
public struct FuzzyScore: Sendable, Hashable {
    /// 0...100; 100 only for identical texts.
    public let score: Int
    public let differences: [Difference]

    public struct Difference: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// In the query, not in the memory's source.
            case deleted
            /// In the memory's source, not in the query.
            case inserted
            case replaced
            /// A different number: the translation's number must change.
            case number
            /// A different name.
            case name
            /// The same word, inflected differently.
            case inflection
            /// The same word up to case or accents.
            case caseOrAccents = "case-or-accents"
        }

        public let kind: Kind
        /// Scalar offsets in the query and in the source.
        public let query: Range<Int>?
        public let source: Range<Int>?
    }
}

/// A token for scoring: its text, its match key, its stem and its weight.
///
/// Read outside the matcher by indexes that store a text's tokens once, as numbers, so that
/// scoring a stored text needs no tokenizing again (see ``CostToken``).
public struct ScoringToken: Sendable {
    public enum Kind: Sendable { case word, number, punctuation }

    public internal(set) var kind: Kind
    public internal(set) var surface: String
    public internal(set) var key: String
    /// Empty for numbers, marks, and words when the language has no stemmer.
    public internal(set) var stem = ""
    /// A capitalised word after the first token.
    public internal(set) var isName = false
    /// Scalar offsets in the prepared text.
    public internal(set) var span: Range<Int>

    public var weight: Double { kind == .punctuation ? 0.3 : 1 }
}

/// A fast tokenizer for scoring and indexing: runs of letters and digits (with apostrophes
/// and hyphens between letters, and periods or commas between digits) and single marks.
/// Whitespace separates tokens and is not one.
enum ScoringTokenizer {
    /// `word` gives a word's match key and stem (the stem empty when not wanted).
    static func tokens(
        of text: String,
        word: (String) -> (key: String, stem: String) = { (MatchKey.make($0), "") }
    ) -> [ScoringToken] {
        let view = text.unicodeScalars
        let scalars = Array(view)
        // String indices of the scalars, to slice the text without rebuilding it.
        var indices: [String.Index] = []
        indices.reserveCapacity(scalars.count + 1)
        var index = view.startIndex
        while index < view.endIndex {
            indices.append(index)
            view.formIndex(after: &index)
        }
        indices.append(view.endIndex)
        var tokens: [ScoringToken] = []
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if ScoringTokenizer.isWhitespace(s) {
                i += 1
                continue
            }
            if isWordScalar(s) {
                var j = i + 1
                var digits = ScoringTokenizer.isNumeric(s)
                var letters = !digits
                while j < scalars.count {
                    let c = scalars[j]
                    if isWordScalar(c) {
                        if ScoringTokenizer.isNumeric(c) { digits = true } else { letters = true }
                        j += 1
                    } else if j + 1 < scalars.count, isWordScalar(scalars[j + 1]),
                        isJoiner(c, digits: digits && !letters)
                    {
                        j += 2
                    } else {
                        break
                    }
                }
                let surface = String(view[indices[i]..<indices[j]])
                let isNumber = digits && !letters
                if isNumber {
                    let key = String(
                        surface.unicodeScalars.filter(isNumeric))
                    tokens.append(
                        ScoringToken(kind: .number, surface: surface, key: key, span: i..<j))
                } else {
                    let (key, stem) = word(surface)
                    tokens.append(
                        ScoringToken(
                            kind: .word, surface: surface, key: key, stem: stem, span: i..<j))
                }
                i = j
            } else {
                let surface = String(s)
                tokens.append(
                    ScoringToken(
                        kind: .punctuation, surface: surface, key: MatchKey.make(surface),
                        span: i..<i + 1))
                i += 1
            }
        }
        return tokens
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x30 && s.value <= 0x39)
                || ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    /// `properties.isWhitespace`, answered without Unicode tables for ASCII: most scalars of
    /// the three languages, and the tables' look-ups were a tenth of preparing a text.
    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    /// `properties.numericType != nil`, answered without Unicode tables for ASCII.
    @inline(__always) static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.numericType != nil
    }

    /// Apostrophes and hyphens join letters (İzmir'de, Castrop-Rauxel); periods, commas and
    /// colons join digits (1.250,5; 17:45).
    @inline(__always) static func isJoiner(_ s: Unicode.Scalar, digits: Bool) -> Bool {
        switch s {
        case "'", "’", "-", "‐": return !digits
        case ".", ",", ":": return digits
        default: return false
        }
    }
}

/// Match keys and stems of the words a matcher has seen, shared by its copies and threads:
/// the words of news repeat, and keying and stemming a word cost far more than a look-up.
/// Emptied when it holds `capacity` words, so that memory stays bounded.
final class ScoringWordCache: @unchecked Sendable {
    private var entries: [String: (key: String, stem: String)] = [:]
    /// Allocated, so that the lock has one fixed address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let capacity = 200_000

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func entry(
        _ word: String, make: () -> (key: String, stem: String)
    ) -> (
        key: String, stem: String
    ) {
        pthread_mutex_lock(mutex)
        if let found = entries[word] {
            pthread_mutex_unlock(mutex)
            return found
        }
        pthread_mutex_unlock(mutex)
        let made = make()
        pthread_mutex_lock(mutex)
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[word] = made
        pthread_mutex_unlock(mutex)
        return made
    }
}
