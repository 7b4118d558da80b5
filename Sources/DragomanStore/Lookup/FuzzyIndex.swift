import DragomanKit
import Foundation
import GRDB

/// An inverted index from index terms (word stems and numbers, see
/// ``FuzzyMatcher/indexTermHashes(of:)``) to the variants that contain them, kept in a file beside
/// the memory and mapped into memory when used, so that a cold process answers at once: opening
/// it reads the header and nothing else.
///
/// The file records the memory's revision; an index whose revision differs is stale and is
/// rebuilt from the memory. Layout, little-endian: a header (magic `DRGFZX02`, revision,
/// variant limit, language count), a directory entry per language (code, term and variant
/// counts, offsets), the token weight of every variant in tenths (UInt16, see
/// ``FuzzyMatcher/weightInTenths(of:)``), then per language the sorted term hashes, the
/// posting offsets and the postings (sorted variant numbers, UInt32).
///
/// - Complexity: a look-up merges the postings of the query's rarer terms until no variant
///   outside the best candidates found so far can overtake them, then only probes the
///   frequent terms' postings for those candidates (the max-score strategy of search
///   engines): a query costs about the length of its rare terms' postings, not of the memory.
final class FuzzyIndex: @unchecked Sendable {
    static let magic = Array("DRGFZX02".utf8)
    static let headerSize = 24
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

    /// The mapped file; read only.
    private let data: Data
    let revision: Int64
    let variantLimit: Int
    private let sections: [Language: Section]
    private let weightsOffset: Int

