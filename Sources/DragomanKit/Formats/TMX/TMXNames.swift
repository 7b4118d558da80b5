/// The names under which TMX structure is kept in a unit, and the props Dragoman writes.
///
/// Unit properties whose names start with `tmx:` hold what the unit model has no field for,
/// so that a TMX file read into a memory and written out again keeps every variant, language
/// tag, prop and note. The writer turns them back into TMX structure and never writes them as
/// `<prop>`s. Props whose types start with `x-dragoman-` carry the unit's own fields.
public enum TMXNames {
    /// Prefix of the unit properties that hold TMX structure.
    public static let structurePrefix = "tmx:"

    /// The language tag as written in the file (`tr-TR`, `EN-US`) when it is not the plain
    /// language code.
    public static func languageTag(_ language: Language) -> String { "tmx:lang:" + language.code }

    /// The `<prop>` and `<note>` elements of a `<tuv>`, written as an XML fragment.
    public static func variantMetadata(_ language: Language) -> String {
        "tmx:tuv:" + language.code
    }

    /// A further `<tuv>` in a language the unit already has (a second `FR-CA`, an `en-GB`
    /// beside `en-US`), written as XML; numbered from 1 in file order.
    public static func extraVariant(_ number: Int) -> String { "tmx:extra:\(number)" }
    static let extraVariantPrefix = "tmx:extra:"

    /// The attributes of the `<tu>` the unit has no field for (`creationid`, `changeid`,
    /// `usagecount`, `lastusagedate`, `o-encoding`, ...), written as in its start tag:
    /// ` creationid="ys" usagecount="3"`.
    public static let unitAttributes = "tmx:tu"

    /// The attributes of a `<tuv>` other than its language (its own dates, `creationid`,
    /// `changeid`, ...), written as in its start tag.
    public static func variantAttributes(_ language: Language) -> String {
        "tmx:tuv-attributes:" + language.code
    }

    /// The attributes of the unit's `number`-th `<note>` (from 1): `xml:lang`, `o-encoding`.
    public static func noteAttributes(_ number: Int) -> String { "tmx:note:\(number)" }

    /// The attributes other than `type` of the `<prop>` kept as the property `name`.
    public static func propAttributes(_ name: String) -> String { "tmx:prop:" + name }

    /// The type under which a header's `<ude>` (user-defined encoding, with its `<map>`s) is
    /// kept among the header's props, as XML.
    public static let userDefinedEncoding = "tmx:ude"

    /// A TU prop whose type repeats is stored as `type#2`, `type#3`, ...: unit properties are
    /// keyed by name.
    static let repeatMark: Character = "#"

    static let origin = "x-dragoman-origin"
    static let document = "x-dragoman-document"
    static let url = "x-dragoman-url"
    static let date = "x-dragoman-date"
    static let title = "x-dragoman-title"
    static let alignmentScore = "x-dragoman-alignment-score"
    static let flagged = "x-dragoman-flagged"
    /// On a `<tuv>`: where the text stands in its source file, `START END FILE`.
    static let span = "x-dragoman-span"
}
