import DragomanKit
import Foundation
import GRDB

/// An inverted index from index terms (word stems and numbers, see
/// ``FuzzyMatcher/indexTermHashes(of:)``) to the variants that contain them, kept in a file beside
/// the memory and mapped into memory when used, so that a cold process answers at once.
///
/// The file records the memory's revision; an index whose revision differs is stale and is
/// rebuilt from the memory. Layout, little-endian: a header (magic `DRGFZX01`, revision,
/// variant limit, language count), a directory entry per language (code, term and posting
/// counts, offsets), then per language the sorted term hashes, the posting offsets and the
/// postings (sorted variant numbers), and the token count of every variant.
///
/// - Complexity: a look-up reads the postings of the query's rarer terms; frequent terms only
///   re-rank the candidates those found.
final class FuzzyIndex: @unchecked Sendable {
    static let magic = Array("DRGFZX01".utf8)

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
    private let lengthsOffset: Int

    init(contentsOf url: URL) throws {
        data = try Data(contentsOf: url, options: .alwaysMapped)
        guard data.count >= 24, Array(data.prefix(8)) == Self.magic else {
            throw CocoaError(.fileReadCorruptFile)
        }
        revision = data.loadLittle(Int64.self, at: 8)
        variantLimit = Int(data.loadLittle(UInt32.self, at: 16))
        let languageCount = Int(data.loadLittle(UInt32.self, at: 20))
        var sections: [Language: Section] = [:]
        var position = 24
        for _ in 0..<languageCount {
            let code = String(
                decoding: data[position..<position + 8].prefix { $0 != 0 }, as: UTF8.self)
            guard let language = Language(tag: code) else { throw CocoaError(.fileReadCorruptFile) }
            sections[language] = Section(
                language: language, termCount: Int(data.loadLittle(UInt32.self, at: position + 8)),
                variantCount: Int(data.loadLittle(UInt32.self, at: position + 12)),
                termsOffset: Int(data.loadLittle(UInt64.self, at: position + 16)),
                offsetsOffset: Int(data.loadLittle(UInt64.self, at: position + 24)),
                postingsOffset: Int(data.loadLittle(UInt64.self, at: position + 32)))
            position += 40
        }
        self.sections = sections
        lengthsOffset = position
        guard lengthsOffset + 2 * variantLimit <= data.count else {
            throw CocoaError(.fileReadCorruptFile)
        }
    }

    var size: Int { data.count }

