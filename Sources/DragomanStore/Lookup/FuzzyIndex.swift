import DragomanKit
import Foundation
import GRDB

/// An inverted index from index terms (word stems and numbers, see
/// ``FuzzyMatcher/indexTermHashes(of:)``) to the variants that contain them, with every
/// variant's scoring tokens stored as numbers, kept in a file beside the memory and mapped into
/// memory when used, so that a cold process answers at once: opening it reads the header and
/// nothing else.
///
/// The file records the memory's revision; an index whose revision differs is stale and is
/// rebuilt from the memory. Layout, little-endian:
///
/// - a header: magic `DRGFZX03`, revision, variant limit, language count, the sizes of the
///   three vocabularies (surfaces, match keys, stems) and the offsets of the sections below;
/// - a directory entry per language (code, term and variant counts, offsets);
/// - the token weight of every variant in tenths (UInt16, see
///   ``FuzzyMatcher/weightInTenths(of:)``);
/// - per language the sorted term hashes, the posting offsets and the postings (sorted
///   variant numbers, UInt32);
/// - the vocabularies: sorted 64-bit hashes of the surfaces (with the language) and the
///   surface number of each, sorted hashes of match keys and of stems (a key's or stem's
///   number is its place there), and per surface number its key, stem and kind;
/// - per variant the offset of its tokens, and the tokens: surface numbers as variable-length
///   integers, the most frequent surfaces numbered first so most take one byte.
///
/// Tokens are stored so that candidates are scored exactly without being read from the
/// memory, tokenized, keyed or stemmed: that was most of the time of a look-up. Strings are
/// known by 64-bit hashes, so two distinct strings of one hash (about one chance in 10^7
/// for ten million distinct words) would count as equal.
///
/// - Complexity: a look-up merges the postings of the query's rarer terms until no variant
///   outside the best candidates found so far can overtake them, then only probes the
///   frequent terms' postings for those candidates (the max-score strategy of search
///   engines): a query costs about the length of its rare terms' postings, not of the memory.
final class FuzzyIndex: @unchecked Sendable {
    static let magic = Array("DRGFZX03".utf8)
    static let headerSize = 104
    static let directoryEntrySize = 40
    /// Postings below this length always count, however small the memory.
    static let commonFloor = 1_000

    struct Section {
        let language: Language
        let termCount: Int
        let variantCount: Int
        let termsOffset: Int
        let offsetsOffset: Int
        let postingsOffset: Int
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
        var tokenOffsets = 0
        var tokens = 0
    }

