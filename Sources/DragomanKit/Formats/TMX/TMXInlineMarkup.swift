/// TMX inline markup (`bpt`, `ept`, `ph`, `it`, `ut`, `hi`, `sub`) in stored variant texts.
///
/// A `<seg>` without inline elements is stored as its plain text. A `<seg>` with inline
/// elements is stored as its content written as an XML fragment (`Press <ph x="1">&lt;b/&gt;
/// </ph>OK`), and its language is listed in the unit property ``property`` (`tmx:markup`,
/// language codes separated by spaces), so the fragment goes back into a TMX file as it came
/// and no other reader mistakes it for text. Matching and search must see the plain text:
/// ``plainText(ofFragment:)`` and ``DragomanKit/TranslationUnit/plainText(_:)`` give it, with
/// the native codes (`bpt`, `ept`, `ph`, `it`, `ut` and any `sub` inside them) left out and the
/// text of `hi` kept.
public enum TMXInlineMarkup {
    /// The unit property listing the languages whose text is a TMX fragment.
    public static let property = "tmx:markup"

    /// The languages of `unit` whose text is a TMX fragment.
    public static func languages(of unit: TranslationUnit) -> Set<String> {
        guard let list = unit.properties[property] else { return [] }
        return Set(list.split(separator: " ").map(String.init))
    }

    /// The plain text of a fragment as the TMX reader writes it, or nil when `fragment` is not
    /// a well-formed XML fragment (unbalanced tags, an unknown entity, a bare `<` or `&`).
    public static func plainText(ofFragment fragment: String) -> String? {
        var scanner = FragmentScanner(Array(fragment.utf8))
        return scanner.plainText()
    }

    /// The attribute names of `tag`, one well-formed empty element (`<x a="1" b='2'/>`), in
    /// the order written; nil when it is not one.
    static func attributeNames(ofEmptyTag tag: String) -> [String]? {
        var scanner = FragmentScanner(Array(tag.utf8))
        return scanner.attributeNamesOfEmptyTag()
    }
}

extension TranslationUnit {
    /// The text of the variant in `language` without TMX inline markup: what matching,
    /// search and checks should compare. Nil when the unit has no such variant.
    public func plainText(_ language: Language) -> String? {
        guard let text = variants[language]?.text else { return nil }
        guard TMXInlineMarkup.languages(of: self).contains(language.code) else { return text }
        return TMXInlineMarkup.plainText(ofFragment: text) ?? text
    }
}

/// Reads the small XML fragments of stored `<seg>` contents: tags with quoted attributes,
/// character data, the five predefined entities and character references.
private struct FragmentScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func attributeNamesOfEmptyTag() -> [String]? {
        guard Self.holdsOnlyXMLCharacters(bytes), bytes.first == UInt8(ascii: "<"),
            let tag = tag(), tag.empty, index == bytes.count
        else { return nil }
        return tag.attributes.map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func plainText() -> String? {
        guard Self.holdsOnlyXMLCharacters(bytes) else { return nil }
        var out: [UInt8] = []
        var open: [ArraySlice<UInt8>] = []
        var codeDepth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                guard let tag = tag() else { return nil }
                // Elements whose content is native code, not text of the sentence.
                let isCode =
                    tag.name.withUnsafeBufferPointer { TMXElementKind(bytes: $0) } == .code
                if tag.closing {
                    guard open.last == tag.name else { return nil }
                    open.removeLast()
                    if isCode { codeDepth -= 1 }
                } else if !tag.empty {
                    open.append(tag.name)
                    if isCode { codeDepth += 1 }
                }
            } else if byte == UInt8(ascii: "&") {
                guard let scalar = reference() else { return nil }
                if codeDepth == 0 { out.append(contentsOf: Array(String(scalar).utf8)) }
            } else {
                if codeDepth == 0 { out.append(byte) }
                index += 1
            }
        }
        guard open.isEmpty else { return nil }
        return String(validating: out, as: UTF8.self)
    }

    /// A start, end or empty tag at `index` (which is on `<`), with the names of its
    /// attributes: each a name, `=` and a quoted value without `<` whose references are known,
    /// set off by white space, none twice.
    private mutating func tag() -> (
        name: ArraySlice<UInt8>, closing: Bool, empty: Bool, attributes: [ArraySlice<UInt8>]
    )? {
        index += 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        guard let name = readName() else { return nil }
        var attributes: [ArraySlice<UInt8>] = []
        while true {
            let spaced = skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: ">"):
                index += 1
                return (name, closing, false, attributes)
            case UInt8(ascii: "/") where !closing:
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else {
                    return nil
                }
                index += 2
                return (name, false, true, attributes)
            default:
                guard !closing, spaced, let attribute = readName(), !attributes.contains(attribute)
                else { return nil }
                attributes.append(attribute)
                _ = skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
                index += 1
                _ = skipSpace()
                guard index < bytes.count,
                    bytes[index] == UInt8(ascii: "\"")
                        || bytes[index] == UInt8(ascii: "'")
                else { return nil }
                let quote = bytes[index]
                index += 1
                while index < bytes.count, bytes[index] != quote {
                    switch bytes[index] {
                    case UInt8(ascii: "<"): return nil
                    case UInt8(ascii: "&"): guard reference() != nil else { return nil }
                    default: index += 1
                    }
                }
                guard index < bytes.count else { return nil }
                index += 1
            }
        }
    }

    /// A name at `index`: a letter, `_`, `:` or a byte of a longer character, then those,
    /// digits, `-` and `.`.
    private mutating func readName() -> ArraySlice<UInt8>? {
        guard index < bytes.count, Self.isNameByte(bytes[index]),
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]),
            bytes[index] != UInt8(ascii: "-"), bytes[index] != UInt8(ascii: ".")
        else { return nil }
        let start = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        return bytes[start..<index]
    }

    /// Passes over white space at `index`; whether there was any.
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index > start
            }
        }
        return index > start
    }

    /// The character of an entity or character reference at `index` (which is on `&`).
    private mutating func reference() -> Unicode.Scalar? {
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")), end - index <= 12
        else { return nil }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let value: UInt32?
            if name.hasPrefix("#x") {
                value = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst(), radix: 10)
            } else {
                value = nil
            }
            guard let scalar = value.flatMap(Unicode.Scalar.init), Self.isXMLCharacter(scalar)
            else { return nil }
            return scalar
        }
    }

    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xFFFD, 0x10000...: true
        default: false
        }
    }

    /// Whether the UTF-8 bytes hold no character XML 1.0 forbids (C0 controls but tab, line
    /// feed and carriage return; U+FFFE, U+FFFF).
    private static func holdsOnlyXMLCharacters(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF,
                bytes[index + 2] >= 0xBE
            {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF:
            true
        default: false
        }
    }
}
