/// The name of an XML document's root element, read from the first bytes of the document.
///
/// Input without a name to tell its format by (standard input) is told by its root:
/// `<tmx>` or `<xliff>`. Only the start of the document is looked at, so the rest can still be
/// streamed to the reader of the format found.
public enum XMLRootElement {
    /// What the first bytes of a document say about its root element.
    public enum Sniff: Sendable, Hashable {
        /// The local name of the root element (`xliff` for `<x:xliff>`).
        case found(String)
        /// The bytes end before the root element's name does: read more.
        case needMore
        /// The bytes are not the start of an XML document.
        case notXML
    }

    /// Reads past a byte-order mark, the XML declaration, comments, processing instructions
    /// and a DOCTYPE (internal subset included) to the root element's name. UTF-16 with a
    /// byte-order mark is read by dropping its zero bytes, which keeps ASCII names intact.
    public static func sniff(_ head: some Collection<UInt8>) -> Sniff {
        var bytes = Array(head)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            bytes = bytes.dropFirst(2).filter { $0 != 0 }
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        var index = 0
        func skip(past terminator: String) -> Bool {
            let end = Array(terminator.utf8)
            while index + end.count <= bytes.count {
                if bytes[index..<(index + end.count)].elementsEqual(end) {
                    index += end.count
                    return true
                }
                index += 1
            }
            return false
        }
        while true {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            guard index < bytes.count else { return .needMore }
            guard bytes[index] == UInt8(ascii: "<") else { return .notXML }
            let rest = bytes[index...]
            if rest.starts(with: Array("<?".utf8)) {
                guard skip(past: "?>") else { return .needMore }
            } else if rest.starts(with: Array("<!--".utf8)) {
                guard skip(past: "-->") else { return .needMore }
            } else if rest.starts(with: Array("<!".utf8)) {
                guard skipDeclaration(bytes, &index) else { return .needMore }
            } else {
                return name(bytes, after: index)
            }
        }
    }

    /// Skips `<!DOCTYPE … [ … ]>`: quoted strings and the internal subset may hold `>`.
    private static func skipDeclaration(_ bytes: [UInt8], _ index: inout Int) -> Bool {
        var position = index + 2
        var depth = 0
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0:
                index = position
                return true
            default: break
            }
        }
        return false
    }

    private static func name(_ bytes: [UInt8], after index: Int) -> Sniff {
        var end = index + 1
        while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
        guard end < bytes.count else { return .needMore }
        guard end > index + 1 else { return .notXML }
        let qualified = bytes[(index + 1)..<end]
        let local = qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] }
        return .found(String(decoding: local ?? qualified, as: UTF8.self))
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"): true
        default: false
        }
    }
}
