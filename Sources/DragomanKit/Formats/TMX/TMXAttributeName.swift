/// The attributes the unit builder reads by name.
///
/// Like ``TMXElementKind``, found once per distinct name, so that looking an attribute up
/// compares small integers and no string is made for attributes nobody reads.
enum TMXAttributeName: UInt8, Sendable {
    case version, srclang, tuid, creationdate, changedate, type, lang
    /// `xml:lang`.
    case xmlLang
    case other

    private static let names = StaticNameTable<TMXAttributeName>([
        ("version", .version), ("srclang", .srclang), ("tuid", .tuid),
        ("creationdate", .creationdate), ("changedate", .changedate), ("type", .type),
        ("lang", .lang), ("xml:lang", .xmlLang),
    ])

    /// The attribute with the qualified name `name`.
    init(_ name: String) { self = Self.names.meaning(of: name) ?? .other }

    /// The attribute whose qualified name is the UTF-8 `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) { self = Self.names.meaning(of: bytes) ?? .other }
}