    init(contentsOf url: URL) throws {
        data = try Data(contentsOf: url, options: .alwaysMapped)
        guard data.count >= Self.headerSize, Array(data.prefix(8)) == Self.magic else {
            throw CocoaError(.fileReadCorruptFile)
        }
        revision = data.loadLittle(Int64.self, at: 8)
        variantLimit = Int(data.loadLittle(UInt32.self, at: 16))
        let languageCount = Int(data.loadLittle(UInt32.self, at: 20))
        guard Self.headerSize + Self.directoryEntrySize * languageCount <= data.count else {
            throw CocoaError(.fileReadCorruptFile)
        }
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
                accumulator.merge(lists[i].postings, weight: lists[i].idf)
                i += 1
                if accumulator.count >= limit, i < lists.count, rest[i] <= accumulator.maximum {
                    threshold = accumulator.kthBest(limit, penalty: penalty)
                }
            }
            // Probing: the frequent lists only add to candidates that can still reach the top.
            if i < lists.count {
                accumulator.prune(below: threshold, slack: rest[i], penalty: penalty)
                while i < lists.count {
                    accumulator.probe(lists[i].postings, weight: lists[i].idf)
                    i += 1
                    if accumulator.count > limit {
                        threshold = max(threshold, accumulator.kthBest(limit, penalty: penalty))
                    }
                    accumulator.prune(below: threshold, slack: rest[i], penalty: penalty)
                }
            }
            return accumulator.best(limit, penalty: penalty)
        }
    }

    private static func find(_ hash: UInt64, in hashes: UnsafeBufferPointer<UInt64>) -> Int? {
        var lo = 0
        var hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < hashes.count && hashes[lo] == hash ? lo : nil
    }

    // MARK: - Building

    /// Builds the index of every variant of the memory and writes it to `url` (atomically).
    ///
    /// The variants are read in one snapshot, in batches, and their terms extracted on every
    /// core; postings stay sorted because batches and the chunks within them keep the order
    /// of variant numbers.
    static func build(
        from memory: SQLiteMemory, to url: URL, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> FuzzyIndex {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var codes: [String] = []
        var tables: [[UInt64: [UInt32]]] = []
        var variantCounts: [Int] = []
        var weights: [UInt16] = []
        let revision = try memory.reading { db -> Int64 in
            let revision =
                try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
            let limit = try Int.fetchOne(db, sql: "SELECT max(variant_no) FROM variant") ?? -1
            weights = [UInt16](repeating: 0, count: limit + 1)
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT variant_no, language, nfc FROM variant ORDER BY variant_no")
            var matchers: [String: FuzzyMatcher] = [:]
            var done = 0
            var batch: [(variant: UInt32, slot: Int, text: String)] = []
            batch.reserveCapacity(20_000)
            func flush() {
                let terms = extractTerms(batch, codes: codes, matchers: matchers, cores: cores)
                for (index, row) in batch.enumerated() {
                    weights[Int(row.variant)] = terms[index].weight
                    variantCounts[row.slot] += 1
                    for hash in terms[index].hashes {
                        tables[row.slot][hash, default: []].append(row.variant)
                    }
                }
                done += batch.count
                progress?(done, total)
                batch.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                let code: String = row[1]
                var slot = codes.firstIndex(of: code) ?? -1
                if slot < 0 {
                    codes.append(code)
                    tables.append([:])
                    variantCounts.append(0)
                    matchers[code] = FuzzyMatcher(language: Language(tag: code) ?? .english)
                    slot = codes.count - 1
                }
                batch.append((UInt32(row[0] as Int64), slot, row[2]))
                if batch.count == 20_000 { flush() }
            }
            if !batch.isEmpty { flush() }
            return revision
        }
        var file = IndexFileWriter()
        file.append(magic)
        file.append(revision)
        file.append(UInt32(weights.count))
        file.append(UInt32(codes.count))
        let directoryStart = file.count
        file.append([UInt8](repeating: 0, count: directoryEntrySize * codes.count))
        file.append(weights)
        for (index, code) in codes.enumerated() {
            let table = tables[index]
            let terms = table.keys.sorted()
            file.align(to: 8)
            let termsOffset = file.count
            file.append(terms)
            let offsetsOffset = file.count
            var offsets: [UInt32] = [0]
            offsets.reserveCapacity(terms.count + 1)
            var running: UInt32 = 0
            for term in terms {
                running += UInt32(table[term]!.count)
                offsets.append(running)
            }
            file.append(offsets)
            let postingsOffset = file.count
            for term in terms { file.append(table[term]!) }
            var entry = Array(code.utf8.prefix(8))
            entry += [UInt8](repeating: 0, count: 8 - entry.count)
            var directory = IndexFileWriter()
            directory.append(entry)
            directory.append(UInt32(terms.count))
            directory.append(UInt32(variantCounts[index]))
            directory.append(UInt64(termsOffset))
            directory.append(UInt64(offsetsOffset))
            directory.append(UInt64(postingsOffset))
            file.replace(at: directoryStart + directoryEntrySize * index, with: directory.bytes)
        }
        try Data(file.bytes).write(to: url, options: .atomic)
        return try FuzzyIndex(contentsOf: url)
    }

    /// The term hashes and the weight of each text of a batch, computed on `cores` threads,
    /// each with matchers of its own (a stemmer serves one thread at a time).
    private static func extractTerms(
        _ batch: [(variant: UInt32, slot: Int, text: String)], codes: [String],
        matchers: [String: FuzzyMatcher], cores: Int
    ) -> [(hashes: [UInt64], weight: UInt16)] {
        let chunkCount = max(1, min(cores, batch.count / 500))
        let chunkSize = (batch.count + chunkCount - 1) / chunkCount
        nonisolated(unsafe) var results = [[(hashes: [UInt64], weight: UInt16)]](
            repeating: [], count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let own =
                chunk == 0 ? matchers : matchers.mapValues { FuzzyMatcher(language: $0.language) }
            let lo = chunk * chunkSize
            let hi = min(batch.count, lo + chunkSize)
            guard lo < hi else { return }
            var result: [(hashes: [UInt64], weight: UInt16)] = []
            result.reserveCapacity(hi - lo)
            for row in batch[lo..<hi] {
                let matcher = own[codes[row.slot]]!
                let weight = min(FuzzyMatcher.weightInTenths(of: row.text), Int(UInt16.max))
                result.append((matcher.indexTermHashes(of: row.text), UInt16(weight)))
            }
            results[chunk] = result
        }
        return results.flatMap { $0 }
    }
}

