/// What the type of a `<prop>` means to the reader: one of the fields Dragoman writes as
/// `x-dragoman-` props, or any other type, kept as a property.
///
/// Found once per distinct type by the byte scanner (per prop by libxml2's reader), so that
/// reading the props of a unit compares small integers, not strings.
enum TMXPropField: UInt8, Sendable {
    case origin, document, url, date, title, alignmentScore, flagged
    /// On a `<tuv>`: where its text stands in its source file.
    case span
    /// Another `x-dragoman-` type: not one this version reads, kept as a property.
    case otherDragoman
    /// Any other type.
    case other

    init(_ type: String) {
        // Most props of a file are Dragoman's or none are: one test tells them apart.
        guard type.utf8.count > 11, type.hasPrefix("x-dragoman-") else {
            self = .other
            return
        }
        switch type {
        case TMXNames.origin: self = .origin
        case TMXNames.document: self = .document
        case TMXNames.url: self = .url
        case TMXNames.date: self = .date
        case TMXNames.title: self = .title
        case TMXNames.alignmentScore: self = .alignmentScore
        case TMXNames.flagged: self = .flagged
        case TMXNames.span: self = .span
        default: self = .otherDragoman
        }
    }
}
