public import DragomanKit
import Foundation

/// Builds a memory from recombined real sentences, then measures fuzzy look-up: latency per
/// query and recall against an exhaustive scan of the same memory, per kind of query.
public struct LookupBenchmark: Sendable {
    /// What a query is made from.
    public enum QueryKind: String, Sendable, CaseIterable {
        /// The source text of a unit of the memory, as stored.
        case exact
        /// A unit's source text with one word replaced by a word of another sentence.
        case oneWord = "one-word"
        /// A unit's source text with two to four words replaced, deleted or inserted.
        case severalWords = "several-words"
        /// Twelve words drawn from unrelated sentences.
        case unrelated
    }

    public struct Figures: Sendable {
        public var units = 0
        /// Whether the memory was one this benchmark had made before, kept and used again:
        /// then nothing was imported and the import figures are zero.
        public var reused = false
        /// Whether each match's whole unit was read (see ``LookupBenchmark/wholeUnits``).
        public var wholeUnits = false
        public var importSeconds = 0.0
        /// CPU time of the import, all threads: on a shared machine the wall clock also
        /// counts other programs' work.
        public var importCPUSeconds = 0.0
        /// CPU time of the thread that makes the units and writes them (the keys are made on
        /// others): on an idle machine the import takes about this long, waits for the disk
        /// apart.
        public var importWriterCPUSeconds = 0.0
        /// The part of the import's wall-clock time spent making the units to import, which
        /// an import of a file spends reading it.
        public var makingUnitsSeconds = 0.0
        /// Whether the run stopped after the import (no index, no look-ups).
        public var importOnly = false
        public var memoryBytes = 0
        public var indexSeconds = 0.0
        public var indexCPUSeconds = 0.0
        public var indexBytes = 0
        /// The UTF-8 size of every variant's text, what the index indexes.
        public var textBytes = 0
        public var variants = 0
        /// Milliseconds per query, wall clock and CPU time of the looking-up thread.
        public var latencies: [QueryKind: [Double]] = [:]
        public var cpuLatencies: [QueryKind: [Double]] = [:]
        /// Queries of the exhaustive sample, per kind, and how many of those had a match of
        /// 50 or more there.
        public var exhaustiveQueries: [QueryKind: Int] = [:]
        public var relevant: [QueryKind: Int] = [:]
        public var foundAt1: [QueryKind: Int] = [:]
        public var foundAt5: [QueryKind: Int] = [:]
        public var exhaustiveSeconds = 0.0
        /// Milliseconds per segment of the analysis queries (one match of at least 50, as
        /// `dragoman analyze` asks), wall clock and CPU time of the looking-up thread.
        public var segmentLatencies: [SegmentKind: [Double]] = [:]
        public var segmentCPULatencies: [SegmentKind: [Double]] = [:]
        /// Segments of the exhaustive sample, per kind, how many had a match of 50 or more
        /// there, and how many of those the look-up found with the same score.
        public var segmentExhaustive: [SegmentKind: Int] = [:]
        public var segmentRelevant: [SegmentKind: Int] = [:]
        public var segmentFoundAt1: [SegmentKind: Int] = [:]

        public var allSegmentLatencies: [Double] { segmentLatencies.values.flatMap { $0 } }
        public var allSegmentCPULatencies: [Double] {
            segmentCPULatencies.values.flatMap { $0 }
        }

        /// Recall at 1 of the segments of `kind` (all kinds for nil) that the exhaustive scan
        /// found a match for; 1 when it found none.
        public func segmentRecall(_ kind: SegmentKind? = nil) -> Double {
            let kinds = kind.map { [$0] } ?? SegmentKind.allCases
            let found = kinds.reduce(0) { $0 + (segmentFoundAt1[$1] ?? 0) }
            let relevant = kinds.reduce(0) { $0 + (segmentRelevant[$1] ?? 0) }
            return relevant == 0 ? 1 : Double(found) / Double(relevant)
        }

        public var allLatencies: [Double] { latencies.values.flatMap { $0 } }
        public var allCPULatencies: [Double] { cpuLatencies.values.flatMap { $0 } }

        public static func percentile(_ values: [Double], _ p: Double) -> Double {
            guard !values.isEmpty else { return 0 }
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }

        /// Recall at 1 or 5 of the queries of `kind` (all kinds for nil) that the exhaustive
        /// scan found a match for; 1 when it found none.
        public func recall(at rank: Int, _ kind: QueryKind? = nil) -> Double {
            let kinds = kind.map { [$0] } ?? QueryKind.allCases
            let found = kinds.reduce(0) { $0 + ((rank == 1 ? foundAt1 : foundAt5)[$1] ?? 0) }
            let relevant = kinds.reduce(0) { $0 + (self.relevant[$1] ?? 0) }
            return relevant == 0 ? 1 : Double(found) / Double(relevant)
        }
    }

