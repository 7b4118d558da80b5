#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes of a user's file into text, or says exactly where and why it cannot.
public enum TextInput {
    public struct DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            case invalidUTF8(byte: UInt8)
            case binary
            case invalidUTF16
        }

        public let reason: Reason
        /// 1-based line and column (in characters) of the offending byte.
        public let line: Int
        public let column: Int

        public init(reason: Reason, line: Int, column: Int) {
            self.reason = reason
            self.line = line
            self.column = column
        }

        public var description: String {
            switch reason {
            case .invalidUTF8(let byte):
                let hex = String(byte, radix: 16, uppercase: true)
                return
                    "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save the file as UTF-8"
            case .binary:
                return "binary data (a NUL byte), not text"
            case .invalidUTF16:
                return
                    "invalid UTF-16 (an unpaired surrogate or a cut-off last byte); save the file as UTF-8"
            }
        }
    }

    /// Decodes UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark.
    /// Rejects NUL bytes, which only binary files contain, and any invalid UTF-8 sequence,
    /// reporting the line and column where it starts.
    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> String {
        if bytes.count >= 2
            && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let string = String(validating: body, as: UTF8.self) {
            if let nul = string.utf8.firstIndex(of: 0) {
                let (line, column) = position(
                    of: string.utf8.distance(from: string.utf8.startIndex, to: nul), in: body)
                throw DecodingError(reason: .binary, line: line, column: column)
            }
            return string
        }
        let bad = firstInvalidUTF8(body)
        let (line, column) = position(of: bad, in: body)
        if body.prefix(bad).contains(0) {
            let nul = body.firstIndex(of: 0)! - body.startIndex
            let (l, c) = position(of: nul, in: body)
            throw DecodingError(reason: .binary, line: l, column: c)
        }
        throw DecodingError(
            reason: .invalidUTF8(byte: body[body.startIndex + bad]), line: line, column: column)
    }

    private static func decodeUTF16(
        _ bytes: [UInt8], bigEndian: Bool
    ) throws(DecodingError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var line = 1
        var column = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s.value == 0 { throw DecodingError(reason: .binary, line: line, column: column) }
                scalars.append(s)
                if s == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput: break loop
            case .error: throw DecodingError(reason: .invalidUTF16, line: line, column: column)
            }
        }
        if bytes.count % 2 == 1 {
            throw DecodingError(reason: .invalidUTF16, line: line, column: column)
        }
        return String(scalars)
    }

    /// Byte offset of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (counted in characters decoded so far) of a byte offset.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        let end = bytes.startIndex + offset
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
