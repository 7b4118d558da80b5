/// Attributes as they stand in a start tag, ` name="value"` each: the form in which the
/// reader keeps the attributes of a `<tu>`, `<tuv>`, `<note>` or `<prop>` that a unit has no
/// field for (see ``TMXNames``), and the writer puts them back.
///
/// Stored text may have been changed since it was read, so the writer checks it before it
/// goes into a file: a broken attribute would make the whole file unreadable.
enum XMLAttributeText {
    /// Whether `text` is one or more well-formed attributes with double-quoted values, none
    /// named twice, none a namespace declaration and none of the names in `besides` (those
    /// the tag has already).
    static func isValid(_ text: String, besides reserved: [String]) -> Bool {
        var names: [String] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            // Whitespace, then a name.
            let spaceStart = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index > spaceStart, index < bytes.count, isNameStart(bytes[index]) else {
                return false
            }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            guard !names.contains(name), !reserved.contains(name), name != "xmlns",
                !name.hasPrefix("xmlns:")
            else { return false }
            names.append(name)
            // ="value"
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="),
                bytes[index + 1] == UInt8(ascii: "\"")
            else { return false }
            index += 2
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                switch bytes[index] {
                case UInt8(ascii: "<"), 0x00..<0x20: return false
                case UInt8(ascii: "&"):
                    guard let end = referenceEnd(bytes, from: index) else { return false }
                    index = end
                    continue
                case 0xEF
                where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && bytes[index + 2] >= 0xBE:
                    return false  // U+FFFE and U+FFFF
                default: break
                }
                index += 1
            }
            guard index < bytes.count else { return false }
            index += 1  // the closing quote
        }
        return !names.isEmpty
    }

    /// The index after the entity or character reference at `start` (`&amp;`, `&#10;`,
    /// `&#x9;`), or nil when there is none: only XML's own five entities are known.
    private static func referenceEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard let semicolon = bytes[start...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
            return nil
        }
        let body = bytes[(start + 1)..<semicolon]
        switch String(decoding: body, as: UTF8.self) {
        case "amp", "lt", "gt", "quot", "apos": return semicolon + 1
        default: break
        }
        guard body.first == UInt8(ascii: "#"), body.count >= 2 else { return nil }
        let digits = body.dropFirst()
        let value: UInt32?
        if digits.first == UInt8(ascii: "x") {
            value = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
        } else {
            value = UInt32(String(decoding: digits, as: UTF8.self), radix: 10)
        }
        guard let value, isXMLCharacter(value) else { return nil }
        return semicolon + 1
    }

    /// XML 1.0's Char production.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A name starts with a letter, `_` or `:`; a byte of a multi-byte character is taken as
    /// a letter (names of other scripts).
    private static func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"), UInt8(ascii: ":"), 0x80...:
            true
        default: false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }
}
