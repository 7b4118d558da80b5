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

    private static let names = StaticNameTable<TMXElementKind>([
        ("tmx", .tmx), ("header", .header), ("body", .body), ("tu", .tu), ("tuv", .tuv),
        ("seg", .seg), ("prop", .prop), ("note", .note), ("bpt", .code), ("ept", .code),
        ("ph", .code), ("it", .code), ("ut", .code),
    ])

    /// The kind of the element with the qualified name `name`.
    init(_ name: String) { self = Self.names.meaning(of: name) ?? .other }

    /// The kind of the element whose qualified name is the UTF-8 `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) { self = Self.names.meaning(of: bytes) ?? .other }
}
