import DragomanKit
import Foundation
import GRDB
import Synchronization

/// An inverted index from index terms (word stems and numbers, see
/// ``FuzzyMatcher/indexTermHashes(of:)``) to the distinct texts of a language that contain
/// them, with every distinct text's scoring tokens stored as numbers and the variants that
/// hold it, kept in a file beside the memory and mapped into memory when used, so that a
/// cold process answers at once: opening it reads the header and the directory, nothing else.
///
/// Variants with the same text (after NFC) share one entry: memories repeat sentences
/// (headlines, set phrases, a text imported twice), and a text is found, ranked and scored
/// once however many units hold it; its units are only listed when it is among the matches.
///
/// The file records the memory's revision; an index whose revision differs is stale and is
/// rebuilt from the memory. Layout, little-endian:
///
/// - a header: magic `DRGFZX05`, revision, variant limit, language count, the sizes of the
///   three vocabularies (surfaces, match keys, stems) and the offsets of their sections;
/// - a directory entry per language: code, term, text and list counts, and the offsets of
///   the language's sections below;
/// - per language the sorted term hashes, the number of each term's list of postings, where
///   each list starts and the lists (sorted text numbers, UInt32); per text its token weight in tenths (UInt16, see
///   ``FuzzyMatcher/weightInTenths(of:)``), its hash (``textHash(_:)``), where its tokens
///   start, and its variants (variant numbers in ascending order, UInt32);
/// - the vocabularies: sorted 64-bit hashes of the surfaces (with the language) and the
///   surface number of each, sorted hashes of match keys and of stems (a key's or stem's
///   number is its place there), and per surface number its key, stem and kind;
/// - the tokens of every text, language by language: surface numbers as variable-length
///   integers, the most frequent surfaces numbered first so most take one byte.
///
/// Terms found in exactly the same texts share one list: the rare words of a sentence are
/// found in the texts that hold that sentence, and nowhere else, so in a memory that repeats
/// its sentences (a publisher's, where a sentence recurs in paragraphs, updates and
/// reprints) most of a query's rare terms name one list. A look-up adds such a list once,
/// with the summed weight of its terms, where it would add it once per term; the index keeps
/// it once.
///
/// Tokens are stored so that candidates are scored exactly without being read from the
/// memory, tokenized, keyed or stemmed. Strings and texts are known by 64-bit hashes, so two
/// distinct strings of one hash (about one chance in 10^7 for ten million distinct words)
/// would count as equal.
///
/// - Complexity: a look-up adds up the postings of the query's rarer terms in a table with a
///   slot per text until no text outside the best candidates found so far can overtake them,
///   then only probes the frequent terms' postings for those candidates (the max-score
///   strategy of search engines): a query costs about the length of its rare terms'
///   postings, not of the memory.
final class FuzzyIndex: @unchecked Sendable {
    static let magic = Array("DRGFZX05".utf8)
    static let headerSize = 104
    static let directoryEntrySize = 96
    /// Postings below this length always count, however small the memory.
    static let commonFloor = 1_000

    /// Where one language's sections lie in the file.
    struct Section: Sendable {
        let language: Language
        let termCount: Int
        /// Distinct texts.
        let textCount: Int
        /// Distinct lists of postings: terms found in the same texts share one.
        let listCount: Int
        let termsOffset: Int
        /// Per term: the number of its list (UInt32).
        let termListsOffset: Int
        /// Per list and one more: where it starts among the postings (UInt32).
        let listOffsetsOffset: Int
        let postingsOffset: Int
        /// Per text: the token weight in tenths (UInt16).
        let weightsOffset: Int
        /// Per text: ``FuzzyIndex/textHash(_:)`` of the text (UInt64).
        let hashesOffset: Int
        /// Per text and one more: where its tokens start after the tokens' start (UInt64).
        let tokenOffsetsOffset: Int
        /// Per text and one more: where its variants start among the variants (UInt32).
        let variantOffsetsOffset: Int
        /// The variants of every text, text after text.
        let variantsOffset: Int
    }

