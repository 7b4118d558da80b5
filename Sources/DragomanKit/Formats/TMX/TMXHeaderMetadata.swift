/// The `<prop>`, `<note>` and `<ude>` elements of a TMX file's `<header>`: what the file says about
/// itself (the project, the client, the tool's settings) rather than about a unit.
///
/// A memory keeps them per imported file and writes them into the header of its exports, so
/// that TMX → memory → TMX keeps them; see ``TMXWriter/begin(creationToolVersion:date:header:)``.
public struct TMXHeaderMetadata: Sendable, Hashable {
    /// A `<prop type="…" xml:lang="…">value</prop>` of the header.
    public struct Prop: Sendable, Hashable {
        public var type: String
        public var language: String?
        public var value: String

        public init(type: String, language: String? = nil, value: String) {
            self.type = type
            self.language = language
            self.value = value
        }
    }

    /// A `<note xml:lang="…">text</note>` of the header.
    public struct Note: Sendable, Hashable {
        public var text: String
        public var language: String?

        public init(_ text: String, language: String? = nil) {
            self.text = text
            self.language = language
        }
    }

    public var props: [Prop]
    public var notes: [Note]
    /// The header's `<ude>` elements (user-defined encodings, with their `<map>`s) as XML,
    /// written back as they were read.
    public var userDefinedEncodings: [String]

    public init(props: [Prop] = [], notes: [Note] = [], userDefinedEncodings: [String] = []) {
        self.props = props
        self.notes = notes
        self.userDefinedEncodings = userDefinedEncodings
    }

    public var isEmpty: Bool { props.isEmpty && notes.isEmpty && userDefinedEncodings.isEmpty }

    /// The props and notes of `self`, then those of `other` that `self` does not have: the
    /// header of a memory made from several files, where a prop or note that several files
    /// share is written once (repeats within `other` stay, as that file had them).
    public func merging(_ other: TMXHeaderMetadata) -> TMXHeaderMetadata {
        var merged = self
        merged.props += other.props.filter { !props.contains($0) }
        merged.notes += other.notes.filter { !notes.contains($0) }
        merged.userDefinedEncodings += other.userDefinedEncodings.filter {
            !userDefinedEncodings.contains($0)
        }
        return merged
    }
}
