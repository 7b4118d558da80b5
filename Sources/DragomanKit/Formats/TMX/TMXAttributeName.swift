#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The attributes the unit builder reads by name.
///
/// Like ``TMXElementKind``, found once per distinct name, so that looking an attribute up
/// compares small integers and no string is made for attributes nobody reads.
enum TMXAttributeName: UInt8, Sendable {
    case version, srclang, tuid, creationdate, changedate, type, lang
    /// `xml:lang`.
    case xmlLang
    case other

    private static let names: [(StaticString, TMXAttributeName)] = [
        ("version", .version), ("srclang", .srclang), ("tuid", .tuid),
        ("creationdate", .creationdate), ("changedate", .changedate), ("type", .type),
        ("lang", .lang), ("xml:lang", .xmlLang),
    ]

    /// The attribute with the qualified name `name`.
    init(_ name: String) {
        var name = name
        self = name.withUTF8 { Self(bytes: $0) }
    }

    /// The attribute whose qualified name is the UTF-8 `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        for (name, attribute) in Self.names
        where name.utf8CodeUnitCount == bytes.count
            && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0
        {
            self = attribute
            return
        }
        self = .other
    }

}