    /// Line-aligned translations: line i of each language translates line i of the others.
    public let lines: [Language: [String]]
    /// Whether each match's whole unit is read, as `dragoman lookup` shows it; without,
    /// matches are found as `dragoman analyze` and the checks find them.
    public let wholeUnits: Bool

    public init(lines: [Language: [String]], wholeUnits: Bool = false) {
        self.wholeUnits = wholeUnits
        // Empty lines would make empty units.
        let count = lines.values.map(\.count).min() ?? 0
        let keep = (0..<count).filter { i in lines.values.allSatisfy { !$0[i].isEmpty } }
        self.lines = lines.mapValues { texts in keep.map { texts[$0] } }
    }

    /// Unit i, made the way a publisher's memory grows: most units are two sentences of the
    /// news (a paragraph-level unit), some repeat a sentence with another number (next
    /// week's report, another district), some are a sentence seen before word for word.
    /// Every language gets the same recombination, so units stay translations.
    func unit(_ i: Int) -> TranslationUnit {
        var random = SplitMix(seed: UInt64(i) &* 0x9E37_79B9_7F4A_7C15 &+ 17)
        let count = lines[.english]!.count
        let a = Int(random.next() % UInt64(count))
        let b = Int(random.next() % UInt64(count))
        let shape = random.next() % 20
        let delta = Int(random.next() % 9) + 1
        var variants: [Language: Variant] = [:]
        for (language, texts) in lines {
            var text = texts[a]
            switch shape {
            case 0..<9: text += " " + texts[b]  // two sentences
            case 9..<13: text = Self.changeNumber(text, by: delta, orAppend: texts[b])
            case 13..<16: text = Self.changeNumber(text + " " + texts[b], by: delta, orAppend: nil)
            case 16..<18: break  // a sentence seen before
            default: text += " " + texts[(a + 1) % count]  // two consecutive sentences
            }
            variants[language] = Variant(language: language, text: text)
        }
        return TranslationUnit(
            id: "lookup-\(i)", variants: variants, origin: .imported,
            created: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// The text with its first number changed by `delta`; a text without a number gets
    /// `fallback` appended instead (or stays as it is).
    ///
    /// Words are what `split(separator: " ")` gives. Text of Latin letters, punctuation and
    /// general punctuation (nearly all of the news) is split on its UTF-8 bytes, which gives
    /// the same words: splitting by characters cost the benchmark as much time as the
    /// import's own writing.
    static func changeNumber(_ text: String, by delta: Int, orAppend fallback: String?) -> String {
        let changed: String??
        if let result = text.utf8.withContiguousStorageIfAvailable({
            changeNumber(utf8: $0, by: delta)
        }) {
            changed = result
        } else {
            changed = nil
        }
        switch changed {
        case .some(.some(let text)): return text
        case .some(.none): return fallback.map { text + " " + $0 } ?? text
        case .none: return changeNumberByCharacters(text, by: delta, orAppend: fallback)
        }
    }

    /// ``changeNumber(_:by:orAppend:)`` splitting into words by characters, for any text.
    static func changeNumberByCharacters(
        _ text: String, by delta: Int, orAppend fallback: String?
    ) -> String {
        var out = ""
        var changed = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !out.isEmpty { out += " " }
            if !changed, let value = Int(word) {
                out += String(value + delta)
                changed = true
            } else {
                out += word
            }
        }
        if changed { return out }
        return fallback.map { text + " " + $0 } ?? text
    }

    /// The text of `bytes` with its first number changed, nil when it has none; the outer
    /// nil when the text has a character that could join a space into a larger character
    /// (a combining mark, a joiner, anything from U+0300 on outside U+2010...U+203F), where
    /// bytes and characters may split differently.
    private static func changeNumber(
        utf8 bytes: UnsafeBufferPointer<UInt8>, by delta: Int
    )
        -> String??
    {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
            } else if lead < 0xCC {
                index += 2
            } else if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] >= 0x90
            {
                index += 3
            } else {
                return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        var changed = false
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x20 { end += 1 }
            if !out.isEmpty { out.append(0x20) }
            if !changed, let value = integer(bytes[start..<end]) {
                out += String(value + delta).utf8
                changed = true
            } else {
                out += bytes[start..<end]
            }
            start = end + 1
        }
        return .some(changed ? String(decoding: out, as: UTF8.self) : nil)
    }

    /// What `Int(_:)` reads from the word: an optional sign and decimal digits, nil when
    /// anything else is there or the value overflows.
    private static func integer(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var index = word.startIndex
        var negative = false
        if index < word.endIndex,
            word[index] == UInt8(ascii: "+") || word[index] == UInt8(ascii: "-")
        {
            negative = word[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < word.endIndex else { return nil }
        var value = 0
        while index < word.endIndex {
            let digit = Int(word[index]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? times10.subtractingReportingOverflow(digit)
                : times10.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A word of a random English line: what edited and unrelated queries are made of.
    func randomWord(_ random: inout SplitMix) -> Substring {
        let english = lines[.english]!
        let line = english[Int(random.next() % UInt64(english.count))].split(separator: " ")
        return line[Int(random.next() % UInt64(line.count))]
    }

    /// Replaces, deletes or inserts a random word at a random place of `words`, `edits` times.
    func edit(_ words: inout [Substring], edits: Int, _ random: inout SplitMix) {
        for _ in 0..<edits {
            let at = Int(random.next() % UInt64(words.count))
            switch random.next() % 3 {
            case 0: words[at] = randomWord(&random)
            case 1 where words.count > 1: words.remove(at: at)
            default: words.insert(randomWord(&random), at: at)
            }
        }
    }

    /// The queries: the kinds in turn, so any prefix holds each kind about equally.
    public func queries(_ count: Int, units: Int) -> [(kind: QueryKind, text: String)] {
        var random = SplitMix(seed: 42)
        func word() -> Substring { randomWord(&random) }
        var result: [(QueryKind, String)] = []
        for q in 0..<count {
            let kind = QueryKind.allCases[q % QueryKind.allCases.count]
            let source = unit(Int(random.next() % UInt64(units))).variants[.english]!.text
            var words = source.split(separator: " ")
            switch kind {
            case .exact: break
            case .oneWord:
                words[Int(random.next() % UInt64(words.count))] = word()
            case .severalWords:
                let edits = 2 + Int(random.next() % 3)
                edit(&words, edits: edits, &random)
            case .unrelated:
                words = (0..<12).map { _ in word() }
            }
            result.append((kind, kind == .exact ? source : words.joined(separator: " ")))
        }
        return result
    }

    /// Imports `units` units into a new memory at `path` in one transaction, as an import of
    /// one large file does, builds the index, looks `queries` queries up and scans the memory
    /// exhaustively for the first `exhaustiveQueries` of them; with `importOnly`, stops after
    /// the import.
    ///
    /// With `reuse`, a memory at `path` that this benchmark made with the same number of
    /// units is kept and only its index is opened (rebuilt when stale): a million units take
    /// minutes to import, and look-up is what most runs measure.
    public func run(
        at path: String, units: Int, queries: Int, exhaustiveQueries: Int,
        segments: Int = 0, importOnly: Bool = false, reuse: Bool = false,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws -> Figures {
        var figures = Figures()
        figures.units = units
        figures.importOnly = importOnly
        if reuse, !importOnly, try Self.holdsUnits(units, at: path) {
            figures.reused = true
            for i in 0..<units {
                for variant in unit(i).variants.values {
                    figures.textBytes += variant.text.utf8.count
                    figures.variants += 1
                }
            }
            let memory = try SQLiteMemory(path: path)
            let sizes = memory.fileSizes()
            figures.memoryBytes = sizes.database + sizes.wal
            return try measure(
                memory, figures, queries: queries, segments: segments,
                exhaustive: exhaustiveQueries, progress: progress)
        }
        for suffix in ["", "-wal", "-shm", ".fuzzy"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        let memory = try SQLiteMemory(path: path)
        let start = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        let writerCPU = Self.threadCPUSeconds()
        try memory.transaction { transaction in
            let batch = 10_000
            var written = 0
            while written < units {
                let making = DispatchTime.now().uptimeNanoseconds
                let chunk = (written..<min(units, written + batch)).map(unit)
                figures.makingUnitsSeconds += Self.seconds(since: making)
                for unit in chunk {
                    for variant in unit.variants.values {
                        figures.textBytes += variant.text.utf8.count
                        figures.variants += 1
                    }
                }
                try transaction.add(chunk)
                written += chunk.count
                progress?("imported \(written)/\(units)")
            }
        }
        figures.importSeconds = Self.seconds(since: start)
        figures.importCPUSeconds = Self.processCPUSeconds() - cpu
        figures.importWriterCPUSeconds = Self.threadCPUSeconds() - writerCPU
        let sizes = memory.fileSizes()
        figures.memoryBytes = sizes.database + sizes.wal
        if importOnly { return figures }
        return try measure(
            memory, figures, queries: queries, segments: segments, exhaustive: exhaustiveQueries,
            progress: progress)
    }

    /// Whether the file at `path` is a memory this benchmark made with `units` units: the
    /// number of units and the ids of the first and the last.
    static func holdsUnits(_ units: Int, at path: String) throws -> Bool {
        guard units > 0, FileManager.default.fileExists(atPath: path) else { return false }
        let memory = try SQLiteMemory(path: path)
        guard try memory.count() == units else { return false }
        return try memory.unit(id: "lookup-0") != nil
            && memory.unit(id: "lookup-\(units - 1)") != nil
    }

    /// Opens (or builds) the index of `memory`, looks the queries and `segments` analysis
    /// queries up and scans the memory exhaustively for the first `exhaustive` of each.
    private func measure(
        _ memory: SQLiteMemory, _ figures: Figures, queries: Int, segments: Int,
        exhaustive exhaustiveQueries: Int, progress: (@Sendable (String) -> Void)?
    ) throws -> Figures {
        var figures = figures
        figures.wholeUnits = wholeUnits
        let units = figures.units
        var start = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPUSeconds()
        let lookup = try MemoryLookup(memory: memory) { done, total in
            progress?("indexed \(done)/\(total) variants")
        }
        figures.indexSeconds = Self.seconds(since: start)
        figures.indexCPUSeconds = Self.processCPUSeconds() - cpu
        figures.indexBytes = lookup.indexSize

        let queryList = self.queries(queries, units: units)
        var results: [[LookupMatch]] = []
        for (kind, text) in queryList {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c0 = Self.threadCPUSeconds()
            results.append(
                try lookup.lookup(
                    text, from: .english, to: .turkish, minScore: 50, max: 5,
                    wholeUnits: wholeUnits))
            figures.cpuLatencies[kind, default: []].append((Self.threadCPUSeconds() - c0) * 1000)
            figures.latencies[kind, default: []].append(Self.seconds(since: t0) * 1000)
        }
        progress?("looked up \(queries) queries")

        // Sentences looked up exactly as `dragoman analyze` looks up each segment.
        let segmentList = try segmentQueries(segments)
        var segmentResults: [LookupMatch?] = []
        for (kind, text) in segmentList {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c0 = Self.threadCPUSeconds()
            segmentResults.append(
                try lookup.lookup(
                    text, from: .english, to: .turkish, minScore: 50, max: 1, wholeUnits: false
                ).first)
            figures.segmentCPULatencies[kind, default: []].append(
                (Self.threadCPUSeconds() - c0) * 1000)
            figures.segmentLatencies[kind, default: []].append(Self.seconds(since: t0) * 1000)
        }
        if segments > 0 { progress?("looked up \(segments) segments") }

        start = DispatchTime.now().uptimeNanoseconds
        let sample = Array(queryList.prefix(exhaustiveQueries))
        let segmentSample = Array(segmentList.prefix(exhaustiveQueries))
        // One scan answers both samples.
        let bests = ExhaustiveScan(
            queries: sample.map(\.text) + segmentSample.map(\.text), language: .english
        )
        .run(
            units: units, text: { unit($0).variants[.english]!.text },
            progress: { done in progress?("exhaustive scan \(done)/\(units) units") })
        figures.exhaustiveSeconds = Self.seconds(since: start)
        let best = Array(bests.prefix(sample.count))
        for (q, (kind, _)) in segmentSample.enumerated() {
            figures.segmentExhaustive[kind, default: 0] += 1
            let expected = bests[sample.count + q]
            guard expected >= 50 else { continue }
            figures.segmentRelevant[kind, default: 0] += 1
            if segmentResults[q]?.score == expected {
                figures.segmentFoundAt1[kind, default: 0] += 1
            }
        }
        for (q, (kind, _)) in sample.enumerated() {
            figures.exhaustiveQueries[kind, default: 0] += 1
            guard best[q] >= 50 else { continue }
            figures.relevant[kind, default: 0] += 1
            let scores = results[q].map(\.score)
            if scores.first == best[q] { figures.foundAt1[kind, default: 0] += 1 }
            if scores.prefix(5).contains(best[q]) { figures.foundAt5[kind, default: 0] += 1 }
        }
        return figures
    }

    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU time of the whole process so far, user and system, every thread.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU time of the calling thread so far.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A small deterministic random generator, so that benchmark memories are the same each run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
