/// Whether bytes are well-formed UTF-8, checked as `String` checks them when it repairs text.
///
/// Text read from a memory's columns goes into an export as bytes, without a `String` made
/// for it; a column that is not UTF-8 (a store written by other software) must still come out
/// as the repaired string would, so each text is checked, eight ASCII bytes at a time.
enum UTF8Validation {
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        nextNonASCII(bytes, from: 0) == bytes.count
    }

    /// Whether `bytes` are UTF-8 by the Unicode standard's table of well-formed sequences: no
    /// overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = nextNonASCII(bytes, from: 0)
        while index < count {
            let lead = bytes[index]
            // Two-byte letters (ç, ş, ğ, ı, ö, ü, ä, ß) are most of what is not ASCII here.
            if lead >= 0xC2 && lead <= 0xDF {
                guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
                if index < count && bytes[index] < 0x80 { index = nextNonASCII(bytes, from: index) }
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0x00..<0x80:
                index += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
                return false
            }
            index = nextNonASCII(bytes, from: index + length)
        }
        return true
    }

    /// The index of the first byte at or after `start` above 0x7F, or the count.
    @inline(__always)
    private static func nextNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let marks = UInt64(littleEndian: word) & 0x8080_8080_8080_8080
            if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count && base[index] < 0x80 { index += 1 }
        return index
    }
}