    /// The mapped file; read only.
    let data: Data
    let revision: Int64
    let variantLimit: Int
    private let sections: [Language: Section]
    private let weightsOffset: Int
    let vocabulary: Vocabulary

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
        vocabulary.tokenOffsets = offset(88)
        vocabulary.tokens = offset(96)
        let ends = [
            vocabulary.surfaceHashes + 8 * vocabulary.surfaceCount,
            vocabulary.surfaceNumbers + 4 * vocabulary.surfaceCount,
            vocabulary.keyHashes + 8 * vocabulary.keyCount,
            vocabulary.stemHashes + 8 * vocabulary.stemCount,
            vocabulary.surfaceInfo + 8 * vocabulary.surfaceCount,
            vocabulary.surfaceFlags + vocabulary.surfaceCount,
            vocabulary.tokenOffsets + 8 * (variantLimit + 1), vocabulary.tokens,
        ]
        guard ends.allSatisfy({ $0 >= 0 && $0 <= data.count }),
            vocabulary.surfaceHashes % 8 == 0, vocabulary.keyHashes % 8 == 0,
            vocabulary.stemHashes % 8 == 0, vocabulary.tokenOffsets % 8 == 0,
            vocabulary.surfaceNumbers % 4 == 0, vocabulary.surfaceInfo % 4 == 0,
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
            let section = Section(
                language: language, termCount: Int(data.loadLittle(UInt32.self, at: position + 8)),
                variantCount: Int(data.loadLittle(UInt32.self, at: position + 12)),
                termsOffset: Int(data.loadLittle(UInt64.self, at: position + 16)),
                offsetsOffset: Int(data.loadLittle(UInt64.self, at: position + 24)),
                postingsOffset: Int(data.loadLittle(UInt64.self, at: position + 32)))
            guard section.termsOffset + 8 * section.termCount <= data.count,
                section.offsetsOffset + 4 * (section.termCount + 1) <= data.count,
                section.postingsOffset <= data.count
            else { throw CocoaError(.fileReadCorruptFile) }
            sections[language] = section
            position += Self.directoryEntrySize
        }
        self.sections = sections
        weightsOffset = position
        guard weightsOffset + 2 * variantLimit <= data.count else {
            throw CocoaError(.fileReadCorruptFile)
        }
    }

    var size: Int { data.count }

    /// The token weight of a variant in tenths, as stored when the index was built.
    func weight(ofVariant variant: Int64) -> Int {
        guard variant >= 0, variant < Int64(variantLimit) else { return 0 }
        return Int(data.loadLittle(UInt16.self, at: weightsOffset + 2 * Int(variant)))
    }

    /// Variants of `language` that share the query's terms, best first by the inverse
    /// document frequency of the shared terms less a small penalty for a weight unlike the
    /// query's, at most `limit`. The result is the exact top `limit` of that ranking, where
    /// terms found in more than one variant in twenty count only for a query without rarer
    /// terms.
    func candidates(
        terms: [UInt64], language: Language, queryWeight: Int, limit: Int
    ) -> [Int64] {
        guard let section = sections[language], section.variantCount > 0, limit > 0 else {
            return []
        }
        return data.withUnsafeBytes { raw -> [Int64] in
            let base = raw.baseAddress!
            let termHashes = UnsafeBufferPointer(
                start: (base + section.termsOffset).assumingMemoryBound(to: UInt64.self),
                count: section.termCount)
            let offsets = UnsafeBufferPointer(
                start: (base + section.offsetsOffset).assumingMemoryBound(to: UInt32.self),
                count: section.termCount + 1)
            let postingsBase = (base + section.postingsOffset).assumingMemoryBound(to: UInt32.self)
            let weights = UnsafeBufferPointer(
                start: (base + weightsOffset).assumingMemoryBound(to: UInt16.self),
                count: variantLimit)
            var lists: [(postings: UnsafeBufferPointer<UInt32>, idf: Float)] = []
            let n = Float(section.variantCount)
            var seen: Set<UInt64> = []
            for hash in terms where seen.insert(hash).inserted {
                guard let k = Self.find(hash, in: termHashes) else { continue }
                let start = Int(offsets[k])
                let end = Int(offsets[k + 1])
                guard end > start else { continue }
                let postings = UnsafeBufferPointer(start: postingsBase + start, count: end - start)
                lists.append((postings, log(1 + n / Float(postings.count))))
            }
            guard !lists.isEmpty else { return [] }
            lists.sort { $0.postings.count < $1.postings.count }
            // Terms in more than one variant in twenty (the, of, ve, und) hardly tell
            // variants apart and have the longest postings: they rank only when the query
            // has nothing rarer.
            let common = Swift.max(Self.commonFloor, section.variantCount / 20)
            if let rare = lists.lastIndex(where: { $0.postings.count <= common }) {
                lists.removeSubrange((rare + 1)...)
            }
            var rest = [Float](repeating: 0, count: lists.count + 1)
            for i in stride(from: lists.count - 1, through: 0, by: -1) {
                rest[i] = rest[i + 1] + lists[i].idf
            }
            let queryWeight = Float(queryWeight)
            let scale = 0.3 / max(queryWeight, 10)
            func penalty(_ variant: UInt32) -> Float {
                let w = Int(variant) < weights.count ? Float(weights[Int(variant)]) : 0
                return abs(w - queryWeight) * scale
            }
            var accumulator = Accumulator()
            // Merging: every variant of a list may join the candidates, until the lists left
            // cannot lift a newcomer to the weakest of the best `limit` so far.
            var i = 0
            var threshold = -Float.infinity
            while i < lists.count {
                if accumulator.count >= limit, rest[i] < threshold { break }
                accumulator.merge(lists[i].postings, weight: lists[i].idf, penalty: penalty)
                i += 1
                if accumulator.count >= limit, i < lists.count, rest[i] <= accumulator.maximum {
                    threshold = max(threshold, accumulator.kthBest(limit))
                    // Candidates that cannot reach the top even with every list left are
                    // dropped now, so the merges left copy fewer: ranks only grow, and one
                    // dropped here and met again later has a rank lower still.
                    accumulator.prune(below: threshold, slack: rest[i])
                }
            }
            // Probing: the frequent lists only add to candidates that can still reach the top.
            if i < lists.count {
                accumulator.prune(below: threshold, slack: rest[i])
                while i < lists.count {
                    accumulator.probe(lists[i].postings, weight: lists[i].idf)
                    i += 1
                    if accumulator.count > limit {
                        threshold = max(threshold, accumulator.kthBest(limit))
                    }
                    accumulator.prune(below: threshold, slack: rest[i])
                }
            }
            return accumulator.best(limit)
        }
    }
}

