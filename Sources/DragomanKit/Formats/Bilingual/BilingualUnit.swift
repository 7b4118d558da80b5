/// One source segment and its translation, as a bilingual file from a CAT tool holds it.
///
/// `source` and `target` are plain text, the sentence a check or a match compares: inline
/// codes (tags, placeholders) are left out and the text inside paired markup is kept. The
/// markup fields keep the content as written, for showing a finding in its context.
public struct BilingualUnit: Sendable, Hashable {
    /// The unit's id in its file; a segment of a unit adds `#` and the segment's id.
    public var id: String
    public var source: String
    /// Nil when the file has no translation for the unit yet.
    public var target: String?
    /// The source as an XML fragment with its inline elements; nil when it has none.
    public var sourceMarkup: String?
    /// The target as an XML fragment with its inline elements; nil when it has none.
    public var targetMarkup: String?
    /// The notes of the unit, one per line.
    public var note: String?
    /// The 1-based line of the unit (or of the segment) in the file.
    public var line: Int
    /// The state the file gives the translation (`translated`, `final`, `needs-review-
    /// translation` ...), as written.
    public var state: String?
    /// False for units the file marks as not to be translated (`translate="no"`): a check
    /// expects their target to equal the source, or no target at all.
    public var translatable: Bool
    /// The file within the document the unit belongs to: XLIFF 1.2 `original`, XLIFF 2.0
    /// `<file id>`.
    public var file: String?

    public init(
        id: String, source: String, target: String? = nil, sourceMarkup: String? = nil,
        targetMarkup: String? = nil, note: String? = nil, line: Int, state: String? = nil,
        translatable: Bool = true, file: String? = nil
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.sourceMarkup = sourceMarkup
        self.targetMarkup = targetMarkup
        self.note = note
        self.line = line
        self.state = state
        self.translatable = translatable
        self.file = file
    }
}
