/// A paragraph (or headline) of a news item, with the way back to the page it came from.
///
/// For plain text, ``text`` is the exact stretch of the input. For HTML it is the text content
/// of the block: entities decoded, runs of HTML whitespace (and line breaks from `<br>`)
/// collapsed to one space, leading and trailing whitespace dropped. Offsets are counted in
/// Unicode scalars, like every offset Dragoman reports.
public struct NewsParagraph: Sendable, Hashable {
    public let text: String
    let map: SourceMap

    init(text: String, map: SourceMap) {
        self.text = text
        self.map = map
    }

    /// A paragraph that is the stretch of the input starting at scalar offset `start`.
    init(exactText text: String, start: Int) {
        self.text = text
        map = SourceMap(linearFrom: start, count: text.unicodeScalars.count)
    }

    /// Where the scalar at `textOffset` of ``text`` starts in the input. An offset at the end
    /// of the text gives the end of the paragraph in the input. A character decoded from an
    /// entity maps to the start of the entity.
    public func sourceOffset(_ textOffset: Int) -> Int {
        map.sourceOffset(textOffset)
    }

    /// The stretch of the input that holds the scalars `range` of ``text``: from the start of
    /// the first to the end of the last (after an entity's `;`). Markup between the two ends
    /// is inside the stretch.
    public func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let start = map.sourceOffset(range.lowerBound)
        guard !range.isEmpty else { return start..<start }
        return start..<max(start, map.sourceEnd(range.upperBound))
    }

    /// The stretch of the input the whole paragraph comes from.
    public var sourceSpan: Range<Int> {
        sourceRange(0..<map.count)
    }
}
