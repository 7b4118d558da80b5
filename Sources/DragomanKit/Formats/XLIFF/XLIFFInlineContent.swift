/// The content of an XLIFF `<source>`, `<target>` or segment marker as plain text and as
/// markup.
///
/// Plain text is what the sentence says: character data, with the text inside paired markup
/// (XLIFF 1.2 `g`, `mrk`; XLIFF 2.0 `pc`, `mrk`) kept and inline codes left out: the empty
/// placeholders (1.2 `x`, `bx`, `ex`; 2.0 `ph`, `sc`, `ec`, `sm`, `em`) and the native code
/// that 1.2 `bpt`, `ept`, `ph` and `it` carry as content (a `<b>` of the original HTML is not
/// part of the sentence). XLIFF 2.0 `<cp hex="…"/>` stands for a character XML cannot carry
/// and becomes that character. Markup is the content written back as an XML fragment,
/// namespace declarations left out.
struct XLIFFInlineContent: Sendable, Hashable {
    var plain: String
    /// Nil when the content has no inline element: the markup would be the plain text.
    var markup: String?

    /// Elements whose content is native code, not text of the sentence (XLIFF 1.2).
    static let codeElements: Set<String> = ["bpt", "ept", "ph", "it"]

    init(plain: String, markup: String?) {
        self.plain = plain
        self.markup = markup
    }

    init(_ element: XLIFFTree.Element) {
        var plain = ""
        var markup = ""
        var hasInline = false
        Self.append(element.content, plain: &plain, markup: &markup, hasInline: &hasInline)
        self.init(plain: plain, markup: hasInline ? markup : nil)
    }

    /// Appends `other` (the content of an `<ignorable>`, a following part of the text).
    mutating func append(_ other: XLIFFInlineContent) {
        if markup != nil || other.markup != nil {
            markup =
                (markup ?? XMLEscaping.escaped(plain))
                + (other.markup ?? XMLEscaping.escaped(other.plain))
        }
        plain += other.plain
    }

    private static func append(
        _ nodes: [XLIFFTree.Node], plain: inout String, markup: inout String,
        hasInline: inout Bool, inCode: Bool = false
    ) {
        for node in nodes {
            switch node {
            case .text(let text):
                if !inCode { plain += text }
                markup += XMLEscaping.escaped(text)
            case .element(let element):
                hasInline = true
                if element.name == "cp", !inCode, let hex = element.attribute("hex"),
                    let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value)
                {
                    plain.unicodeScalars.append(scalar)
                }
                markup += "<" + element.qualifiedName
                for attribute in element.attributes {
                    markup +=
                        " \(attribute.name)=\"\(XMLEscaping.escaped(attribute.value, attribute: true))\""
                }
                if element.content.isEmpty {
                    markup += "/>"
                    continue
                }
                markup += ">"
                append(
                    element.content, plain: &plain, markup: &markup, hasInline: &hasInline,
                    inCode: inCode || codeElements.contains(element.name))
                markup += "</" + element.qualifiedName + ">"
            }
        }
    }
}
