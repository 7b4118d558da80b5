import Foundation

/// Throughput of sentence segmentation against ICU's plain sentence iterator on the same
/// text, measured in the same run.
public struct SegmentationBenchmark: Sendable {
    public struct Figures: Sendable {
        public let language: Language
        public let bytes: Int
        public let sentences: Int
        public let icuBoundaries: Int
        /// Best of the repetitions, in seconds.
        public let dragomanSeconds: Double
        public let icuSeconds: Double

        public var dragomanMBps: Double { Double(bytes) / 1e6 / dragomanSeconds }
        public var icuMBps: Double { Double(bytes) / 1e6 / icuSeconds }
        /// Dragoman's throughput as a fraction of plain ICU's.
        public var ratio: Double { icuSeconds / dragomanSeconds }
    }

    public let texts: [(Language, String)]
    public let repetitions: Int

    public init(texts: [(Language, String)], repetitions: Int = 5) {
        self.texts = texts
        self.repetitions = repetitions
    }

    public func run() throws -> [Figures] {
        try texts.map { language, text in
            let segmenter = try SentenceSegmenter(language: language)
            let plain = try BreakPrototype(kind: .sentence, locale: language.code)
            var sentences = 0
            var boundaries = 0
            var best = (dragoman: Double.infinity, icu: Double.infinity)
            for _ in 0..<repetitions {
                let t0 = DispatchTime.now().uptimeNanoseconds
                boundaries = try Self.plainICUBoundaries(text, plain)
                let t1 = DispatchTime.now().uptimeNanoseconds
                sentences = segmenter.segment(text).count
                let t2 = DispatchTime.now().uptimeNanoseconds
                best.icu = min(best.icu, Double(t1 - t0) / 1e9)
                best.dragoman = min(best.dragoman, Double(t2 - t1) / 1e9)
            }
            return Figures(
                language: language, bytes: text.utf8.count, sentences: sentences,
                icuBoundaries: boundaries, dragomanSeconds: best.dragoman, icuSeconds: best.icu)
        }
    }

    /// The baseline: convert to UTF-16 and walk ICU's sentence boundaries, nothing more.
    static func plainICUBoundaries(_ text: String, _ prototype: BreakPrototype) throws -> Int {
        let units = UTF16Text(text)
        let iterator = try prototype.makeIterator()
        try iterator.setText(units)
        var count = 0
        while iterator.next() != nil { count += 1 }
        return count
    }
}
