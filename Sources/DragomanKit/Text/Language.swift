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

    public var description: String { code }

    /// Whether the language has Dragoman's own segmentation and case rules.
    public var hasOwnRules: Bool { self == .english || self == .turkish || self == .german }

    /// Turkish and Azerbaijani map I/ı and İ/i as separate letter pairs.
    var isTurkic: Bool { code == "tr" || code == "az" }
}
