import DragomanKit
import Foundation
import GRDB

extension FuzzyIndex {
    /// Builds the index of every variant of the memory and writes it to `url` (atomically).
    ///
    /// The variants are read in one snapshot, in batches; their terms, weights and scoring
    /// tokens are made on every core, and the tokens' strings numbered on one thread in the
    /// order of variant numbers, so postings stay sorted and the file is the same whatever
    /// the number of cores.
    static func build(
        from memory: SQLiteMemory, to url: URL, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> FuzzyIndex {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var codes: [String] = []
        var tables: [[UInt64: [UInt32]]] = []
        var variantCounts: [Int] = []
        var weights: [UInt16] = []
        var vocabulary = VocabularyBuilder()
        let revision = try memory.reading { db -> Int64 in
            let revision =
                try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
            let limit = try Int.fetchOne(db, sql: "SELECT max(variant_no) FROM variant") ?? -1
            weights = [UInt16](repeating: 0, count: limit + 1)
            vocabulary.reserve(variants: limit + 1)
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT variant_no, language, coalesce(nfc, text), match_key FROM variant
                    ORDER BY variant_no
                    """)
            // One matcher per core and language, kept for the whole build: a stemmer serves
            // one thread at a time, and each matcher's word cache warms once.
            var matchers: [[String: FuzzyMatcher]] = Array(repeating: [:], count: cores)
            var done = 0
            var batch: [(variant: UInt32, slot: Int, text: String, key: String)] = []
            batch.reserveCapacity(20_000)
            func flush() {
                let extracted = extractTerms(batch, codes: codes, matchers: matchers)
                for (index, row) in batch.enumerated() {
                    let terms = extracted[index]
                    weights[Int(row.variant)] = terms.weight
                    variantCounts[row.slot] += 1
                    for hash in terms.hashes {
                        tables[row.slot][hash, default: []].append(row.variant)
                    }
                    vocabulary.add(variant: row.variant, tokens: terms.tokens)
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
                    let language = Language(tag: code) ?? .english
                    for core in 0..<cores {
                        matchers[core][code] = FuzzyMatcher(language: language)
                    }
                    slot = codes.count - 1
                }
                batch.append((UInt32(row[0] as Int64), slot, row[2], row[3]))
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
        let vocabularyHeader = file.count
        file.append([UInt8](repeating: 0, count: headerSize - vocabularyHeader))
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
        tables = []
        var header = IndexFileWriter()
        vocabulary.write(to: &file, header: &header, variants: weights.count)
        file.replace(at: vocabularyHeader, with: header.bytes)
        try Data(file.bytes).write(to: url, options: .atomic)
        return try FuzzyIndex(contentsOf: url)
    }

    /// What is extracted from one variant's text.
    struct ExtractedTerms {
        var hashes: [UInt64]
        var weight: UInt16
        var tokens: [TokenHashes]
    }

    /// The term hashes, weight and scoring tokens of each text of a batch, computed on one
    /// thread per matcher set.
    private static func extractTerms(
        _ batch: [(variant: UInt32, slot: Int, text: String, key: String)], codes: [String],
        matchers: [[String: FuzzyMatcher]]
    ) -> [ExtractedTerms] {
        let chunkCount = max(1, min(matchers.count, batch.count / 500))
        let chunkSize = (batch.count + chunkCount - 1) / chunkCount
        nonisolated(unsafe) var results = [[ExtractedTerms]](repeating: [], count: chunkCount)
        let seeds = matchers[0].mapValues { seed(for: $0.language) }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let own = matchers[chunk]
            let lo = chunk * chunkSize
            let hi = min(batch.count, lo + chunkSize)
            guard lo < hi else { return }
            var result: [ExtractedTerms] = []
            result.reserveCapacity(hi - lo)
            for row in batch[lo..<hi] {
                let matcher = own[codes[row.slot]]!
                let prepared = matcher.prepare(row.text)
                // ``FuzzyMatcher/weightInTenths(of:)`` of the text, from the tokens at hand.
                let weight = min(Int((prepared.totalWeight * 10).rounded()), Int(UInt16.max))
                let seed = seeds[codes[row.slot]]!
                let tokens = prepared.tokens.map { TokenHashes($0, seed: seed) }
                result.append(
                    ExtractedTerms(
                        hashes: matcher.indexTermHashes(matchKey: row.key), weight: UInt16(weight),
                        tokens: tokens))
            }
            results[chunk] = result
        }
        return results.flatMap { $0 }
    }
}

/// Numbers the surfaces, match keys and stems of every variant's tokens and keeps each
/// variant's surface numbers, then writes the vocabularies and the tokens.
private struct VocabularyBuilder {
    /// Surface hash to first-seen number.
    private var surfaces: [UInt64: UInt32] = [:]
    private var surfaceTokens: [FuzzyIndex.TokenHashes] = []
    private var frequencies: [UInt32] = []
    /// The surface numbers of every variant, in variant order, and where each variant's begin.
    private var tokens: [UInt32] = []
    private var starts: [Int] = []
    private var variantOfStart: [UInt32] = []

    mutating func reserve(variants: Int) {
        starts.reserveCapacity(variants)
        variantOfStart.reserveCapacity(variants)
    }

    mutating func add(variant: UInt32, tokens hashes: [FuzzyIndex.TokenHashes]) {
        variantOfStart.append(variant)
        starts.append(tokens.count)
        for token in hashes {
            let number: UInt32
            if let known = surfaces[token.surface] {
                number = known
                frequencies[Int(number)] += 1
            } else {
                number = UInt32(surfaceTokens.count)
                surfaces[token.surface] = number
                surfaceTokens.append(token)
                frequencies.append(1)
            }
            tokens.append(number)
        }
    }

    /// Appends the vocabularies and tokens to `file` and fills `header` with their sizes and
    /// offsets (the header's bytes from offset 24 on).
    mutating func write(
        to file: inout IndexFileWriter, header: inout IndexFileWriter, variants: Int
    ) {
        // The most frequent surfaces get the smallest numbers, so most tokens take one byte.
        let byFrequency = surfaceTokens.indices.sorted {
            frequencies[$0] != frequencies[$1] ? frequencies[$0] > frequencies[$1] : $0 < $1
        }
        var renumber = [UInt32](repeating: 0, count: surfaceTokens.count)
        for (rank, old) in byFrequency.enumerated() { renumber[old] = UInt32(rank) }
        let keyHashes = Array(Set(surfaceTokens.map(\.key))).sorted()
        let stemHashes = Array(Set(surfaceTokens.map(\.stem).filter { $0 != 0 })).sorted()
        let keyNumbers = Dictionary(
            uniqueKeysWithValues: keyHashes.enumerated().map { ($1, Int32($0)) })
        let stemNumbers = Dictionary(
            uniqueKeysWithValues: stemHashes.enumerated().map { ($1, Int32($0)) })
        let sortedSurfaces = surfaces.sorted { $0.key < $1.key }

        file.align(to: 8)
        let surfaceHashesOffset = file.count
        file.append(sortedSurfaces.map(\.key))
        let surfaceNumbersOffset = file.count
        file.append(sortedSurfaces.map { renumber[Int($0.value)] })
        file.align(to: 8)
        let keyHashesOffset = file.count
        file.append(keyHashes)
        let stemHashesOffset = file.count
        file.append(stemHashes)
        let infoOffset = file.count
        var info = [Int32](repeating: -1, count: 2 * surfaceTokens.count)
        var flags = [UInt8](repeating: 0, count: surfaceTokens.count)
        for (old, token) in surfaceTokens.enumerated() {
            let number = Int(renumber[old])
            info[2 * number] = keyNumbers[token.key]!
            info[2 * number + 1] = token.stem == 0 ? -1 : stemNumbers[token.stem]!
            flags[number] = token.flags
        }
        file.append(info)
        let flagsOffset = file.count
        file.append(flags)
        surfaceTokens = []
        surfaces = [:]

        // Every variant's tokens as variable-length numbers; variants missing from the
        // memory (numbers left by removed units) have none.
        var encoded: [UInt8] = []
        encoded.reserveCapacity(tokens.count + tokens.count / 2)
        var offsets = [UInt64](repeating: 0, count: variants + 1)
        var next = 0
        for variant in 0..<variants {
            offsets[variant] = UInt64(encoded.count)
            guard next < variantOfStart.count, Int(variantOfStart[next]) == variant else {
                continue
            }
            let end = next + 1 < starts.count ? starts[next + 1] : tokens.count
            for old in tokens[starts[next]..<end] {
                var number = renumber[Int(old)]
                while number >= 0x80 {
                    encoded.append(UInt8(number & 0x7F) | 0x80)
                    number >>= 7
                }
                encoded.append(UInt8(number))
            }
            next += 1
        }
        offsets[variants] = UInt64(encoded.count)
        tokens = []
        file.align(to: 8)
        let offsetsOffset = file.count
        file.append(offsets)
        let tokensOffset = file.count
        file.append(encoded)

        header.append(UInt32(renumber.count))
        header.append(UInt32(keyHashes.count))
        header.append(UInt32(stemHashes.count))
        header.append(UInt32(0))
        for offset in [
            surfaceHashesOffset, surfaceNumbersOffset, keyHashesOffset, stemHashesOffset,
            infoOffset, flagsOffset, offsetsOffset, tokensOffset,
        ] {
            header.append(UInt64(offset))
        }
    }
}

/// The bytes of an index file as they are laid out, values appended little-endian.
struct IndexFileWriter {
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
