/// A language, identified by the primary subtag of a BCP 47 tag (`tr-TR` is `tr`).
///
/// Turkish, English and German get Dragoman's own rules; any other language is accepted and
/// handled with ICU's language-neutral (or ICU's own per-locale) behaviour.
public struct Language: Hashable, Sendable, CustomStringConvertible {
    /// The lower-case primary subtag: `tr`, `en`, `de`, `fr`, ...
    public let code: String

    public static let english = Language(validCode: "en")
    public static let turkish = Language(validCode: "tr")
    public static let german = Language(validCode: "de")

    private init(validCode: String) { code = validCode }

    /// Accepts `tr`, `TR`, `tr-TR`, `tr_TR`, `de-AT`, `en-Latn-GB`; returns nil for anything
    /// that is not a BCP 47 language tag.
    public init?(tag: String) {
        if let code = Self.plainCode(tag) {
            self.code = code
            return
        }
        let primary =
            tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        let rest = tag.dropFirst(primary.count)
        guard
            rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            )
        else { return nil }
        code = primary.lowercased()
    }

    /// The code of a tag in the usual shape (ASCII letters, then subtags), read byte by byte:
    /// file readers meet a tag per element. Nil sends the tag to the general reading.
    private static func plainCode(_ tag: String) -> String? {
        var primary = 0
        var lowercase = true
        var inPrimary = true
        for byte in tag.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z") where inPrimary: primary += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where inPrimary:
                primary += 1
                lowercase = false
            case UInt8(ascii: "-"), UInt8(ascii: "_"): inPrimary = false
            case _ where inPrimary: return nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            default: return nil
            }
        }
        guard (2...3).contains(primary) else { return nil }
        let code = String(decoding: tag.utf8.prefix(primary), as: UTF8.self)
        return lowercase ? code : code.lowercased()
    }

    public var description: String { code }

    /// The code's bytes hashed as one integer: a code is two or three ASCII letters, and a
    /// word hashes faster than a string. Units key their variants and titles by language, so
    /// every unit read or stored hashes several.
    public func hash(into hasher: inout Hasher) {
        var packed: UInt64 = 0
        for byte in code.utf8 { packed = packed << 8 | UInt64(byte) }
        hasher.combine(packed)
    }

    /// Whether the language has Dragoman's own segmentation and case rules.
    public var hasOwnRules: Bool { self == .english || self == .turkish || self == .german }

    /// Turkish and Azerbaijani map I/ı and İ/i as separate letter pairs.
    var isTurkic: Bool { code == "tr" || code == "az" }
}
