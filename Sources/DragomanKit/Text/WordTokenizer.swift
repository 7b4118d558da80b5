/// A word-level token with its kind and where it stands in the input.
public struct Token: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        /// Letters (with inner apostrophes, hyphens excluded: `İzmir'de`, `don't`).
        case word
        /// Digits, with inner separators: `1.250,5`, `3,50`, `17.45`.
        case number
        /// Punctuation: `.`, `,`, `„`, `(`, `-`.
        case punctuation
        /// Symbols: `%`, `€`, `+`, `©`. Signs that stand for a word (`%`, `‰`, `#`, `&`, `@`,
        /// `§`) count as symbols although Unicode files them under punctuation.
        case symbol
    }

    public let kind: Kind
    public let text: String
    /// Offsets in Unicode scalars of the input, end exclusive.
    public let start: Int
    public let end: Int
}

/// Splits text into word, number, punctuation and symbol tokens on ICU's word break rules
/// (UAX #29 with the language's tailoring). Whitespace is skipped.
public struct WordTokenizer: Sendable {
    public let language: Language
    private let prototype: BreakPrototype

    public init(language: Language) throws {
        self.language = language
        prototype = try BreakPrototype(kind: .word, locale: language.code)
    }

    public func tokens(in text: String) -> [Token] {
        guard !text.isEmpty else { return [] }
        let units = UTF16Text(text)
        guard let iterator = try? prototype.makeIterator(), (try? iterator.setText(units)) != nil
        else { return [] }
        var mapper = OffsetMapper(units)
        var result: [Token] = []
        let utf8 = text.utf8
        var previous = 0
        var previousScalar = 0
        var previousByte = 0
        while let boundary = iterator.next() {
            let status = iterator.ruleStatus
            mapper.advance(to: boundary)
            defer {
                previous = boundary
                previousScalar = mapper.scalars
                previousByte = mapper.utf8
            }
            let kind: Token.Kind
            switch status {
            case 100..<200: kind = .number
            case 200..<500: kind = .word
            default:
                let first = units[previous]
                if Self.isWhitespace(first) { continue }
                let scalar = Unicode.Scalar(first) ?? "\u{FFFD}"
                if Self.wordSigns.contains(scalar) {
                    kind = .symbol
                } else {
                    switch scalar.properties.generalCategory {
                    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: kind = .symbol
                    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter,
                        .modifierLetter:
                        kind = .word
                    case .decimalNumber, .letterNumber, .otherNumber: kind = .number
                    default: kind = .punctuation
                    }
                }
            }
            let lower = utf8.index(utf8.startIndex, offsetBy: previousByte)
            let upper = utf8.index(utf8.startIndex, offsetBy: mapper.utf8)
            result.append(
                Token(
                    kind: kind, text: String(text[lower..<upper]),
                    start: previousScalar, end: mapper.scalars))
        }
        return result
    }

    private static let wordSigns: Set<Unicode.Scalar> = [
        "%", "‰", "‱", "#", "&", "@", "§", "*", "†",
    ]

    static func isWhitespace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
            0x205F, 0x3000:
            true
        default: false
        }
    }
}