/// Candidates of one look-up: variant numbers in ascending order with their ranks, the summed
/// weights of their lists less their penalty. The penalty is taken once, when a variant joins:
/// reading every candidate's stored weight again at each step was most of a look-up's time
/// (the reads miss the processor's caches).
private struct Accumulator {
    private(set) var variants: [UInt32] = []
    private(set) var ranks: [Float] = []
    /// The highest rank of any candidate.
    private(set) var maximum: Float = -.infinity

    var count: Int { variants.count }

    /// Adds `weight` to every variant of `postings`, taking in those not yet present with
    /// their penalty.
    mutating func merge(
        _ postings: UnsafeBufferPointer<UInt32>, weight: Float, penalty: (UInt32) -> Float
    ) {
        var newVariants: [UInt32] = []
        var newRanks: [Float] = []
        newVariants.reserveCapacity(variants.count + postings.count)
        newRanks.reserveCapacity(variants.count + postings.count)
        var a = 0
        var b = 0
        var maximum = self.maximum
        variants.withUnsafeBufferPointer { old in
            ranks.withUnsafeBufferPointer { oldRanks in
                while a < old.count || b < postings.count {
                    if b == postings.count || (a < old.count && old[a] < postings[b]) {
                        newVariants.append(old[a])
                        newRanks.append(oldRanks[a])
                        a += 1
                    } else if a == old.count || postings[b] < old[a] {
                        let rank = weight - penalty(postings[b])
                        newVariants.append(postings[b])
                        newRanks.append(rank)
                        maximum = max(maximum, rank)
                        b += 1
                    } else {
                        let sum = oldRanks[a] + weight
                        newVariants.append(old[a])
                        newRanks.append(sum)
                        maximum = max(maximum, sum)
                        a += 1
                        b += 1
                    }
                }
            }
        }
        variants = newVariants
        ranks = newRanks
        self.maximum = maximum
    }

    /// Adds `weight` to the candidates found in `postings`, taking in none: a galloping
    /// search from the last position, since both sides are sorted.
    mutating func probe(_ postings: UnsafeBufferPointer<UInt32>, weight: Float) {
        var position = 0
        for k in variants.indices {
            let target = variants[k]
            var step = 1
            var hi = position
            while hi < postings.count && postings[hi] < target {
                position = hi + 1
                hi += step
                step *= 2
            }
            var lo = position
            hi = min(hi, postings.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if postings[mid] < target { lo = mid + 1 } else { hi = mid }
            }
            position = lo
            if position == postings.count { break }
            if postings[position] == target {
                ranks[k] += weight
                maximum = max(maximum, ranks[k])
            }
        }
    }

    /// Drops the candidates that cannot reach `threshold` even with `slack` more weight.
    mutating func prune(below threshold: Float, slack: Float) {
        guard threshold > -Float.infinity else { return }
        var kept = 0
        for k in variants.indices where ranks[k] + slack >= threshold {
            variants[kept] = variants[k]
            ranks[kept] = ranks[k]
            kept += 1
        }
        variants.removeLast(variants.count - kept)
        ranks.removeLast(ranks.count - kept)
    }

    /// The `k`-th best rank among the candidates; ranks only grow as lists are added, so
    /// this is a floor for the final `k`-th best.
    func kthBest(_ k: Int) -> Float {
        var copy = ranks
        return copy.withUnsafeMutableBufferPointer { Self.select(k - 1, descendingIn: $0) }
    }

    /// The best `limit` candidates by rank, best first; equal ranks by variant number.
    func best(_ limit: Int) -> [Int64] {
        let floor = count > 4 * limit ? kthBest(limit) : -.infinity
        var ranked: [(UInt32, Float)] = []
        for k in variants.indices where ranks[k] >= floor { ranked.append((variants[k], ranks[k])) }
        ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return ranked.prefix(limit).map { Int64($0.0) }
    }

    /// The element that would stand at `index` if `values` were sorted in descending order
    /// (quickselect; `values` is reordered).
    private static func select(
        _ index: Int, descendingIn values: UnsafeMutableBufferPointer<Float>
    )
        -> Float
    {
        var lo = 0
        var hi = values.count - 1
        while lo < hi {
            let pivot = values[(lo + hi) / 2]
            var i = lo
            var j = hi
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if index <= j {
                hi = j
            } else if index >= i {
                lo = i
            } else {
                return values[index]
            }
        }
        return values[lo]
    }
}

extension Data {
    func loadLittle<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        withUnsafeBytes { raw in
            T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
    }
}