/// Candidates of one look-up: variant numbers in ascending order with their summed weights.
private struct Accumulator {
    private(set) var variants: [UInt32] = []
    private(set) var weights: [Float] = []
    /// The largest weight of any candidate.
    private(set) var maximum: Float = 0

    var count: Int { variants.count }

    /// Adds `weight` to every variant of `postings`, taking in those not yet present.
    mutating func merge(_ postings: UnsafeBufferPointer<UInt32>, weight: Float) {
        var newVariants: [UInt32] = []
        var newWeights: [Float] = []
        newVariants.reserveCapacity(variants.count + postings.count)
        newWeights.reserveCapacity(variants.count + postings.count)
        var a = 0
        var b = 0
        var maximum = self.maximum
        variants.withUnsafeBufferPointer { old in
            weights.withUnsafeBufferPointer { oldWeights in
                while a < old.count || b < postings.count {
                    if b == postings.count || (a < old.count && old[a] < postings[b]) {
                        newVariants.append(old[a])
                        newWeights.append(oldWeights[a])
                        a += 1
                    } else if a == old.count || postings[b] < old[a] {
                        newVariants.append(postings[b])
                        newWeights.append(weight)
                        maximum = max(maximum, weight)
                        b += 1
                    } else {
                        let sum = oldWeights[a] + weight
                        newVariants.append(old[a])
                        newWeights.append(sum)
                        maximum = max(maximum, sum)
                        a += 1
                        b += 1
                    }
                }
            }
        }
        variants = newVariants
        weights = newWeights
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
                weights[k] += weight
                maximum = max(maximum, weights[k])
            }
        }
    }

    /// Drops the candidates that cannot reach `threshold` even with `slack` more weight.
    mutating func prune(
        below threshold: Float, slack: Float, penalty: (UInt32) -> Float
    ) {
        guard threshold > -Float.infinity else { return }
        var keptVariants: [UInt32] = []
        var keptWeights: [Float] = []
        for k in variants.indices
        where weights[k] + slack - penalty(variants[k]) >= threshold {
            keptVariants.append(variants[k])
            keptWeights.append(weights[k])
        }
        variants = keptVariants
        weights = keptWeights
    }

    /// The `k`-th best rank (weight less penalty) among the candidates; ranks only grow as
    /// lists are added, so this is a floor for the final `k`-th best.
    func kthBest(_ k: Int, penalty: (UInt32) -> Float) -> Float {
        var ranks = variants.indices.map { weights[$0] - penalty(variants[$0]) }
        return ranks.withUnsafeMutableBufferPointer { Self.select(k - 1, descendingIn: $0) }
    }

    /// The best `limit` candidates by rank, best first; equal ranks by variant number.
    func best(_ limit: Int, penalty: (UInt32) -> Float) -> [Int64] {
        var ranked = variants.indices.map { (variants[$0], weights[$0] - penalty(variants[$0])) }
        if ranked.count > 4 * limit {
            let floor = kthBest(limit, penalty: penalty)
            ranked.removeAll { $0.1 < floor }
        }
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

/// The bytes of an index file as they are laid out, values appended little-endian.
private struct IndexFileWriter {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the values of an array; the index is only written on little-endian machines,
    /// where the array's own bytes are the file's.
    mutating func append<T: FixedWidthInteger>(_ values: [T]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func align(to boundary: Int) {
        let padding = (boundary - count % boundary) % boundary
        if padding > 0 { bytes.append(contentsOf: [UInt8](repeating: 0, count: padding)) }
    }

    mutating func replace(at offset: Int, with values: [UInt8]) {
        bytes.replaceSubrange(offset..<offset + values.count, with: values)
    }
}

extension Data {
    func loadLittle<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        withUnsafeBytes { raw in
            T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
    }
}
