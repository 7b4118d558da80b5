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
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingNewlines = 0
        for scalar in composed.unicodeScalars {
            if Self.isRemoved(scalar) { continue }
            if Self.isLineBreak(scalar) {
                // CR LF counts once; any other run of line breaks is a paragraph break.
                if scalar == "\n", out.last == "\r" { continue }
                pendingNewlines += 1
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if !out.isEmpty {
                if pendingNewlines > 0 && keepLineBreaks {
                    out.append("\n")
                    if pendingNewlines > 1 { out.append("\n") }
                } else if pendingNewlines > 0 || pendingSpace {
                    out.append(" ")
                }
            }
            pendingSpace = false
            pendingNewlines = 0
            out.append(scalar)
        }
        return String(out)
    }

    /// Whether `text` has nothing this normalizer would change but possibly its Unicode form:
    /// no control or invisible characters, no line breaks, no special spaces, and single
    /// spaces only between words. Most sentences are; they skip the scalar-by-scalar pass.
    static func isClean(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20 else {
            return text.isEmpty
        }
        var previous: UInt8 = 0
        var lead: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            defer {
                lead = (lead.1, byte)
                previous = byte
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
