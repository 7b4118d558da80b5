import Foundation

/// Writes a glossary as TBX: version 3 (ISO 30042:2019, TBX-Basic dialect, DCA style) or
/// version 2 (`martif`), which OmegaT and Translate Toolkit read and version 3 they do not.
///
/// What goes where:
/// - entry: `conceptEntry` (v2 `termEntry`) with the entry's id; the category as
///   `descrip type="subjectField"`, the entry note as `note`.
/// - term: `termSec` (v2 `tig`) in the `langSec` (v2 `langSet`) of its language, with
///   `termNote` `partOfSpeech` and `administrativeStatus` and the term note as `note`.
///
/// TBX-Basic has no value for what Dragoman calls forbidden nor a `properNoun` part of speech,
/// so v3 writes `deprecatedTerm-admn-sts` and `noun` with a `note` that ``TBXReader`` reads
/// back (``TBXNames/forbiddenNote``, ``TBXNames/properNounNote``); v2 writes `properNoun`
/// as it is. Exclusions and unread table columns travel as entry notes with the prefixes
/// ``TBXNames/excludePrefix`` and ``TBXNames/propertyPrefix``, so a round trip keeps them.
public enum TBXWriter {
    /// The TBX version to write.
    public enum Version: Sendable, Hashable {
        /// ISO 30042:2019 TBX-Basic, `<tbx>` in the `urn:iso:std:iso:30042:ed-2` namespace.
        case v3
        /// TBX v2, `<martif type="TBX">`.
        case v2
    }

    /// The whole document, UTF-8 with an XML declaration.
    public static func write(_ entries: [GlossaryEntry], version: Version = .v3) -> String {
        var out = XMLOut()
        out.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        let source = "<fileDesc><sourceDesc><p>dragoman glossary export</p></sourceDesc></fileDesc>"
        switch version {
        case .v3:
            out.line(
                0,
                "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
                    + "xmlns=\"urn:iso:std:iso:30042:ed-2\">")
            out.line(1, "<tbxHeader>\(source)</tbxHeader>")
        case .v2:
            out.line(0, "<martif type=\"TBX\" xml:lang=\"en\">")
            out.line(1, "<martifHeader>\(source)</martifHeader>")
        }
        out.line(1, "<text>")
        out.line(2, "<body>")
        for entry in entries { write(entry, version: version, to: &out) }
        out.line(2, "</body>")
        out.line(1, "</text>")
        out.line(0, version == .v3 ? "</tbx>" : "</martif>")
        return out.text
    }

    private static func write(_ entry: GlossaryEntry, version: Version, to out: inout XMLOut) {
        let (entryTag, langTag, termTag) =
            version == .v3
            ? ("conceptEntry", "langSec", "termSec") : ("termEntry", "langSet", "tig")
        out.line(3, "<\(entryTag) id=\"\(XMLEscaping.escaped(entry.id, attribute: true))\">")
        if let category = entry.category {
            out.element(4, "descrip", type: "subjectField", category.rawValue)
        }
        if let note = entry.note { out.element(4, "note", note) }
        for phrase in entry.exclusions {
            out.element(4, "note", TBXNames.excludePrefix + phrase)
        }
        for (name, value) in entry.properties.sorted(by: { $0.key < $1.key }) {
            out.element(4, "note", TBXNames.propertyPrefix + name + "=" + value)
        }
        for language in entry.languages {
            out.line(
                4,
                "<\(langTag) xml:lang=\"\(XMLEscaping.escaped(language.code, attribute: true))\">")
            // File order, not preferred-first: a round trip keeps the order of the table.
            for term in entry.terms where term.language == language {
                out.line(5, "<\(termTag)>")
                out.element(6, "term", term.text)
                var notes: [String] = []
                if let pos = term.partOfSpeech {
                    if pos == .properNoun && version == .v3 {
                        out.element(6, "termNote", type: "partOfSpeech", PartOfSpeech.noun.rawValue)
                        notes.append(TBXNames.properNounNote)
                    } else {
                        out.element(6, "termNote", type: "partOfSpeech", pos.rawValue)
                    }
                }
                if term.status == .forbidden { notes.append(TBXNames.forbiddenNote) }
                out.element(
                    6, "termNote", type: "administrativeStatus", TBXNames.status(term.status))
                if let note = term.note { out.element(6, "note", note) }
                for note in notes { out.element(6, "note", note) }
                out.line(5, "</\(termTag)>")
            }
            out.line(4, "</\(langTag)>")
        }
        out.line(3, "</\(entryTag)>")
    }
}

/// Indented XML lines.
private struct XMLOut {
    var text = ""

    mutating func line(_ depth: Int, _ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func element(_ depth: Int, _ name: String, type: String? = nil, _ content: String) {
        let attribute = type.map { " type=\"\(XMLEscaping.escaped($0, attribute: true))\"" } ?? ""
        line(depth, "<\(name)\(attribute)>\(XMLEscaping.escaped(content))</\(name)>")
    }
}

/// The names and markers TBX files of Dragoman use.
public enum TBXNames {
    /// The term note that marks a `deprecatedTerm-admn-sts` term as forbidden.
    public static let forbiddenNote = "dragoman:status=forbidden"
    /// The term note that marks a `noun` as a proper noun (TBX-Basic has no such value).
    public static let properNounNote = "dragoman:partOfSpeech=properNoun"
    /// Entry notes with this prefix are exclusions (phrases that are not the entry).
    public static let excludePrefix = "dragoman:exclude="
    /// Entry notes with this prefix are table columns, as `NAME=VALUE`.
    public static let propertyPrefix = "dragoman:property:"

    /// The `administrativeStatus` value of a status.
    public static func status(_ status: TermStatus) -> String {
        switch status {
        case .preferred: "preferredTerm-admn-sts"
        case .admitted: "admittedTerm-admn-sts"
        case .deprecated, .forbidden: "deprecatedTerm-admn-sts"
        }
    }

    /// The status of an `administrativeStatus` value (also the TBX v2 values
    /// `standardizedTerm-admn-sts`, `legalTerm-admn-sts` and the like), nil when unknown.
    public static func status(_ value: String) -> TermStatus? {
        switch value.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "preferredTerm-admn-sts", "standardizedTerm-admn-sts", "legalTerm-admn-sts",
            "regulatedTerm-admn-sts", "preferred":
            .preferred
        case "admittedTerm-admn-sts", "admitted": .admitted
        case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "deprecated": .deprecated
        case "forbiddenTerm-admn-sts", "forbidden": .forbidden
        default: nil
        }
    }
}
