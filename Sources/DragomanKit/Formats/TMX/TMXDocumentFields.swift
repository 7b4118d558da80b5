/// The document of a unit as ``TMXWriter`` writes it: its id, URL, date and titles as UTF-8
/// bytes, the titles in ``Language/displayOrder(_:)``.
///
/// The units of one document share it, so a memory's reader makes it once per document and
/// each record of the document holds the same value, instead of copying the document's text
/// and ordering its titles for every unit.
public struct TMXDocumentFields: Sendable {
    public typealias Field = Range<Int>

    public private(set) var bytes: [UInt8] = []
    public private(set) var id: Field = 0..<0
    public private(set) var url: Field?
    public private(set) var date: Field?
    /// One title per language, in display order, each with its language's key (see
    /// ``TMXUnitRecord/key(_:)``): plain values, copied with the record at no cost.
    public private(set) var titles: [(key: UInt32, text: Field)] = []

    public init(_ provenance: Provenance) {
        id = append(provenance.documentID)
        url = provenance.url.map { append($0) }
        date = provenance.date.map { append($0) }
        for (language, title) in provenance.titles {
            let field = append(title)
            let key = TMXUnitRecord.key(language)
            let index =
                titles.firstIndex { other in TMXUnitRecord.precedes(key, other.key) }
                ?? titles.count
            titles.insert((key, field), at: index)
        }
    }

    private mutating func append(_ text: String) -> Field {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return start..<bytes.count
    }
}