    /// Variants of `language` that share the query's terms, best first by the inverse
    /// document frequency of the shared terms, at most `limit`.
    func candidates(terms: [UInt64], language: Language, queryLength: Int, limit: Int) -> [Int64] {
        guard let section = sections[language], section.variantCount > 0 else { return [] }
        return data.withUnsafeBytes { raw -> [Int64] in
            let base = raw.baseAddress!
            let termHashes = UnsafeBufferPointer(
                start: (base + section.termsOffset).assumingMemoryBound(to: UInt64.self),
                count: section.termCount)
            let offsets = UnsafeBufferPointer(
                start: (base + section.offsetsOffset).assumingMemoryBound(to: UInt32.self),
                count: section.termCount + 1)
            let postingsBase = (base + section.postingsOffset).assumingMemoryBound(to: UInt32.self)
            let lengths = (base + lengthsOffset).assumingMemoryBound(to: UInt16.self)
            var lists: [(postings: UnsafeBufferPointer<UInt32>, idf: Float)] = []
            let n = Float(section.variantCount)
            for hash in Set(terms) {
                guard let k = Self.find(hash, in: termHashes) else { continue }
                let start = Int(offsets[k])
                let end = Int(offsets[k + 1])
                let postings = UnsafeBufferPointer(start: postingsBase + start, count: end - start)
                lists.append((postings, log(1 + n / Float(postings.count))))
            }
            lists.sort { $0.postings.count < $1.postings.count }
            // Rare terms bring candidates in; frequent ones only add to those already found.
            let admitting = max(2_000, section.variantCount / 50)
            var weights: [UInt32: Float] = [:]
            for (index, list) in lists.enumerated() {
                if list.postings.count <= admitting || weights.isEmpty || index == 0 {
                    for variant in list.postings { weights[variant, default: 0] += list.idf }
                } else {
                    for (variant, weight) in weights where Self.contains(variant, list.postings) {
                        weights[variant] = weight + list.idf
                    }
                }
            }
            // Among equal weights, prefer candidates of about the query's length.
            let ranked = weights.map { variant, weight -> (UInt32, Float) in
                let length = Float(Int(variant) < variantLimit ? Int(lengths[Int(variant)]) : 0)
                let difference = abs(length - Float(queryLength)) / Float(max(queryLength, 1))
                return (variant, weight - 0.3 * difference)
            }
            return ranked.sorted { $0.1 > $1.1 }.prefix(limit).map { Int64($0.0) }
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

    private static func contains(_ value: UInt32, _ sorted: UnsafeBufferPointer<UInt32>) -> Bool {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value
    }

    // MARK: - Building

    /// Builds the index of every variant of the memory and writes it to `url` (atomically).
    static func build(
        from memory: SQLiteMemory, to url: URL, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> FuzzyIndex {
        let (revision, rows) = try memory.reading { db -> (Int64, [(Int64, String, String)]) in
            let revision =
                try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT variant_no, language, nfc FROM variant ORDER BY variant_no"
            )
            .map { ($0[0] as Int64, $0[1] as String, $0[2] as String) }
            return (revision, rows)
        }
        let limit = Int((rows.last?.0 ?? 0) + 1)
        // Term extraction in parallel chunks, each with matchers of its own.
        let chunkCount = max(
            1, min(ProcessInfo.processInfo.activeProcessorCount, rows.count / 1000))
        let chunkSize = (rows.count + chunkCount - 1) / max(chunkCount, 1)
        nonisolated(unsafe) var chunkTerms = [[(Int64, String, [UInt64], Int)]](
            repeating: [], count: chunkCount)
        let done = ManagedCounter()
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var matchers: [String: FuzzyMatcher] = [:]
            let lo = chunk * chunkSize
            let hi = min(rows.count, lo + chunkSize)
            var result: [(Int64, String, [UInt64], Int)] = []
            result.reserveCapacity(max(0, hi - lo))
            guard lo < hi else { return }
            for (variant, code, text) in rows[lo..<hi] {
                let matcher =
                    matchers[code] ?? FuzzyMatcher(language: Language(tag: code) ?? .english)
                matchers[code] = matcher
                let terms = matcher.indexTermHashes(of: text)
                result.append((variant, code, terms, ScoringTokenizerBridge.tokenCount(text)))
                if result.count % 5_000 == 0, let progress { progress(done.add(5_000), rows.count) }
            }
            chunkTerms[chunk] = result
        }
        // One table per language, mutated in place (a nested dictionary would be copied).
        var codes: [String] = []
        var tables: [[UInt64: [UInt32]]] = []
        var variantCounts: [Int] = []
        var lengths = [UInt16](repeating: 0, count: limit)
        for chunk in chunkTerms {
            for (variant, code, hashes, length) in chunk {
                var slot = codes.firstIndex(of: code) ?? -1
                if slot < 0 {
                    codes.append(code)
                    tables.append([:])
                    variantCounts.append(0)
                    slot = codes.count - 1
                }
                variantCounts[slot] += 1
                lengths[Int(variant)] = UInt16(min(length, Int(UInt16.max)))
                for hash in hashes { tables[slot][hash, default: []].append(UInt32(variant)) }
            }
        }
        var file = Data()
        file.append(contentsOf: magic)
        file.appendLittle(revision)
        file.appendLittle(UInt32(limit))
        file.appendLittle(UInt32(codes.count))
        let directoryStart = file.count
        file.append(Data(count: 40 * codes.count))
        for value in lengths { file.appendLittle(value) }
        for (index, code) in codes.enumerated() {
            let table = tables[index]
            let terms = table.keys.sorted()
            file.align(to: 8)
            let termsOffset = file.count
            for term in terms { file.appendLittle(term) }
            let offsetsOffset = file.count
            var running: UInt32 = 0
            file.appendLittle(running)
            for term in terms {
                running += UInt32(table[term]!.count)
                file.appendLittle(running)
            }
            file.align(to: 4)
            let postingsOffset = file.count
            for term in terms { for variant in table[term]! { file.appendLittle(variant) } }
            var entry = Data(Array(code.utf8.prefix(8)))
            entry.append(Data(count: 8 - entry.count))
            entry.appendLittle(UInt32(terms.count))
            entry.appendLittle(UInt32(variantCounts[index]))
            entry.appendLittle(UInt64(termsOffset))
            entry.appendLittle(UInt64(offsetsOffset))
            entry.appendLittle(UInt64(postingsOffset))
            file.replaceSubrange(
                directoryStart + 40 * index..<directoryStart + 40 * (index + 1), with: entry)
        }
        try file.write(to: url, options: .atomic)
        return try FuzzyIndex(contentsOf: url)
    }
}

/// Token counts of texts, the length the index ranks candidates by.
enum ScoringTokenizerBridge {
    static func tokenCount(_ text: String) -> Int {
        var count = 0
        var inToken = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inToken = false
            } else if !inToken {
                inToken = true
                count += 1
            }
        }
        return count
    }
}

/// A counter shared by the threads of a parallel build, for progress reports.
final class ManagedCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }
}

extension Data {
    mutating func appendLittle<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func align(to boundary: Int) {
        let padding = (boundary - count % boundary) % boundary
        if padding > 0 { append(Data(count: padding)) }
    }

    func loadLittle<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        withUnsafeBytes { raw in
            T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
    }
}
