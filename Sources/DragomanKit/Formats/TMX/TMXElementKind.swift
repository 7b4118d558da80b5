#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The elements the unit builder tells apart.
///
/// Both readers find the kind once per distinct name and keep it beside the name's string, so
/// the builder's many decisions about each element compare small integers, not strings.
enum TMXElementKind: UInt8, Sendable {
    case tmx, header, body, tu, tuv, seg, prop, note
    /// Inline elements whose content is native code, not text: `bpt`, `ept`, `ph`, `it`, `ut`.
    case code
    /// Every other element (`ude`, `map`, `hi`, `sub`, names TMX does not define).
    case other

    private static let names: [(StaticString, TMXElementKind)] = [
        ("tmx", .tmx), ("header", .header), ("body", .body), ("tu", .tu), ("tuv", .tuv),
        ("seg", .seg), ("prop", .prop), ("note", .note), ("bpt", .code), ("ept", .code),
        ("ph", .code), ("it", .code), ("ut", .code),
    ]

    /// The kind of the element with the qualified name `name`.
    init(_ name: String) {
        var name = name
        self = name.withUTF8 { Self(bytes: $0) }
    }

    /// The kind of the element whose qualified name is the UTF-8 `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        for (name, kind) in Self.names
        where name.utf8CodeUnitCount == bytes.count
            && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0
        {
            self = kind
            return
        }
        self = .other
    }
}
