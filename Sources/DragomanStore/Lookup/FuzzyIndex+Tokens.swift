import DragomanKit
import Foundation

extension FuzzyIndex {
    /// The hashes under which a token's strings are kept in the vocabularies: the surface
    /// with its language (its stem depends on the language), the match key alone, the stem
    /// with its language; 0 for no stem.
    struct TokenHashes: Hashable {
        let surface: UInt64
        let key: UInt64
        let stem: UInt64
        /// The kind (0 word, 1 number, 2 punctuation), plus 4 when the surface begins with
        /// a capital.
        let flags: UInt8

        /// `seed` is ``seed(for:)`` of the token's language.
        init(_ token: ScoringToken, seed: UInt64) {
            surface = FuzzyIndex.hash(token.surface, seed)
            key = FuzzyIndex.hash(token.key, FuzzyIndex.hashBasis)
            stem =
                token.kind == .word && !token.stem.isEmpty
                ? FuzzyIndex.hash(token.stem, seed) | 1 : 0
            let kind: UInt8 =
                switch token.kind {
                case .word: 0
                case .number: 1
                case .punctuation: 2
                }
            let capital = token.surface.unicodeScalars.first?.properties.isUppercase ?? false
            flags = kind | (capital ? 4 : 0)
        }
    }

    static let hashBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Where the hashes of a language's surfaces and stems start: its code and a zero byte.
    static func seed(for language: Language) -> UInt64 {
        hash(language.code + "\u{0}", hashBasis)
    }

    /// FNV-1a of the UTF-8 of `text`, continuing from `start`.
    static func hash(_ text: String, _ start: UInt64) -> UInt64 {
        var hash = start
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The query's tokens as numbers of this index's vocabularies; strings the index has
    /// never seen get numbers of their own above every stored one, equal for equal strings.
    func intern(_ query: FuzzyMatcher.Prepared, language: Language) -> InternedText {
        data.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            func table(_ offset: Int, _ count: Int) -> UnsafeBufferPointer<UInt64> {
                UnsafeBufferPointer(
                    start: (base + offset).assumingMemoryBound(to: UInt64.self), count: count)
            }
            let surfaces = table(vocabulary.surfaceHashes, vocabulary.surfaceCount)
            let surfaceNumbers = UnsafeBufferPointer(
                start: (base + vocabulary.surfaceNumbers).assumingMemoryBound(to: UInt32.self),
                count: vocabulary.surfaceCount)
            let keys = table(vocabulary.keyHashes, vocabulary.keyCount)
            let stems = table(vocabulary.stemHashes, vocabulary.stemCount)
            let seed = Self.seed(for: language)
            var unseen: [UInt64: Int] = [:]
            // Above every stored number of any vocabulary, so no stored string can equal it.
            let firstUnseen = max(
                vocabulary.surfaceCount, vocabulary.keyCount, vocabulary.stemCount)
            func number(
                _ hash: UInt64, in hashes: UnsafeBufferPointer<UInt64>, stored: (Int) -> Int
            )
                -> Int
            {
                if let place = Self.find(hash, in: hashes) { return stored(place) }
                if let known = unseen[hash] { return known }
                let new = firstUnseen + unseen.count
                unseen[hash] = new
                return new
            }
            let tokens = query.tokens.map { token in
                let hashes = TokenHashes(token, seed: seed)
                return CostToken(
                    surface: number(hashes.surface, in: surfaces) { Int(surfaceNumbers[$0]) },
                    key: number(hashes.key, in: keys) { $0 },
                    stem: hashes.stem == 0 ? -1 : number(hashes.stem, in: stems) { $0 },
                    kind: token.kind, isName: token.isName)
            }
            return InternedText(tokens: tokens, query: true)
        }
    }

    /// The stored tokens of a text of a language, nil when the text is not in the index or
    /// its tokens are damaged.
    func interned(text: Int, in section: Section) -> InternedText? {
        guard text >= 0, text < section.textCount else { return nil }
        return data.withUnsafeBytes { raw -> InternedText? in
            let base = raw.baseAddress!
            let offsets = UnsafeBufferPointer(
                start: (base + section.tokenOffsetsOffset).assumingMemoryBound(to: UInt64.self),
                count: section.textCount + 1)
            let length = UInt64(vocabulary.tokensEnd - vocabulary.tokens)
            guard offsets[text] <= offsets[text + 1], offsets[text + 1] <= length else {
                return nil
            }
            let start = vocabulary.tokens + Int(offsets[text])
            let end = vocabulary.tokens + Int(offsets[text + 1])
            let info = UnsafeBufferPointer(
                start: (base + vocabulary.surfaceInfo).assumingMemoryBound(to: Int32.self),
                count: 2 * vocabulary.surfaceCount)
            let flags = UnsafeBufferPointer(
                start: (base + vocabulary.surfaceFlags).assumingMemoryBound(to: UInt8.self),
                count: vocabulary.surfaceCount)
            let bytes = UnsafeBufferPointer(
                start: (base + start).assumingMemoryBound(to: UInt8.self), count: end - start)
            var tokens: [CostToken] = []
            tokens.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                var number = 0
                var shift = 0
                while true {
                    guard i < bytes.count, shift < 35 else { return nil }
                    let byte = bytes[i]
                    i += 1
                    number |= Int(byte & 0x7F) << shift
                    shift += 7
                    if byte & 0x80 == 0 { break }
                }
                guard number < vocabulary.surfaceCount else { return nil }
                let flag = flags[number]
                let kind: ScoringToken.Kind =
                    switch flag & 3 {
                    case 0: .word
                    case 1: .number
                    default: .punctuation
                    }
                tokens.append(
                    CostToken(
                        surface: number, key: Int(info[2 * number]),
                        stem: Int(info[2 * number + 1]), kind: kind,
                        isName: kind == .word && !tokens.isEmpty && flag & 4 != 0))
            }
            return InternedText(tokens: tokens)
        }
    }

    static func find(_ hash: UInt64, in hashes: UnsafeBufferPointer<UInt64>) -> Int? {
        var lo = 0
        var hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < hashes.count && hashes[lo] == hash ? lo : nil
    }
}
