import DragomanKit
import Foundation
import GRDB

extension FuzzyIndex {
    /// Builds the index of every variant of the memory and writes it to `url` (atomically).
    ///
    /// The variants are read in one snapshot, in batches; their terms, weights, scoring
    /// tokens and text hashes are made on every core, and the texts numbered on one thread in
    /// the order of variant numbers (a text by its first variant), so postings and each
    /// text's variants stay sorted and the file is the same whatever the number of cores.
    static func build(
        from memory: SQLiteMemory, to url: URL, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> FuzzyIndex {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var codes: [String] = []
        var languages: [LanguageTexts] = []
        var vocabulary = VocabularyBuilder()
        var variantLimit = 0
        let revision = try memory.reading { db -> Int64 in
            let revision =
                try Int64.fetchOne(db, sql: "SELECT value FROM revision WHERE id = 1") ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") ?? 0
            variantLimit =
                (try Int.fetchOne(db, sql: "SELECT max(variant_no) FROM variant") ?? -1) + 1
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
                    if languages[row.slot].add(variant: row.variant, terms) {
                        vocabulary.add(slot: row.slot, tokens: terms.tokens)
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
                    languages.append(LanguageTexts())
                    vocabulary.addLanguage()
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
        file.append(UInt32(variantLimit))
        file.append(UInt32(codes.count))
        let vocabularyHeader = file.count
        file.append([UInt8](repeating: 0, count: headerSize - vocabularyHeader))
        let directoryStart = file.count
        file.append([UInt8](repeating: 0, count: directoryEntrySize * codes.count))
        var directory: [[UInt64]] = []
        for index in codes.indices {
            directory.append(languages[index].write(to: &file))
            languages[index] = LanguageTexts()
        }
        var header = IndexFileWriter()
        let tokenOffsets = vocabulary.write(to: &file, header: &header)
        file.replace(at: vocabularyHeader, with: header.bytes)
        for (index, code) in codes.enumerated() {
            var entry = IndexFileWriter()
            var name = Array(code.utf8.prefix(8))
            name += [UInt8](repeating: 0, count: 8 - name.count)
            entry.append(name)
            entry.append(UInt32(directory[index][0]))
            entry.append(UInt32(directory[index][1]))
            entry.append(UInt32(directory[index][2]))
            entry.append(UInt32(0))
            // Terms, term lists, list offsets, postings, weights, hashes.
            for field in directory[index][3..<9] { entry.append(field) }
            entry.append(UInt64(tokenOffsets[index]))
            entry.append(directory[index][9])
            entry.append(directory[index][10])
            file.replace(at: directoryStart + directoryEntrySize * index, with: entry.bytes)
        }
        try Data(file.bytes).write(to: url, options: .atomic)
        return try FuzzyIndex(contentsOf: url)
    }

    /// What is extracted from one variant's text.
    struct ExtractedTerms {
        var hashes: [UInt64]
        var weight: UInt16
        var tokens: [TokenHashes]
        /// ``FuzzyIndex/textHash(_:)`` of the text.
        var textHash: UInt64
    }

    /// The term hashes, weight, scoring tokens and text hash of each text of a batch,
    /// computed on one thread per matcher set.
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
                        tokens: tokens, textHash: textHash(row.text)))
            }
            results[chunk] = result
        }
        return results.flatMap { $0 }
    }
}

/// The distinct texts of one language as they are numbered: their postings, weights and
/// hashes, and the variants of each.
private struct LanguageTexts {
    private var postings: [UInt64: [UInt32]] = [:]
    private var numbers: [UInt64: UInt32] = [:]
    private var weights: [UInt16] = []
    private var hashes: [UInt64] = []
    /// Every variant and the number of its text, in variant order.
    private var variants: [UInt32] = []
    private var textOfVariant: [UInt32] = []

    /// Adds a variant; true when its text is new (and gets the next number), false when an
    /// earlier variant had the same text.
    mutating func add(variant: UInt32, _ terms: FuzzyIndex.ExtractedTerms) -> Bool {
        variants.append(variant)
        if let known = numbers[terms.textHash] {
            textOfVariant.append(known)
            return false
        }
        let number = UInt32(hashes.count)
        numbers[terms.textHash] = number
        textOfVariant.append(number)
        hashes.append(terms.textHash)
        weights.append(terms.weight)
        for hash in terms.hashes { postings[hash, default: []].append(number) }
        return true
    }

