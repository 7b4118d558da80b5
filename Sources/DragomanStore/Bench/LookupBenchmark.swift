public import DragomanKit
import Foundation

/// Builds a memory from recombined real sentences, then measures fuzzy look-up: latency per
/// query and recall against an exhaustive scan of the same memory.
public struct LookupBenchmark: Sendable {
    public struct Figures: Sendable {
        public var units = 0
        public var importSeconds = 0.0
        public var memoryBytes = 0
        public var indexSeconds = 0.0
        public var indexBytes = 0
        public var textBytes = 0
        public var latencies: [Double] = []
        public var recallAt1 = 0.0
        public var recallAt5 = 0.0
        public var exhaustiveQueries = 0

        public func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }

    /// Line-aligned translations: line i of each language translates line i of the others.
    public let lines: [Language: [String]]

    public init(lines: [Language: [String]]) { self.lines = lines }

    /// Unit i joins two lines (or one, or one with a word or number changed), so the memory
    /// holds many near-duplicates, as memories of one publisher do.
    func unit(_ i: Int) -> TranslationUnit {
        var random = SplitMix(seed: UInt64(i) &* 0x9E37_79B9_7F4A_7C15 &+ 17)
        let count = lines[.english]!.count
        let a = Int(random.next() % UInt64(count))
        let b = Int(random.next() % UInt64(count))
        let shape = random.next() % 4
        var variants: [Language: Variant] = [:]
        for (language, texts) in lines {
            var text = texts[a]
            if shape == 0 { text += " " + texts[b] }
            if shape == 1 { text = Self.changeNumber(text, by: Int(random.next() % 9) + 1) }
            variants[language] = Variant(language: language, text: text)
        }
        return TranslationUnit(
            id: "lookup-\(i)", variants: variants, origin: .imported,
            created: Date(timeIntervalSince1970: 1_700_000_000))
    }

    static func changeNumber(_ text: String, by delta: Int) -> String {
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
        return changed ? out : text + " (\(delta))"
    }

    public func run(
        at path: String, units: Int, queries: Int, exhaustiveQueries: Int,
        progress: (@Sendable (String) -> Void)? = nil
    ) throws -> Figures {
        var figures = Figures()
        figures.units = units
        for suffix in ["", "-wal", "-shm", ".fuzzy"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        let memory = try SQLiteMemory(path: path)
        var start = Date()
        let batch = 5_000
        var written = 0
        while written < units {
            let chunk = (written..<min(units, written + batch)).map(unit)
            figures.textBytes += chunk.reduce(0) {
                $0 + $1.variants.values.reduce(0) { $0 + $1.text.utf8.count }
            }
            try memory.add(chunk)
            written += chunk.count
            progress?("imported \(written)/\(units)")
        }
        figures.importSeconds = Date().timeIntervalSince(start)
        figures.memoryBytes = memory.fileSizes().database + memory.fileSizes().wal
        start = Date()
        let lookup = try MemoryLookup(memory: memory)
        figures.indexSeconds = Date().timeIntervalSince(start)
        figures.indexBytes = lookup.indexSize

        // Queries: a third copies of memory sentences, a third with one word changed, a third
        // made of words shuffled from unrelated sentences.
        var random = SplitMix(seed: 42)
        let english = lines[.english]!
        var queryTexts: [String] = []
        for q in 0..<queries {
            let source = unit(Int(random.next() % UInt64(units))).variants[.english]!.text
            switch q % 3 {
            case 0: queryTexts.append(source)
            case 1:
                var words = source.split(separator: " ").map(String.init)
                let other = english[Int(random.next() % UInt64(english.count))].split(
                    separator: " ")
                if !words.isEmpty, let replacement = other.randomElement(using: &random) {
                    words[Int(random.next() % UInt64(words.count))] = String(replacement)
                }
                queryTexts.append(words.joined(separator: " "))
            default:
                var words: [Substring] = []
                for _ in 0..<12 {
                    let line = english[Int(random.next() % UInt64(english.count))].split(
                        separator: " ")
                    if let word = line.randomElement(using: &random) { words.append(word) }
                }
                queryTexts.append(words.joined(separator: " "))
            }
        }
        var results: [[LookupMatch]] = []
        for text in queryTexts {
            let t0 = DispatchTime.now().uptimeNanoseconds
            results.append(
                try lookup.lookup(text, from: .english, to: .turkish, minScore: 50, max: 5))
            figures.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        progress?("looked up \(queries) queries")

        // The exhaustive scan: every English variant scored against the query.
        let matcher = FuzzyMatcher(language: .english)
        let all = (0..<units).map {
            matcher.prepare(TextNormalizer().normalize(unit($0).variants[.english]!.text))
        }
        var found1 = 0
        var found5 = 0
        var relevant = 0
        let sample = Array(queryTexts.indices.prefix(exhaustiveQueries))
        for q in sample {
            let query = matcher.prepare(TextNormalizer().normalize(queryTexts[q]))
            var best = 0
            for candidate in all where Self.lengthBound(query, candidate) >= max(best, 50) {
                best = max(best, matcher.score(query, candidate).score)
            }
            guard best >= 50 else { continue }
            relevant += 1
            let scores = results[q].map(\.score)
            if scores.first == best { found1 += 1 }
            if scores.prefix(5).contains(best) { found5 += 1 }
            progress?("exhaustive scan \(q + 1)/\(sample.count)")
        }
        figures.exhaustiveQueries = sample.count
        figures.recallAt1 = relevant == 0 ? 1 : Double(found1) / Double(relevant)
        figures.recallAt5 = relevant == 0 ? 1 : Double(found5) / Double(relevant)
        return figures
    }

    /// No edit can score above this: every unmatched unit of weight costs at least its weight.
    static func lengthBound(_ a: FuzzyMatcher.Prepared, _ b: FuzzyMatcher.Prepared) -> Int {
        let (x, y) = (a.totalWeight, b.totalWeight)
        return Int(100 * (1 - abs(x - y) / max(x, y, 1)))
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
