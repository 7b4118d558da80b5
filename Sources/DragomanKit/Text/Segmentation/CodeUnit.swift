/// Character classes on UTF-16 code units, with an ASCII fast path. A surrogate (a scalar
/// outside the Basic Multilingual Plane) counts as a letter that is neither upper nor lower.
enum CodeUnit {
    static let space: UInt16 = 0x20
    static let period: UInt16 = 0x2E
    static let lineFeed: UInt16 = 0x0A
    static let carriageReturn: UInt16 = 0x0D

    @inline(__always) static func isNewline(_ u: UInt16) -> Bool {
        switch u {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Any whitespace, line breaks and no-break spaces included.
    @inline(__always) static func isWhite(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000:
            true
        default: false
        }
    }

    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    @inline(__always) static func isUpper(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isUppercase
    }

    @inline(__always) static func isLower(_ u: UInt16) -> Bool {
        if u < 0x80 { return u >= 0x61 && u <= 0x7A }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isLowercase
    }

    @inline(__always) static func isLetter(_ u: UInt16) -> Bool {
        if u < 0x80 { return (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A }
        guard let s = Unicode.Scalar(u) else { return true }
        return s.properties.isAlphabetic
    }

    /// Sentence-final punctuation: . ! ? … and their full-width and script forms.
    @inline(__always) static func isTerminator(_ u: UInt16) -> Bool {
        switch u {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x203D, 0x2047, 0x2048, 0x2049, 0x061F, 0x06D4,
            0x0964, 0x0965, 0x3002, 0xFF01, 0xFF0E, 0xFF1F, 0xFF61:
            true
        default: false
        }
    }

    /// Strong terminators: a question or exclamation mark, never an abbreviation.
    @inline(__always) static func isStrongTerminator(_ u: UInt16) -> Bool {
        isTerminator(u) && u != 0x2E && u != 0x2026 && u != 0xFF0E
    }

    /// Characters that may follow a sentence's final punctuation: closing quotes and brackets.
    @inline(__always) static func isCloser(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0x00BB, 0x00AB, 0x201C, 0x2018,
            0x203A, 0x2039, 0x300D, 0x300F:
            true
        default: false
        }
    }

    /// Characters that may open a sentence before its first word: quotes and brackets.
    @inline(__always) static func isOpener(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x201C, 0x201E, 0x00AB, 0x00BB, 0x2018, 0x201A,
            0x2039, 0x203A, 0x00BF, 0x00A1, 0x300C, 0x300E:
            true
        default: false
        }
    }

    @inline(__always) static func isQuote(_ u: UInt16) -> Bool {
        isOpener(u) && u != 0x28 && u != 0x5B && u != 0x7B && u != 0xBF && u != 0xA1
    }

    /// List bullets: • ‣ ⁃ ◦ ▪ ● ■ ▸ ►.
    @inline(__always) static func isBullet(_ u: UInt16) -> Bool {
        switch u {
        case 0x2022, 0x2023, 0x2043, 0x25E6, 0x25AA, 0x25CF, 0x25A0, 0x25B8, 0x25BA: true
        default: false
        }
    }

    /// Dashes and minus signs that may open a range ("1. -3. Jahrhundert").
    @inline(__always) static func isDash(_ u: UInt16) -> Bool {
        u == 0x2D || (u >= 0x2010 && u <= 0x2015) || u == 0x2212
    }
}
