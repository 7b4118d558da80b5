/// One language's side of an alignment: its sentences, cut from paragraphs by the
/// segmenter, with offsets into the file they were read from.
public struct AlignmentDocument: Sendable {
    public let language: Language
    public let sentences: [AlignmentSentence]

    public init(language: Language, sentences: [AlignmentSentence]) {
        self.language = language
        self.sentences = sentences
    }

    /// Segments `paragraphs` into sentences. `sourceOffset(p, k)` maps scalar offset `k` in
    /// paragraph `p` to an offset in the source file.
    public init(
        language: Language, paragraphs: [String], segmenter: SentenceSegmenter,
        sourceOffset: (Int, Int) -> Int
    ) {
        var sentences: [AlignmentSentence] = []
        for (index, paragraph) in paragraphs.enumerated() {
            for sentence in segmenter.segment(paragraph) {
                sentences.append(
                    AlignmentSentence(
                        text: sentence.text, start: sourceOffset(index, sentence.start),
                        end: sourceOffset(index, sentence.end), paragraph: index))
            }
        }
        self.init(language: language, sentences: sentences)
    }
}

/// A multilingual bead: for each language, the sentences (indices into that language's
/// ``AlignmentDocument``) that translate each other. A language may have none.
public struct MultilingualBead: Sendable, Hashable {
    public var ranges: [Language: Range<Int>]
    public var score: Double
    public var flagged: Bool
}

/// Aligns the same text in two or three (or more) languages into multilingual beads.
///
/// With two languages the beads are the pair's. With more, every language is aligned to a
/// pivot (English when present, else the first language), the pairwise beads are merged into
/// the smallest units on which they agree, and each unit is checked against a direct
/// alignment of the other languages: a unit that the direct alignment contradicts is kept
/// and flagged, never dropped.
public struct MultilingualAligner: Sendable {
    public init() {}

    public func align(_ documents: [AlignmentDocument]) throws -> [MultilingualBead] {
        guard let first = documents.first else { return [] }
        if documents.count == 1 {
            return first.sentences.indices.map {
                MultilingualBead(ranges: [first.language: $0..<$0 + 1], score: 1, flagged: false)
            }
        }
        let pivotIndex = documents.firstIndex { $0.language == .english } ?? 0
        let pivot = documents[pivotIndex]
        let others = documents.enumerated().filter { $0.offset != pivotIndex }.map(\.element)
        var pairwise: [(Language, [Bead])] = []
        for other in others {
            let aligner = try SentenceAligner(source: pivot.language, target: other.language)
            pairwise.append((other.language, aligner.align(pivot.sentences, other.sentences)))
        }
        var units = Self.merge(pivot: pivot.language, pairwise)
        if others.count >= 2 {
            // Check the units against a direct alignment of the first two non-pivot languages.
            let a = others[0]
            let b = others[1]
            let direct = try SentenceAligner(source: a.language, target: b.language)
                .align(a.sentences, b.sentences)
            Self.check(&units, a.language, b.language, against: direct)
        }
        return units
    }

    /// Merges pivot-to-language beads into units: the smallest groups of pivot sentences on
    /// whose edges every pairwise alignment has a bead boundary. Sentences that no alignment
    /// pairs with a pivot sentence form flagged units of their own, shared by all languages
    /// at that place.
    static func merge(pivot: Language, _ pairwise: [(Language, [Bead])]) -> [MultilingualBead] {
        var cursors = [Int](repeating: 0, count: pairwise.count)
        var units: [MultilingualBead] = []
        var position = 0
        func remaining(_ k: Int) -> Bead? {
            cursors[k] < pairwise[k].1.count ? pairwise[k].1[cursors[k]] : nil
        }
        while pairwise.indices.contains(where: { remaining($0) != nil }) {
            var unit = UnitBuilder()
            // Sentences with no pivot counterpart at this place.
            for k in pairwise.indices {
                while let bead = remaining(k), bead.source.isEmpty {
                    unit.add(pairwise[k].0, bead.target, bead)
                    cursors[k] += 1
                }
            }
            if !unit.isEmpty {
                units.append(unit.bead(flagged: true))
                continue
            }
            // Pivot sentences from `position` on, grown until every alignment has a boundary.
            var end = position
            for k in pairwise.indices {
                if let bead = remaining(k) { end = max(end, bead.source.upperBound) }
            }
            var grew = true
            while grew {
                grew = false
                for k in pairwise.indices {
                    while let bead = remaining(k),
                        bead.source.isEmpty
                            ? bead.source.lowerBound < end : bead.source.lowerBound < end
                    {
                        unit.add(pivot, bead.source, bead)
                        unit.add(pairwise[k].0, bead.target, bead)
                        cursors[k] += 1
                        if bead.source.upperBound > end {
                            end = bead.source.upperBound
                            grew = true
                        }
                    }
                }
            }
            position = end
            if !unit.isEmpty { units.append(unit.bead(flagged: false)) }
        }
        return units
    }

    /// Collects the ranges and scores of the beads that make one unit.
    private struct UnitBuilder {
        var ranges: [Language: Range<Int>] = [:]
        var score = 1.0
        var flagged = false
        var isEmpty: Bool { ranges.isEmpty }

        mutating func add(_ language: Language, _ range: Range<Int>, _ bead: Bead) {
            score = min(score, bead.score)
            flagged = flagged || bead.flagged
            guard !range.isEmpty else { return }
            if let existing = ranges[language] {
                ranges[language] =
                    min(
                        existing.lowerBound, range.lowerBound)..<max(
                        existing.upperBound, range.upperBound)
            } else {
                ranges[language] = range
            }
        }

        func bead(flagged extra: Bool) -> MultilingualBead {
            MultilingualBead(ranges: ranges, score: score, flagged: flagged || extra)
        }
    }

    /// ``merge(pivot:_:)`` for tests of the merging rules.
    public static func mergeForTesting(
        pivot: Language, _ pairwise: [(Language, [Bead])]
    )
        -> [MultilingualBead]
    {
        merge(pivot: pivot, pairwise)
    }

    /// Flags units whose sentences in `a` the direct alignment pairs with sentences of `b`
    /// outside the unit (or the other way round), and lowers their score.
    static func check(
        _ units: inout [MultilingualBead], _ a: Language, _ b: Language, against direct: [Bead]
    ) {
        var partnerOfA: [Int: Range<Int>] = [:]
        var partnerOfB: [Int: Range<Int>] = [:]
        for bead in direct where !bead.source.isEmpty && !bead.target.isEmpty {
            for i in bead.source { partnerOfA[i] = bead.target }
            for j in bead.target { partnerOfB[j] = bead.source }
        }
        for index in units.indices {
            let ra = units[index].ranges[a]
            let rb = units[index].ranges[b]
            var agrees = true
            if let ra, let rb {
                for i in ra {
                    if let p = partnerOfA[i], !p.allSatisfy(rb.contains) { agrees = false }
                }
                for j in rb {
                    if let p = partnerOfB[j], !p.allSatisfy(ra.contains) { agrees = false }
                }
            } else if let ra {
                agrees = ra.allSatisfy { partnerOfA[$0] == nil }
            } else if let rb {
                agrees = rb.allSatisfy { partnerOfB[$0] == nil }
            }
            if !agrees {
                units[index].score *= 0.5
                units[index].flagged = true
            }
        }
    }
}
