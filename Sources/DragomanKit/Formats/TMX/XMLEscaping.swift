/// Appends text to XML output, escaped for character data or attribute values.
///
/// Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
/// return; U+FFFE and U+FFFF) are left out and counted, so the output is always well-formed.
/// Carriage returns, and in attributes tabs and line feeds, are written as character
/// references: a parser would otherwise normalize them away.
struct XMLEscaping {
    /// Characters left out since this value was made.
    private(set) var droppedCharacters = 0

    mutating func append(_ text: String, attribute: Bool = false, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, attribute: attribute, to: &out) }
    }

    /// Appends UTF-8 `bytes`, escaped.
    mutating func append(
        _ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool = false, to out: inout [UInt8]
    ) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
            case UInt8(ascii: "<"): out.append(contentsOf: Self.lt)
            case UInt8(ascii: ">"): out.append(contentsOf: Self.gt)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: Self.quot)
            case 0x0D: out.append(contentsOf: Self.cr)
            case 0x09 where attribute: out.append(contentsOf: Self.tab)
            case 0x0A where attribute: out.append(contentsOf: Self.lf)
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20: droppedCharacters += 1
            case 0xEF
            where index + 1 < count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                // U+FFFE and U+FFFF, not characters in XML.
                droppedCharacters += 1
                index += 2
            default: out.append(byte)
            }
        }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let cr = Array("&#13;".utf8)
    private static let tab = Array("&#9;".utf8)
    private static let lf = Array("&#10;".utf8)

    /// `text` escaped as character data, as a string.
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var escaping = XMLEscaping()
        var out: [UInt8] = []
        escaping.append(text, attribute: attribute, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
