public import Foundation

/// Writes translation units as TMX 1.4b, unit by unit, to any byte sink.
///
/// A multilingual file (`srclang="*all*"`) has every variant of every unit. A file for
/// ``languages`` (the first one the source language) has the variants in those languages
/// only, and leaves out the units that lack any of them, so every `<tu>` of a bilingual file
/// is a translation pair a CAT tool can use.
///
/// The unit's fields go into the file as TMX 1.4b has room for them: the id as `tuid`, the
/// dates as `creationdate` and `changedate`, notes as `<note>`, properties as `<prop>`, and
/// origin, provenance, alignment score, flag and source spans as `x-dragoman-` props that
/// ``TMXReader`` reads back. The `tmx:` properties of imported units become TMX structure
/// again (language tags as written, inline markup, props and notes of a `<tuv>`, further
/// variants of a language); see ``TMXNames``.
///
/// Output is UTF-8 with an XML declaration; text is escaped, and characters XML cannot carry
/// are left out and counted in ``droppedCharacters``.
public struct TMXWriter {
    /// The languages of a bilingual (or trilingual) file, source first; nil for multilingual.
    public let languages: [Language]?
    public private(set) var unitsWritten = 0
    /// Units left out because they lack one of ``languages``.
    public private(set) var unitsSkipped = 0

    private let sink: ([UInt8]) throws -> Void
    private var buffer: [UInt8] = []
    private var escaping = XMLEscaping()
    private let flushSize = 1 << 18

    /// Characters left out because XML 1.0 cannot carry them (C0 controls, U+FFFE, U+FFFF).
    public var droppedCharacters: Int { escaping.droppedCharacters }

    /// - Parameters:
    ///   - languages: the languages of a bilingual or trilingual file, source first; nil or
    ///     empty for a multilingual file.
    ///   - sink: receives the output in blocks of about 256 KB.
    public init(languages: [Language]? = nil, sink: @escaping ([UInt8]) throws -> Void) {
        self.languages = languages?.isEmpty == false ? languages : nil
        self.sink = sink
        buffer.reserveCapacity(flushSize + 4096)
    }

