import Foundation

/// One aligned unit of a translation as the checks see it: a bead of a news item (one or more
/// sentences on each side, or none on one side) or a unit of a bilingual file.
///
/// Checks report spans in the unit's texts; ``sourceOffsets`` and ``targetOffsets`` carry the
/// positions in the files the texts came from, so that a report can point into them.
public struct CheckUnit: Sendable, Hashable {
    /// The unit's name in reports: a bilingual file's unit id, or the bead's number.
    public var id: String
    /// The texts, as read; an empty side is a sentence without counterpart.
    public var pair: SegmentPair
    /// Sentences on each side (a 1-0 bead has 1 and 0).
    public var sourceSentences: Int
    public var targetSentences: Int
    /// For texts cut from a file: the file offset of every position 0...n of the text (n + 1
    /// values), so that a span maps to `offsets[start]..<offsets[end]` even where the text
    /// joins sentences or an HTML entity stands for one character. Nil: spans are the file's.
    public var sourceOffsets: [Int]?
    public var targetOffsets: [Int]?

    public init(
        id: String, pair: SegmentPair, sourceSentences: Int? = nil, targetSentences: Int? = nil,
        sourceOffsets: [Int]? = nil, targetOffsets: [Int]? = nil
    ) {
        self.id = id
        self.pair = pair
        self.sourceSentences = sourceSentences ?? (pair.source.isEmpty ? 0 : 1)
        self.targetSentences = targetSentences ?? (pair.target.isEmpty ? 0 : 1)
        self.sourceOffsets = sourceOffsets
        self.targetOffsets = targetOffsets
    }

    /// Whether both sides have text, so that the two can be compared.
    public var isPaired: Bool {
        !pair.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && !pair.target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// `range` of the source text as a range of the source file.
    public func sourceFileRange(_ range: Range<Int>) -> Range<Int> {
        Self.map(range, sourceOffsets)
    }

    /// `range` of the target text as a range of the target file.
    public func targetFileRange(_ range: Range<Int>) -> Range<Int> {
        Self.map(range, targetOffsets)
    }

    private static func map(_ range: Range<Int>, _ offsets: [Int]?) -> Range<Int> {
        guard let offsets, !offsets.isEmpty else { return range }
        let last = offsets.count - 1
        let start = offsets[min(max(range.lowerBound, 0), last)]
        let end = offsets[min(max(range.upperBound, 0), last)]
        return start..<max(start, end)
    }
}
