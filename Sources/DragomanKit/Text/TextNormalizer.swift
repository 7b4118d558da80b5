/// Cleans text for storage and comparison without changing what a reader sees.
///
/// - Unicode normalization: NFC by default (NFKC on request, which also folds ligatures,
///   full-width forms and superscripts).
/// - Whitespace: runs of spaces, tabs and no-break spaces (U+00A0, U+202F, U+2007 and the
///   other Unicode space separators) become one space; leading and trailing whitespace goes.
///   Line breaks are kept as single `\n` (blank lines as `\n\n`) when `keepLineBreaks` is set,
///   and become spaces otherwise.
/// - Invisible characters: control characters, soft hyphens, zero-width spaces, word joiners
///   and byte-order marks are removed. Zero-width (non-)joiners stay: some scripts need them.
/// - Quotes and apostrophes are left as written; ``MatchKey`` unifies them for search.
public struct TextNormalizer: Sendable {
    public enum Form: Sendable { case nfc, nfkc }

    public var form: Form
    public var keepLineBreaks: Bool

    public init(form: Form = .nfc, keepLineBreaks: Bool = false) {
        self.form = form
        self.keepLineBreaks = keepLineBreaks
    }

    public func normalize(_ text: String) -> String {
        if Self.isClean(text) {
            return form == .nfc
                ? ICUStrings.normalize(text, form: .nfc) : ICUStrings.normalize(text, form: .nfkc)
        }
        let composed = ICUStrings.normalize(text, form: form == .nfc ? .nfc : .nfkc)
        // Built as UTF-8 bytes and made a string once: appending scalar by scalar to a
        // string's scalar view cost hundreds of instructions a scalar.
        var out: [UInt8] = []
        out.reserveCapacity(composed.utf8.count)
        var last: Unicode.Scalar?
        var pendingSpace = false
        var pendingNewlines = 0
        for scalar in composed.unicodeScalars {
            if Self.isRemoved(scalar) { continue }
            if Self.isLineBreak(scalar) {
                // CR LF counts once; any other run of line breaks is a paragraph break.
                if scalar == "\n", last == "\r" { continue }
                pendingNewlines += 1
                continue
            }
            if Self.isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if !out.isEmpty {
                if pendingNewlines > 0 && keepLineBreaks {
                    out.append(0x0A)
                    if pendingNewlines > 1 { out.append(0x0A) }
                } else if pendingNewlines > 0 || pendingSpace {
                    out.append(0x20)
                }
            }
            pendingSpace = false
            pendingNewlines = 0
            out.append(contentsOf: scalar.utf8)
            last = scalar
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has nothing this normalizer would change but possibly its Unicode form:
    /// no control or invisible characters, no line breaks, no special spaces, and single
    /// spaces only between words. Most sentences are; they skip the scalar-by-scalar pass.
    static func isClean(_ text: String) -> Bool {
        if let clean = text.utf8.withContiguousStorageIfAvailable(isClean(utf8:)) { return clean }
        return Array(text.utf8).withUnsafeBufferPointer(isClean(utf8:))
    }

    /// ``isClean(_:)`` on UTF-8 bytes. Runs of ASCII, most of the text in these languages,
    /// are checked eight bytes at a time: on a million-unit import this check ran for every
    /// variant and cost as much as the match keys.
    static func isClean(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0, let start = bytes.baseAddress else { return true }
        guard bytes[0] != 0x20, bytes[count - 1] != 0x20 else { return false }
        let raw = UnsafeRawPointer(start)
        var previous: UInt8 = 0
        var lead: (UInt8, UInt8) = (0, 0)
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UInt64(
                    littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0 {
                    // Bytes below 0x80 do not carry into their neighbours here: adding 0x60
                    // sets the high bit of every byte from 0x20 on.
                    let control = ~(word &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
                    let delete = zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
                    let spaces = zeroBytes(word ^ 0x2020_2020_2020_2020)
                    // A space after a space, within the word or across its first byte.
                    let doubled = spaces & (spaces << 8 | (previous == 0x20 ? 0x80 : 0))
                    if control | delete | doubled != 0 { return false }
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    lead = (0, 0)
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            defer {
                lead = (lead.1, byte)
                previous = byte
                index += 1
            }
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == 0x20 && previous == 0x20 { return false }
            if byte < 0x80 { continue }
            switch (lead.0, lead.1, byte) {
            // C2 80-C2 A0 (C1 controls, NEL, no-break space) and C2 AD (soft hyphen)
            case (_, 0xC2, 0x80...0xA0), (_, 0xC2, 0xAD): return false
            // U+1680, U+180E, U+2000-U+200F, U+2028-U+202F, U+205F-U+2064, U+3000, U+FEFF
            case (0xE1, 0x9A, 0x80), (0xE1, 0xA0, 0x8E), (0xE2, 0x80, 0x80...0x8F),
                (0xE2, 0x80, 0xA8...0xAF), (0xE2, 0x81, 0x9F...0xA4), (0xE3, 0x80, 0x80),
                (0xEF, 0xBB, 0xBF):
                return false
            default: continue
            }
        }
        return true
    }

    /// The high bit set in exactly the bytes of `x` that are zero.
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~((x & low) &+ low | x | low)
    }

    /// Unicode's White_Space, without a property look-up for ASCII.
    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80
            ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func isRemoved(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x84, 0x86...0x9F: return true
        case 0x00AD, 0x200B, 0x2060, 0xFEFF, 0x180E: return true
        default: return false
        }
    }
}