    /// Appends the language's sections to `file`; returns the term, text and list counts
    /// and the offsets of the terms, term lists, list offsets, postings, weights, hashes,
    /// variant offsets and variants.
    ///
    /// Terms found in the same texts get one list, numbered in the order of the terms' hashes.
    mutating func write(to file: inout IndexFileWriter) -> [UInt64] {
        let terms = postings.keys.sorted()
        var listNumbers: [[UInt32]: UInt32] = [:]
        var lists: [[UInt32]] = []
        var termLists: [UInt32] = []
        termLists.reserveCapacity(terms.count)
        for term in terms {
            let list = postings[term]!
            if let known = listNumbers[list] {
                termLists.append(known)
            } else {
                let number = UInt32(lists.count)
                listNumbers[list] = number
                lists.append(list)
                termLists.append(number)
            }
        }
        listNumbers = [:]
        postings = [:]
        file.align(to: 8)
        let termsOffset = file.count
        file.append(terms)
        let termListsOffset = file.count
        file.append(termLists)
        let listOffsetsOffset = file.count
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(lists.count + 1)
        var running: UInt32 = 0
        for list in lists {
            running += UInt32(list.count)
            offsets.append(running)
        }
        file.append(offsets)
        let postingsOffset = file.count
        for list in lists { file.append(list) }
        numbers = [:]
        let weightsOffset = file.count
        file.append(weights)
        file.align(to: 8)
        let hashesOffset = file.count
        file.append(hashes)
        // Each text's variants, text after text: counted, then placed in variant order.
        var starts = [UInt32](repeating: 0, count: hashes.count + 1)
        for text in textOfVariant { starts[Int(text) + 1] += 1 }
        for k in 0..<hashes.count { starts[k + 1] += starts[k] }
        var placed = [UInt32](repeating: 0, count: variants.count)
        var next = starts
        for (k, text) in textOfVariant.enumerated() {
            placed[Int(next[Int(text)])] = variants[k]
            next[Int(text)] += 1
        }
        let variantOffsetsOffset = file.count
        file.append(starts)
        let variantsOffset = file.count
        file.append(placed)
        return [
            UInt64(terms.count), UInt64(hashes.count), UInt64(lists.count), UInt64(termsOffset),
            UInt64(termListsOffset), UInt64(listOffsetsOffset), UInt64(postingsOffset),
            UInt64(weightsOffset), UInt64(hashesOffset), UInt64(variantOffsetsOffset),
            UInt64(variantsOffset),
        ]
    }
}

/// Numbers the surfaces, match keys and stems of every text's tokens and keeps each text's
/// surface numbers, then writes the vocabularies and the tokens.
private struct VocabularyBuilder {
    /// Surface hash to first-seen number.
    private var surfaces: [UInt64: UInt32] = [:]
    private var surfaceTokens: [FuzzyIndex.TokenHashes] = []
    private var frequencies: [UInt32] = []
    /// Per language the surface numbers of every text, in text order, and where each text's
    /// begin.
    private var tokens: [[UInt32]] = []
    private var starts: [[Int]] = []

    mutating func addLanguage() {
        tokens.append([])
        starts.append([])
    }

    /// Adds the tokens of the next text of the language in `slot`.
    mutating func add(slot: Int, tokens hashes: [FuzzyIndex.TokenHashes]) {
        starts[slot].append(tokens[slot].count)
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
            tokens[slot].append(number)
        }
    }

    /// Appends the vocabularies and tokens to `file` and fills `header` with their sizes and
    /// offsets (the header's bytes from offset 24 on); returns per language where the
    /// offsets of its texts' tokens lie.
    mutating func write(to file: inout IndexFileWriter, header: inout IndexFileWriter) -> [Int] {
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

        // Every text's tokens as variable-length numbers, language after language, so that
        // the texts of one language lie together.
        var encoded: [UInt8] = []
        var offsetTables: [[UInt64]] = []
        for slot in tokens.indices {
            var offsets: [UInt64] = []
            offsets.reserveCapacity(starts[slot].count + 1)
            for (text, start) in starts[slot].enumerated() {
                offsets.append(UInt64(encoded.count))
                let end =
                    text + 1 < starts[slot].count ? starts[slot][text + 1] : tokens[slot].count
                for old in tokens[slot][start..<end] {
                    var number = renumber[Int(old)]
                    while number >= 0x80 {
                        encoded.append(UInt8(number & 0x7F) | 0x80)
                        number >>= 7
                    }
                    encoded.append(UInt8(number))
                }
            }
            offsets.append(UInt64(encoded.count))
            offsetTables.append(offsets)
            tokens[slot] = []
        }
        var tokenOffsets: [Int] = []
        for offsets in offsetTables {
            file.align(to: 8)
            tokenOffsets.append(file.count)
            file.append(offsets)
        }
        let tokensOffset = file.count
        file.append(encoded)

        header.append(UInt32(renumber.count))
        header.append(UInt32(keyHashes.count))
        header.append(UInt32(stemHashes.count))
        header.append(UInt32(0))
        for offset in [
            surfaceHashesOffset, surfaceNumbersOffset, keyHashesOffset, stemHashesOffset,
            infoOffset, flagsOffset, tokensOffset, file.count,
        ] {
            header.append(UInt64(offset))
        }
        return tokenOffsets
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
