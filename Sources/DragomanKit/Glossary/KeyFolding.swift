/// Per-scalar match keys and character classes for glossary matching.
///
/// The scanner must produce, scalar by scalar and without building strings, the same keys as
/// ``MatchKey/make(_:)``: Latin letters up to U+024F come from a table built with `MatchKey`
/// itself; other letters are folded one at a time through `MatchKey` and cached.
struct KeyFolding {
    enum Kind: UInt8 {
        /// Letters, digits and combining marks: the stuff of words.
        case word
        /// An apostrophe, which joins two words into one token (`İzmir'de`).
        case apostrophe
        case space
        /// Punctuation and symbols: one token each.
        case other
    }

    /// The key of one scalar: none (a combining mark), one letter, or up to three (æ → ae).
    struct Folded {
        var kind: Kind
        var count: UInt8
        var first: UInt32
        var second: UInt32
        var third: UInt32

        init(_ kind: Kind, _ key: [UInt32]) {
            self.kind = kind
            count = UInt8(min(key.count, 3))
            first = key.count > 0 ? key[0] : 0
            second = key.count > 1 ? key[1] : 0
            third = key.count > 2 ? key[2] : 0
        }

        @inline(__always)
        init(ascii kind: Kind, _ value: UInt32) {
            self.kind = kind
            count = kind == .space ? 0 : 1
            first = value
            second = 0
            third = 0
        }

        var scalars: [UInt32] { Array([first, second, third].prefix(Int(count))) }
    }

    /// Kind and key of each scalar below U+0250.
    private static let table: [Folded] = (0..<0x250).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        let kind = classify(scalar)
        return Folded(
            kind,
            kind == .apostrophe ? [0x27] : MatchKey.make(String(scalar)).unicodeScalars.map(\.value)
        )
    }

    private static func classify(_ scalar: Unicode.Scalar) -> Kind {
        switch scalar.value {
        case 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032: return .apostrophe
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F { return .space }
        if properties.isAlphabetic || properties.numericType != nil { return .word }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .word
        case .format: return .space
        default: return .other
        }
    }

    private var cache: [UInt32: Folded] = [:]

    /// The kind of a scalar and its key scalars.
    @inline(__always)
    mutating func fold(_ scalar: Unicode.Scalar) -> Folded {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x61...0x7A, 0x30...0x39: return Folded(ascii: .word, value)
            case 0x41...0x5A: return Folded(ascii: .word, value + 0x20)
            case 0x20, 0x09...0x0D: return Folded(ascii: .space, 0)
            case 0x27, 0x60: return Folded(ascii: .apostrophe, 0x27)
            default:
                if value < 0x20 || value == 0x7F { return Folded(ascii: .space, 0) }
                return Folded(ascii: .other, value)
            }
        }
        if value < 0x250 { return Self.table[Int(value)] }
        if let cached = cache[value] { return cached }
        let kind = Self.classify(scalar)
        let folded = Folded(
            kind,
            kind == .apostrophe ? [0x27] : MatchKey.make(String(scalar)).unicodeScalars.map(\.value)
        )
        cache[value] = folded
        return folded
    }

    /// Whether a scalar is an upper-case or title-case letter.
    @inline(__always)
    static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
            || scalar.properties.generalCategory == .titlecaseLetter
    }
}

/// A token of a term or phrase, cut with the same rules as running text.
struct KeyToken {
    var key: [UInt32]
    /// The token as written.
    var text: String
    var isWord: Bool

    var keyString: String {
        var view = String.UnicodeScalarView()
        for value in key { view.append(Unicode.Scalar(value)!) }
        return String(view)
    }

    /// Cuts a term into tokens: words (with inner apostrophes) and single punctuation marks.
    static func tokens(_ text: String, folding: inout KeyFolding) -> [KeyToken] {
        var tokens: [KeyToken] = []
        var current: KeyToken? = nil
        var pendingApostrophe = false
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let folded = folding.fold(scalar)
            let key = folded.scalars
            let kind = folded.kind
            switch kind {
            case .word:
                if current == nil { current = KeyToken(key: [], text: "", isWord: true) }
                if pendingApostrophe {
                    current!.key.append(0x27)
                    current!.text.unicodeScalars.append(scalars[index - 1])
                    pendingApostrophe = false
                }
                current!.key += key
                current!.text.unicodeScalars.append(scalar)
            case .apostrophe where current != nil && !pendingApostrophe:
                pendingApostrophe = true
            default:
                if let word = current { tokens.append(word) }
                current = nil
                if pendingApostrophe {
                    tokens.append(KeyToken(key: [0x27], text: "'", isWord: false))
                    pendingApostrophe = false
                }
                if kind == .other || kind == .apostrophe {
                    tokens.append(KeyToken(key: key, text: String(scalar), isWord: false))
                }
            }
        }
        if let word = current { tokens.append(word) }
        if pendingApostrophe { tokens.append(KeyToken(key: [0x27], text: "'", isWord: false)) }
        return tokens
    }
}

extension KeyFolding {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
