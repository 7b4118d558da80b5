import Foundation

/// Matching throughput of ``GlossaryMatcher`` on news text, for a given glossary.
public struct GlossaryBenchmark: Sendable {
    public struct Figures: Sendable {
        public let language: Language
        public let entries: Int
        public let bytes: Int
        public let matches: Int
        /// Best of the repetitions, in seconds.
        public let seconds: Double
        public let buildSeconds: Double

        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    }

    public let texts: [(Language, String)]
    public let repetitions: Int

    public init(texts: [(Language, String)], repetitions: Int = 3) {
        self.texts = texts
        self.repetitions = repetitions
    }

    public func run(_ glossary: Glossary) -> [Figures] {
        texts.map { language, text in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let matcher = GlossaryMatcher(glossary: glossary, language: language)
            let build = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            var best = Double.infinity
            var count = 0
            for _ in 0..<repetitions {
                let start = DispatchTime.now().uptimeNanoseconds
                count = matcher.matches(in: text).count
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return Figures(
                language: language, entries: glossary.entries.count, bytes: text.utf8.count,
                matches: count, seconds: best, buildSeconds: build)
        }
    }

    /// A reproducible glossary of `count` entries in en, tr and de: one entry in fifty is a
    /// capitalised word taken from `texts` (so that the text holds many of the terms), the
    /// others one to three words, made up from syllables or, after the first, taken from
    /// `texts`.
    public static func syntheticGlossary(
        entries count: Int, texts: [(Language, String)], seed: UInt64 = 1
    ) -> Glossary {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        var vocabulary: [Language: [String]] = [:]
        for (language, text) in texts {
            var seen: Set<Substring> = []
            for word in text.split(whereSeparator: { !$0.isLetter }) where word.count > 3 {
                if word.first!.isUppercase { seen.insert(word) }
                if seen.count >= 5_000 { break }
            }
            vocabulary[language] = seen.map(String.init).sorted()
        }
        let syllables = [
            "ka", "le", "mi", "ro", "tu", "sen", "dor", "al", "ber", "gü", "şa", "ın", "ö", "ven",
            "ham", "burg", "stadt", "ko", "ne", "ya", "zi", "pa", "ri", "um",
        ]
        let categories: [GlossaryCategory] = [.title, .place, .organisation, .concept]
        var entries: [GlossaryEntry] = []
        for index in 0..<count {
            var terms: [GlossaryTerm] = []
            // One entry in fifty is a single capitalised word of the news; the others are one to
            // three words, made up or mixed with news words, as in a real names glossary.
            let single = next(50) == 0
            for language in [Language.english, .turkish, .german] {
                let list = vocabulary[language] ?? []
                let length = single ? 1 : 1 + next(3)
                let words = (0..<length).map { position -> String in
                    if !list.isEmpty && (single || (position > 0 && next(2) == 0)) {
                        return list[next(list.count)]
                    }
                    let made = (0..<(2 + next(2))).map { _ in syllables[next(syllables.count)] }
                        .joined()
                    return made.prefix(1).uppercased() + made.dropFirst()
                }
                terms.append(GlossaryTerm(language: language, text: words.joined(separator: " ")))
            }
            entries.append(
                GlossaryEntry(
                    id: "synthetic-\(index)", category: categories[next(categories.count)],
                    terms: terms))
        }
        return (try? Glossary(entries: entries)) ?? (try! Glossary())
    }
}
