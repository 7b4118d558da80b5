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
