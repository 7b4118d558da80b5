/// Appends text to XML output, escaped for character data or attribute values.
///
/// Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
/// return; U+FFFE and U+FFFF) are left out and counted, so the output is always well-formed.
/// Carriage returns, and in attributes tabs and line feeds, are written as character
/// references: a parser would otherwise normalize them away.
///
/// Text is copied run by run: the bytes that need no escaping are found eight at a time and
/// appended in one go, since nearly all of a text is such bytes and an append per byte cost a
/// fifth of an export.
struct XMLEscaping {
    /// Characters left out since this value was made.
    private(set) var droppedCharacters = 0

    /// The most bytes one input byte can become (`&quot;`): room for escaping `n` bytes is
    /// `n * maximumGrowth`.
    static let maximumGrowth = 6

    mutating func append(_ text: String, attribute: Bool = false, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, attribute: attribute, to: &out) }
    }

    /// Appends UTF-8 `bytes`, escaped.
    mutating func append(
        _ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool = false, to out: inout [UInt8]
    ) {
        var sink = ArraySink(array: out)
        out = []
        escape(bytes, attribute: attribute, to: &sink)
        out = sink.array
    }

    /// Writes UTF-8 `bytes`, escaped, at `target`, which has room for
    /// `bytes.count * maximumGrowth` bytes; returns the number of bytes written.
    mutating func write(
        _ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, to target: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var sink = PointerSink(base: target)
        escape(bytes, attribute: attribute, to: &sink)
        return sink.count
    }

    @inline(__always)
    private mutating func escape<Sink: EscapedBytesSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, attribute: Bool, to sink: inout Sink
    ) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var start = 0
        while start < count {
            let special = Self.nextSpecial(base, from: start, count: count, attribute: attribute)
            if special > start { sink.append(base + start, count: special - start) }
            guard special < count else { return }
            let byte = base[special]
            start = special + 1
            switch byte {
            case UInt8(ascii: "&"): sink.append(Self.amp)
            case UInt8(ascii: "<"): sink.append(Self.lt)
            case UInt8(ascii: ">"): sink.append(Self.gt)
            case UInt8(ascii: "\"") where attribute: sink.append(Self.quot)
            case 0x0D: sink.append(Self.cr)
            case 0x09 where attribute: sink.append(Self.tab)
            case 0x0A where attribute: sink.append(Self.lf)
            case 0x09, 0x0A: sink.append(base + special, count: 1)
            case 0x00..<0x20: droppedCharacters += 1
            case 0xEF where start + 1 < count && base[start] == 0xBF && base[start + 1] >= 0xBE:
                // U+FFFE and U+FFFF, not characters in XML.
                droppedCharacters += 1
                start += 2
            default: sink.append(base + special, count: 1)
            }
        }
    }

    /// The index of the first byte at or after `start` that may need escaping or leaving out
    /// (`&`, `<`, `>`, in attributes `"`, C0 controls, and 0xEF, which starts U+FFFE and
    /// U+FFFF), or `count`.
    ///
    /// Eight bytes are tested at once: a byte equal to `c` is a zero byte of `word ^ c`, and
    /// `(x - 0x01…) & ~x & 0x80…` marks zero bytes (with `0x20…`, bytes below 0x20). A mark
    /// can be wrong only above a true one, so the lowest mark is the first such byte.
    @inline(__always)
    static func nextSpecial(
        _ base: UnsafePointer<UInt8>, from start: Int, count: Int, attribute: Bool
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote: UInt64 = attribute ? ones &* 0x22 : ones &* 0x26
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= count {
            let word = UInt64(
                littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let marks =
                ((word &- ones &* 0x20) & ~word & highs) | zeros(word ^ (ones &* 0x26))
                | zeros(word ^ (ones &* 0x3C)) | zeros(word ^ (ones &* 0x3E))
                | zeros(word ^ (ones &* 0xEF)) | zeros(word ^ quote)
            if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == 0xEF
                || (attribute && byte == UInt8(ascii: "\""))
            {
                return index
            }
            index += 1
        }
        return count
    }

    private static let amp: StaticString = "&amp;"
    private static let lt: StaticString = "&lt;"
    private static let gt: StaticString = "&gt;"
    private static let quot: StaticString = "&quot;"
    private static let cr: StaticString = "&#13;"
    private static let tab: StaticString = "&#9;"
    private static let lf: StaticString = "&#10;"

    /// `text` escaped as character data, as a string.
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var escaping = XMLEscaping()
        var out: [UInt8] = []
        escaping.append(text, attribute: attribute, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where escaped bytes go: an array, or memory the caller has made room in.
private protocol EscapedBytesSink {
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int)
}

extension EscapedBytesSink {
    @inline(__always)
    mutating func append(_ string: StaticString) {
        append(string.utf8Start, count: string.utf8CodeUnitCount)
    }
}

private struct ArraySink: EscapedBytesSink {
    var array: [UInt8]

    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        array.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }
}

private struct PointerSink: EscapedBytesSink {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        (base + self.count).update(from: bytes, count: count)
        self.count += count
    }
}
