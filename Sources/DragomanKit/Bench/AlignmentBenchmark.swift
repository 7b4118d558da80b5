import Foundation

/// Time to align two long documents built from real translated sentences.
public struct AlignmentBenchmark: Sendable {
    public struct Figures: Sendable {
        public let sourceSentences: Int
        public let targetSentences: Int
        public let seconds: Double
        /// Share of the reference pairs (line i with line i) that the alignment links.
        public let recall: Double
    }

    /// Lines of a text and its translation, line i translating line i.
    public let source: (Language, [String])
    public let target: (Language, [String])

    public init(source: (Language, [String]), target: (Language, [String])) {
        self.source = source
        self.target = target
    }

    /// Builds documents of `count` sentence pairs by cycling through the lines, with every
    /// 50th target sentence left out and every 40th pair of target sentences merged, so the
    /// aligner meets 1-0 and 2-1 beads, then aligns them once.
    public func run(count: Int) throws -> Figures {
        var a: [AlignmentSentence] = []
        var b: [AlignmentSentence] = []
        var reference: [Int] = []  // the source sentence of each target sentence
        var k = 0
        while a.count < count {
            let line = k % source.1.count
            k += 1
            guard !source.1[line].isEmpty, !target.1[line].isEmpty else { continue }
            let index = a.count
            let paragraph = index / 6
            a.append(
                AlignmentSentence(
                    text: source.1[line], start: index, end: index + 1, paragraph: paragraph))
            if index % 50 == 49 { continue }
            if index % 40 == 39, let last = b.last, reference.last == index - 1 {
                b[b.count - 1] = AlignmentSentence(
                    text: last.text + " " + target.1[line], start: last.start, end: last.end,
                    paragraph: paragraph)
                continue
            }
            b.append(
                AlignmentSentence(
                    text: target.1[line], start: b.count, end: b.count + 1, paragraph: paragraph))
            reference.append(index)
        }
        let aligner = try SentenceAligner(source: source.0, target: target.0)
        let start = DispatchTime.now().uptimeNanoseconds
        let beads = aligner.align(a, b)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var found = 0
        for bead in beads {
            for j in bead.target where bead.source.contains(reference[j]) { found += 1 }
        }
        return Figures(
            sourceSentences: a.count, targetSentences: b.count, seconds: seconds,
            recall: Double(found) / Double(b.count))
    }
}