    /// Where the vocabularies and tokens lie in the file, and how many entries each has.
    struct Vocabulary {
        var surfaceCount = 0
        var keyCount = 0
        var stemCount = 0
        var surfaceHashes = 0
        var surfaceNumbers = 0
        var keyHashes = 0
        var stemHashes = 0
        /// Per surface number: its key number and stem number (Int32 each, -1 for none).
        var surfaceInfo = 0
        /// Per surface number: the kind (0 word, 1 number, 2 punctuation), plus 4 when it
        /// begins with a capital.
        var surfaceFlags = 0
        var tokens = 0
        var tokensEnd = 0
    }

    /// The mapped file; read only.
    let data: Data
    let revision: Int64
    let variantLimit: Int
    private let sections: [Language: Section]
    let vocabulary: Vocabulary
    /// Tables of ranks, one per look-up running, kept for the next: a table has a slot per
    /// text of the largest language, and making one again for every query would cost more
    /// than the query.
    private let rankTables = Mutex<[RankTable]>([])

    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        self.data = data
        guard data.count >= Self.headerSize, Array(data.prefix(8)) == Self.magic else {
            throw CocoaError(.fileReadCorruptFile)
        }
        revision = data.loadLittle(Int64.self, at: 8)
        variantLimit = Int(data.loadLittle(UInt32.self, at: 16))
        let languageCount = Int(data.loadLittle(UInt32.self, at: 20))
        var vocabulary = Vocabulary()
        vocabulary.surfaceCount = Int(data.loadLittle(UInt32.self, at: 24))
        vocabulary.keyCount = Int(data.loadLittle(UInt32.self, at: 28))
        vocabulary.stemCount = Int(data.loadLittle(UInt32.self, at: 32))
        func offset(_ at: Int) -> Int { Int(clamping: data.loadLittle(UInt64.self, at: at)) }
        vocabulary.surfaceHashes = offset(40)
        vocabulary.surfaceNumbers = offset(48)
        vocabulary.keyHashes = offset(56)
        vocabulary.stemHashes = offset(64)
        vocabulary.surfaceInfo = offset(72)
        vocabulary.surfaceFlags = offset(80)
        vocabulary.tokens = offset(88)
        vocabulary.tokensEnd = offset(96)
        let ends = [
            vocabulary.surfaceHashes + 8 * vocabulary.surfaceCount,
            vocabulary.surfaceNumbers + 4 * vocabulary.surfaceCount,
            vocabulary.keyHashes + 8 * vocabulary.keyCount,
            vocabulary.stemHashes + 8 * vocabulary.stemCount,
            vocabulary.surfaceInfo + 8 * vocabulary.surfaceCount,
            vocabulary.surfaceFlags + vocabulary.surfaceCount, vocabulary.tokens,
            vocabulary.tokensEnd,
        ]
        guard ends.allSatisfy({ $0 >= 0 && $0 <= data.count }),
            vocabulary.tokens <= vocabulary.tokensEnd,
            vocabulary.surfaceHashes % 8 == 0, vocabulary.keyHashes % 8 == 0,
            vocabulary.stemHashes % 8 == 0, vocabulary.surfaceNumbers % 4 == 0,
            vocabulary.surfaceInfo % 4 == 0,
            Self.headerSize + Self.directoryEntrySize * languageCount <= data.count
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        self.vocabulary = vocabulary
        var sections: [Language: Section] = [:]
        var position = Self.headerSize
        for _ in 0..<languageCount {
            let code = String(
                decoding: data[position..<position + 8].prefix { $0 != 0 }, as: UTF8.self)
            guard let language = Language(tag: code) else { throw CocoaError(.fileReadCorruptFile) }
            func field(_ at: Int) -> Int {
                Int(clamping: data.loadLittle(UInt64.self, at: position + at))
            }
            let section = Section(
                language: language, termCount: Int(data.loadLittle(UInt32.self, at: position + 8)),
                textCount: Int(data.loadLittle(UInt32.self, at: position + 12)),
                listCount: Int(data.loadLittle(UInt32.self, at: position + 16)),
                termsOffset: field(24), termListsOffset: field(32), listOffsetsOffset: field(40),
                postingsOffset: field(48), weightsOffset: field(56), hashesOffset: field(64),
                tokenOffsetsOffset: field(72), variantOffsetsOffset: field(80),
                variantsOffset: field(88))
            guard Self.isValid(section, in: data) else { throw CocoaError(.fileReadCorruptFile) }
            sections[language] = section
            position += Self.directoryEntrySize
        }
        self.sections = sections
    }

    /// Whether the sections of a language lie in the file, aligned, with offsets that stay
    /// inside their sections: only these are read without a check later.
    private static func isValid(_ s: Section, in data: Data) -> Bool {
        let n = s.textCount
        let tables = [
            (s.termsOffset, 8 * s.termCount), (s.termListsOffset, 4 * s.termCount),
            (s.listOffsetsOffset, 4 * (s.listCount + 1)),
            (s.weightsOffset, 2 * n), (s.hashesOffset, 8 * n),
            (s.tokenOffsetsOffset, 8 * (n + 1)), (s.variantOffsetsOffset, 4 * (n + 1)),
        ]
        guard
            tables.allSatisfy({ $0.0 >= 0 && $0.1 >= 0 && $0.0 + $0.1 <= data.count }),
            s.termsOffset % 8 == 0, s.hashesOffset % 8 == 0, s.tokenOffsetsOffset % 8 == 0,
            s.termListsOffset % 4 == 0, s.listOffsetsOffset % 4 == 0, s.postingsOffset % 4 == 0,
            s.variantOffsetsOffset % 4 == 0,
            s.variantsOffset % 4 == 0, s.weightsOffset % 2 == 0
        else { return false }
        let postings = Int(
            data.loadLittle(UInt32.self, at: s.listOffsetsOffset + 4 * s.listCount))
        let variants = Int(data.loadLittle(UInt32.self, at: s.variantOffsetsOffset + 4 * n))
        return s.postingsOffset >= 0 && s.postingsOffset + 4 * postings <= data.count
            && s.variantsOffset >= 0 && s.variantsOffset + 4 * variants <= data.count
    }

    var size: Int { data.count }

    /// The sections of a language, nil when the index holds no text of it.
    func section(_ language: Language) -> Section? { sections[language] }

    /// A text's token weight in tenths, as stored when the index was built.
    func weight(ofText text: Int, in section: Section) -> Int {
        guard text >= 0, text < section.textCount else { return 0 }
        return Int(data.loadLittle(UInt16.self, at: section.weightsOffset + 2 * text))
    }

    /// ``textHash(_:)`` of a text, as stored when the index was built.
    func hash(ofText text: Int, in section: Section) -> UInt64 {
        guard text >= 0, text < section.textCount else { return 0 }
        return data.loadLittle(UInt64.self, at: section.hashesOffset + 8 * text)
    }

    /// The variants that hold a text, in the order they were stored; variant numbers outside
    /// the memory's (a damaged file) are left out.
    func variants(ofText text: Int, in section: Section) -> [Int64] {
        guard text >= 0, text < section.textCount else { return [] }
        let start = Int(data.loadLittle(UInt32.self, at: section.variantOffsetsOffset + 4 * text))
        let end = Int(data.loadLittle(UInt32.self, at: section.variantOffsetsOffset + 4 * text + 4))
        guard start <= end else { return [] }
        return (start..<end).compactMap { k in
            let variant = data.loadLittle(UInt32.self, at: section.variantsOffset + 4 * k)
            return Int(variant) < variantLimit ? Int64(variant) : nil
        }
    }

    /// The texts that hold a term, in ascending order, and the number of their list; nil for
    /// a term the index does not know or a damaged list.
    func postings(ofTerm hash: UInt64, in section: Section) -> (list: Int, postings: [Int])? {
        data.withUnsafeBytes { raw -> (list: Int, postings: [Int])? in
            guard let found = Self.list(of: hash, in: section, at: raw.baseAddress!) else {
                return nil
            }
            return (found.list, found.postings.map(Int.init))
        }
    }

    /// The list of postings of a term: its number and the sorted texts in it; nil for a term
    /// the index does not know or a list outside the postings (a damaged file).
    private static func list(
        of hash: UInt64, in section: Section, at base: UnsafeRawPointer
    ) -> (list: Int, postings: UnsafeBufferPointer<UInt32>)? {
        let termHashes = UnsafeBufferPointer(
            start: (base + section.termsOffset).assumingMemoryBound(to: UInt64.self),
            count: section.termCount)
        guard let k = find(hash, in: termHashes) else { return nil }
        let list = Int(
            (base + section.termListsOffset).assumingMemoryBound(to: UInt32.self)[k])
        guard list < section.listCount else { return nil }
        let offsets = (base + section.listOffsetsOffset).assumingMemoryBound(to: UInt32.self)
        let start = Int(offsets[list])
        let end = Int(offsets[list + 1])
        guard start <= end, end <= Int(offsets[section.listCount]) else { return nil }
        let postings = (base + section.postingsOffset).assumingMemoryBound(to: UInt32.self)
        return (list, UnsafeBufferPointer(start: postings + start, count: end - start))
    }

    /// The text known by `hash` (``textHash(_:)``), looked for among the texts of the rarest
    /// of `terms`, which are that text's own terms: a text holds every one of them. Nil when
    /// no such text is there or the query has no term.
    ///
    /// - Complexity: a pass over the shortest list of the terms, a hash read per posting.
    func text(withHash hash: UInt64, terms: [UInt64], language: Language) -> Int? {
        guard let section = sections[language], section.textCount > 0 else { return nil }
        return data.withUnsafeBytes { raw -> Int? in
            let base = raw.baseAddress!
            var shortest: UnsafeBufferPointer<UInt32>?
            for term in terms {
                // A term the index does not know is in no text: nor in the query's.
                guard let found = Self.list(of: term, in: section, at: base) else { return nil }
                if found.postings.count < shortest?.count ?? .max { shortest = found.postings }
            }
            guard let shortest else { return nil }
            let hashes = (base + section.hashesOffset).assumingMemoryBound(to: UInt64.self)
            for text in shortest where Int(text) < section.textCount {
                if hashes[Int(text)] == hash { return Int(text) }
            }
            return nil
        }
    }

    /// The hash under which a text (its NFC form, as the memory stores it and a query is
    /// normalized) is known: FNV-1a of its UTF-8. A candidate whose hash is the query's is
    /// the query's text, which alone scores 100.
    static func textHash(_ text: String) -> UInt64 { hash(text, hashBasis) }

    /// Texts of `language` that share the query's terms, best first by the inverse document
    /// frequency of the shared terms less a small penalty for a weight unlike the query's, at
    /// most `limit`; equal ranks by text number. The result is the exact top `limit` of that
    /// ranking, where terms found in more than one text in twenty count only for a query
    /// without rarer terms. Terms of one list are added together, as one list with the sum of
    /// their weights.
    func candidates(
        terms: [UInt64], language: Language, queryWeight: Int, limit: Int
    ) -> [Int] {
        guard let section = sections[language], section.textCount > 0, limit > 0 else {
            return []
        }
        return data.withUnsafeBytes { raw -> [Int] in
            let base = raw.baseAddress!
            let weights = UnsafeBufferPointer(
                start: (base + section.weightsOffset).assumingMemoryBound(to: UInt16.self),
                count: section.textCount)
            var lists: [(postings: UnsafeBufferPointer<UInt32>, idf: Float)] = []
            let n = Float(section.textCount)
            var seen: Set<UInt64> = []
            // Where each list met so far stands in `lists`.
            var place: [Int: Int] = [:]
            for hash in terms where seen.insert(hash).inserted {
                guard let found = Self.list(of: hash, in: section, at: base),
                    !found.postings.isEmpty
                else { continue }
                let idf = log(1 + n / Float(found.postings.count))
                if let known = place[found.list] {
                    lists[known].idf += idf
                } else {
                    place[found.list] = lists.count
                    lists.append((found.postings, idf))
                }
            }
            guard !lists.isEmpty else { return [] }
            lists.sort { $0.postings.count < $1.postings.count }
            // Terms in more than one text in twenty (the, of, ve, und) hardly tell texts
            // apart and have the longest postings: they rank only when the query has nothing
            // rarer.
            let common = Swift.max(Self.commonFloor, section.textCount / 20)
            if let rare = lists.lastIndex(where: { $0.postings.count <= common }) {
                lists.removeSubrange((rare + 1)...)
            }
            var rest = [Float](repeating: 0, count: lists.count + 1)
            for i in stride(from: lists.count - 1, through: 0, by: -1) {
                rest[i] = rest[i + 1] + lists[i].idf
            }
            let queryWeight = Float(queryWeight)
            let scale = 0.3 / max(queryWeight, 10)
            let table = rankTable(capacity: section.textCount)
            defer { returnRankTable(table) }
            // Merging: every text of a list may join the candidates, until the lists left
            // cannot lift a newcomer to the weakest of the best `limit` so far.
            var i = 0
            var threshold = -Float.infinity
            while i < lists.count {
                if table.count >= limit, rest[i] < threshold { break }
                table.add(
                    lists[i].postings, weight: lists[i].idf, weights: weights,
                    queryWeight: queryWeight, scale: scale)
                i += 1
                if table.count >= limit, i < lists.count, rest[i] <= table.maximum {
                    threshold = max(threshold, table.kthBest(limit, atLeast: threshold))
                    // Candidates that cannot reach the top even with every list left are
                    // dropped now: ranks only grow, so one dropped here stays out.
                    table.prune(below: threshold, slack: rest[i])
                }
            }
            // Probing: the frequent lists only add to candidates that can still reach the top.
            // The floor of the `limit`-th best is then taken from the candidates at the top
            // when probing began: a pass over those instead of over every candidate after
            // each list. A lower floor keeps more candidates, never fewer than it should.
            if i < lists.count {
                if table.count > limit {
                    threshold = max(threshold, table.kthBest(limit, atLeast: threshold))
                    table.keepTop(threshold)
                }
                table.prune(below: threshold, slack: rest[i])
                while i < lists.count {
                    table.probe(lists[i].postings, weight: lists[i].idf)
                    i += 1
                    if table.count > limit {
                        threshold = max(threshold, table.pooledKthBest(limit))
                    }
                    table.prune(below: threshold, slack: rest[i])
                }
            }
            return table.best(limit).map(Int.init)
        }
    }

    private func rankTable(capacity: Int) -> RankTable {
        let kept = rankTables.withLock { tables -> RankTable? in
            guard let k = tables.firstIndex(where: { $0.capacity >= capacity }) else {
                return nil
            }
            return tables.remove(at: k)
        }
        return kept ?? RankTable(capacity: capacity)
    }

    private func returnRankTable(_ table: RankTable) {
        table.reset()
        rankTables.withLock { tables in
            // As many as look-ups ran at once, within reason.
            if tables.count < 8 { tables.append(table) }
        }
    }
}

extension Data {
    func loadLittle<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        withUnsafeBytes { raw in
            T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
    }
}
