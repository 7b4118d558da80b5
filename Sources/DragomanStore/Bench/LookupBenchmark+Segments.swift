import DragomanKit

extension LookupBenchmark {
    /// What a segment of the analysis queries is made from: sentences as `dragoman analyze`
    /// gets them from a news item, not whole units of the memory.
    public enum SegmentKind: String, Sendable, CaseIterable {
        /// A sentence of the news as cut by the segmenter: the memory holds it alone, inside
        /// a two-sentence unit, with a number changed, or (cut from a line of several
        /// sentences) only inside a longer unit.
        case held
        /// Such a sentence with one to three words replaced, deleted or inserted.
        case edited
        /// As many words as such a sentence has, drawn from unrelated sentences: a sentence
        /// the memory has not seen.
        case new
    }

    /// The sentences of the English news, line by line, as ``SentenceSegmenter`` cuts them:
    /// what an analysis looks up, in the order of the documents.
    func sentences() throws -> [String] {
        let segmenter = try SentenceSegmenter(language: .english)
        return lines[.english]!.flatMap { segmenter.segment($0).map(\.text) }
    }

    /// The analysis queries: sentences of the news in document order, 60% as cut, 25% edited
    /// and 15% new, mixed so that any prefix holds each kind in about that share.
    public func segmentQueries(_ count: Int) throws -> [(kind: SegmentKind, text: String)] {
        let sentences = try sentences()
        guard !sentences.isEmpty else { return [] }
        var random = SplitMix(seed: 7)
        var result: [(SegmentKind, String)] = []
        for q in 0..<count {
            let sentence = sentences[q % sentences.count]
            var words = sentence.split(separator: " ")
            let kind: SegmentKind
            switch q % 20 {
            case 0..<12:
                kind = .held
            case 12..<17:
                kind = .edited
                let edits = 1 + Int(random.next() % 3)
                edit(&words, edits: edits, &random)
            default:
                kind = .new
                words = words.map { _ in randomWord(&random) }
            }
            result.append((kind, kind == .held ? sentence : words.joined(separator: " ")))
        }
        return result
    }
}