    /// Writes the XML declaration, `<tmx>` and the `<header>`, and opens `<body>`.
    ///
    /// - Parameter header: props and notes for the `<header>`: those of the files the memory
    ///   was imported from.
    public mutating func begin(
        creationToolVersion: String, date: Date = Date(), header: TMXHeaderMetadata = .init()
    ) throws {
        let srclang = languages?.first?.code ?? "*all*"
        raw(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
              <header creationtool="Dragoman" creationtoolversion="
            """)
        text(creationToolVersion, attribute: true)
        raw(
            """
            " segtype="sentence" o-tmf="Dragoman" adminlang="en" srclang="\(srclang)" \
            datatype="plaintext" creationdate="\(TMXDate.string(date))"
            """)
        if header.isEmpty {
            raw("/>\n")
        } else {
            raw(">\n")
            for item in header.props { prop(item.type, item.value, language: item.language) }
            for note in header.notes { self.note(note.text, language: note.language) }
            for encoding in header.userDefinedEncodings where Self.isWellFormed(encoding) {
                raw("    ")
                raw(encoding)
                raw("\n")
            }
            raw("  </header>\n")
        }
        raw("  <body>\n")
        try flushIfFull()
    }

    /// Writes `unit`, or leaves it out when it lacks one of ``languages``; returns whether it
    /// was written.
    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        let selected: [Language]
        if let languages {
            guard languages.allSatisfy({ unit.variants[$0] != nil }) else {
                unitsSkipped += 1
                return false
            }
            selected = languages
        } else {
            selected = unit.languages
        }
        raw("    <tu tuid=\"")
        text(unit.id, attribute: true)
        raw(
            "\" creationdate=\"\(TMXDate.string(unit.created))\" changedate=\""
                + "\(TMXDate.string(unit.changed))\"")
        attributes(unit.properties[TMXNames.unitAttributes], besides: Self.unitAttributeNames)
        raw(">\n")
        writeFields(unit)
        let markup = TMXInlineMarkup.languages(of: unit)
        for language in selected {
            writeVariant(unit, language, markup: markup.contains(language.code))
        }
        if languages == nil {
            // Further variants of a language, as they were read.
            var number = 1
            while let xml = unit.properties[TMXNames.extraVariant(number)] {
                if Self.isWellFormed(xml) {
                    raw("      ")
                    raw(xml)
                    raw("\n")
                }
                number += 1
            }
        }
        raw("    </tu>\n")
        unitsWritten += 1
        try flushIfFull()
        return true
    }

    /// Closes `<body>` and `<tmx>` and hands the rest of the output to the sink.
    public mutating func end() throws {
        raw("  </body>\n</tmx>\n")
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Parts of a unit

    private mutating func writeFields(_ unit: TranslationUnit) {
        prop(TMXNames.origin, unit.origin.rawValue)
        if let provenance = unit.provenance {
            prop(TMXNames.document, provenance.documentID)
            if let url = provenance.url { prop(TMXNames.url, url) }
            if let date = provenance.date { prop(TMXNames.date, date) }
            for language in provenance.titles.keys.sorted(by: {
                Language.displayOrder($0) < Language.displayOrder($1)
            }) {
                prop(TMXNames.title, provenance.titles[language]!, language: language.code)
            }
        }
        if let score = unit.alignmentScore { prop(TMXNames.alignmentScore, String(score)) }
        if unit.flagged { prop(TMXNames.flagged, "true") }
        for (name, value) in unit.properties.sorted(by: { $0.key < $1.key })
        where !name.hasPrefix(TMXNames.structurePrefix) {
            prop(
                Self.propType(name, in: unit.properties), value,
                attributes: unit.properties[TMXNames.propAttributes(name)])
        }
        for (index, note) in unit.notes.enumerated() {
            self.note(note, attributes: unit.properties[TMXNames.noteAttributes(index + 1)])
        }
    }

    private mutating func writeVariant(
        _ unit: TranslationUnit, _ language: Language, markup: Bool
    ) {
        let variant = unit.variants[language]!
        let tag =
            unit.properties[TMXNames.languageTag(language)].flatMap { written in
                let tag = written.replacingOccurrences(of: "_", with: "-")
                return Language(tag: tag) == language ? tag : nil
            } ?? language.code
        raw("      <tuv xml:lang=\"")
        text(tag, attribute: true)
        raw("\"")
        attributes(unit.properties[TMXNames.variantAttributes(language)], besides: ["xml:lang"])
        raw(">")
        if let metadata = unit.properties[TMXNames.variantMetadata(language)],
            Self.isWellFormed(metadata)
        {
            raw(metadata)
        }
        if let span = variant.span {
            raw("<prop type=\"\(TMXNames.span)\">\(span.start) \(span.end) ")
            text(span.file)
            raw("</prop>")
        }
        raw("<seg>")
        if markup, TMXInlineMarkup.plainText(ofFragment: variant.text) != nil {
            raw(variant.text)
        } else {
            text(variant.text)
        }
        raw("</seg></tuv>\n")
    }

    private mutating func prop(
        _ type: String, _ value: String, language: String? = nil, attributes: String? = nil
    ) {
        raw("      <prop type=\"")
        text(type, attribute: true)
        if let language {
            raw("\" xml:lang=\"")
            text(language, attribute: true)
        }
        raw("\"")
        self.attributes(attributes, besides: ["type"])
        raw(">")
        text(value)
        raw("</prop>\n")
    }

    private mutating func note(
        _ note: String, language: String? = nil, attributes: String? = nil
    ) {
        raw("      <note")
        if let language {
            raw(" xml:lang=\"")
            text(language, attribute: true)
            raw("\"")
        }
        self.attributes(attributes, besides: [])
        raw(">")
        text(note)
        raw("</note>\n")
    }

    /// `type#2` was the second prop of `type` in the file it was read from.
    private static func propType(_ name: String, in properties: [String: String]) -> String {
        guard let mark = name.lastIndex(of: TMXNames.repeatMark),
            let number = Int(name[name.index(after: mark)...]), number >= 2
        else { return name }
        let base = String(name[..<mark])
        return properties[base] != nil ? base : name
    }

    /// Whether stored XML (of a `<tuv>`, or its props and notes) can go into the file as it
    /// is; XML that does not is left out rather than break the file.
    private static func isWellFormed(_ xml: String) -> Bool {
        TMXInlineMarkup.plainText(ofFragment: xml) != nil
    }

    /// The attributes a `<tu>` start tag has before those kept from its file.
    private static let unitAttributeNames = ["tuid", "creationdate", "changedate"]

    /// Writes attributes kept from an imported file (` name="value"` each, see ``TMXNames``)
    /// into the start tag being written, when they are well-formed and repeat none of the
    /// names `besides` that the tag has already; else leaves them out rather than break the
    /// file.
    private mutating func attributes(_ text: String?, besides names: [String]) {
        guard let text, !text.isEmpty, XMLAttributeText.isValid(text, besides: names) else {
            return
        }
        raw(text)
    }

    // MARK: Output

    private mutating func raw(_ string: String) {
        buffer.append(contentsOf: string.utf8)
    }

    private mutating func text(_ string: String, attribute: Bool = false) {
        escaping.append(string, attribute: attribute, to: &buffer)
    }

    private mutating func flushIfFull() throws {
        guard buffer.count >= flushSize else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
