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
    private let output: TMXByteBuffer
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
        output = TMXByteBuffer(capacity: flushSize + (1 << 16))
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
            output.append("/>\n")
        } else {
            output.append(">\n")
            for item in header.props { prop(item.type, item.value, language: item.language) }
            for note in header.notes { self.note(note.text, language: note.language) }
            for encoding in header.userDefinedEncodings where Self.isWellFormed(encoding) {
                output.append("    ")
                raw(encoding)
                output.append("\n")
            }
            output.append("  </header>\n")
        }
        output.append("  <body>\n")
        try flushIfFull()
    }

    /// Writes `unit`, or leaves it out when it lacks one of ``languages``; returns whether it
    /// was written.
    @discardableResult
    public mutating func write(_ unit: TranslationUnit) throws -> Bool {
        // The variants to write, in order: those of ``languages``, or all in display order.
        var selected: [(Language, Variant)] = []
        if let languages {
            selected.reserveCapacity(languages.count)
            for language in languages {
                guard let variant = unit.variants[language] else {
                    unitsSkipped += 1
                    return false
                }
                selected.append((language, variant))
            }
        } else {
            selected.reserveCapacity(unit.variants.count)
            Self.forEachInDisplayOrder(unit.variants) { selected.append(($0, $1)) }
        }
        // Most units have no TMX structure; they need none of its look-ups.
        let structured = Self.hasStructure(unit.properties)
        output.append("    <tu tuid=\"")
        text(unit.id, attribute: true)
        output.append("\" creationdate=\"")
        TMXDate.append(unit.created, to: output)
        output.append("\" changedate=\"")
        TMXDate.append(unit.changed, to: output)
        output.append("\"")
        if structured {
            attributes(unit.properties[TMXNames.unitAttributes], besides: Self.unitAttributeNames)
        }
        output.append(">\n")
        writeFields(unit, structured: structured)
        let markup = structured ? TMXInlineMarkup.languages(of: unit) : []
        for (language, variant) in selected {
            writeVariant(
                unit, language, variant, markup: markup.contains(language.code),
                structured: structured)
        }
        if languages == nil, structured {
            // Further variants of a language, as they were read.
            var number = 1
            while let xml = unit.properties[TMXNames.extraVariant(number)] {
                if Self.isWellFormed(xml) {
                    output.append("      ")
                    raw(xml)
                    output.append("\n")
                }
                number += 1
            }
        }
        output.append("    </tu>\n")
        unitsWritten += 1
        try flushIfFull()
        return true
    }

    /// Closes `<body>` and `<tmx>` and hands the rest of the output to the sink.
    public mutating func end() throws {
        output.append("  </body>\n</tmx>\n")
        try sink(Array(output.bytes))
        output.removeAll()
    }

    // MARK: Parts of a unit

    private mutating func writeFields(_ unit: TranslationUnit, structured: Bool) {
        prop(TMXNames.origin, unit.origin.rawValue)
        if let provenance = unit.provenance {
            prop(TMXNames.document, provenance.documentID)
            if let url = provenance.url { prop(TMXNames.url, url) }
            if let date = provenance.date { prop(TMXNames.date, date) }
            Self.forEachInDisplayOrder(provenance.titles) { language, title in
                prop(TMXNames.title, title, language: language.code)
            }
        }
        if let score = unit.alignmentScore {
            output.append("      <prop type=\"")
            raw(TMXNames.alignmentScore)
            output.append("\">")
            // Digits, a point, `e`, a sign, or nan and inf: nothing to escape.
            raw(String(score))
            output.append("</prop>\n")
        }
        if unit.flagged { prop(TMXNames.flagged, "true") }
        if unit.properties.count == 1, let property = unit.properties.first {
            // One property (the usual case) needs no sorted copy.
            if !property.key.hasPrefix(TMXNames.structurePrefix) {
                prop(Self.propType(property.key, in: unit.properties), property.value)
            }
        } else if !unit.properties.isEmpty {
            for (name, value) in unit.properties.sorted(by: { $0.key < $1.key })
            where !name.hasPrefix(TMXNames.structurePrefix) {
                prop(
                    Self.propType(name, in: unit.properties), value,
                    attributes: unit.properties[TMXNames.propAttributes(name)])
            }
        }
        for (index, note) in unit.notes.enumerated() {
            let attributes =
                structured ? unit.properties[TMXNames.noteAttributes(index + 1)] : nil
            self.note(note, attributes: attributes)
        }
    }

    private mutating func writeVariant(
        _ unit: TranslationUnit, _ language: Language, _ variant: Variant, markup: Bool,
        structured: Bool
    ) {
        let tag =
            structured
            ? unit.properties[TMXNames.languageTag(language)].flatMap { written in
                let tag = written.replacingOccurrences(of: "_", with: "-")
                return Language(tag: tag) == language ? tag : nil
            } ?? language.code : language.code
        output.append("      <tuv xml:lang=\"")
        text(tag, attribute: true)
        output.append("\"")
        if structured {
            attributes(
                unit.properties[TMXNames.variantAttributes(language)],
                besides: Self.variantAttributeNames)
        }
        output.append(">")
        if structured, let metadata = unit.properties[TMXNames.variantMetadata(language)],
            Self.isWellFormed(metadata)
        {
            raw(metadata)
        }
        if let span = variant.span {
            output.append("<prop type=\"")
            raw(TMXNames.span)
            output.append("\">")
            output.append(decimal: span.start)
            output.append(" ")
            output.append(decimal: span.end)
            output.append(" ")
            text(span.file)
            output.append("</prop>")
        }
        output.append("<seg>")
        if markup, TMXInlineMarkup.plainText(ofFragment: variant.text) != nil {
            raw(variant.text)
        } else {
            text(variant.text)
        }
        output.append("</seg></tuv>\n")
    }

    private mutating func prop(
        _ type: String, _ value: String, language: String? = nil, attributes: String? = nil
    ) {
        output.append("      <prop type=\"")
        text(type, attribute: true)
        if let language {
            output.append("\" xml:lang=\"")
            text(language, attribute: true)
        }
        output.append("\"")
        if let attributes { self.attributes(attributes, besides: Self.propAttributeNames) }
        output.append(">")
        text(value)
        output.append("</prop>\n")
    }

    private mutating func note(
        _ note: String, language: String? = nil, attributes: String? = nil
    ) {
        output.append("      <note")
        if let language {
            output.append(" xml:lang=\"")
            text(language, attribute: true)
            output.append("\"")
        }
        if let attributes { self.attributes(attributes, besides: []) }
        output.append(">")
        text(note)
        output.append("</note>\n")
    }

    /// Calls `body` with the entries of `dictionary` in ``Language/displayOrder(_:)`` of their
    /// languages: tr, en, de, then the others by code. The three are looked up; sorting by
    /// the order's strings cost a string a comparison.
    private static func forEachInDisplayOrder<Value>(
        _ dictionary: [Language: Value], _ body: (Language, Value) -> Void
    ) {
        var found = 0
        for language in ownLanguages {
            guard found < dictionary.count else { return }
            if let value = dictionary[language] {
                body(language, value)
                found += 1
            }
        }
        guard found < dictionary.count else { return }
        let others = dictionary.filter { !$0.key.hasOwnRules }.sorted {
            Language.displayOrder($0.key) < Language.displayOrder($1.key)
        }
        for (language, value) in others { body(language, value) }
    }

    private static let ownLanguages: [Language] = [.turkish, .english, .german]

    /// Whether a property name starts with the bytes of ``TMXNames/structurePrefix``: every
    /// name the writer looks up for TMX structure does.
    private static func hasStructure(_ properties: [String: String]) -> Bool {
        properties.keys.contains { name in
            name.utf8.starts(with: TMXNames.structurePrefix.utf8)
        }
    }

    /// `type#2` was the second prop of `type` in the file it was read from.
    private static func propType(_ name: String, in properties: [String: String]) -> String {
        guard name.utf8.contains(UInt8(ascii: "#")),
            let mark = name.lastIndex(of: TMXNames.repeatMark),
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

    /// The attributes the writer puts on a start tag itself, before those kept from its file:
    /// of a `<tu>`, a `<tuv>` and a `<prop>`.
    private static let unitAttributeNames = ["tuid", "creationdate", "changedate"]
    private static let variantAttributeNames = ["xml:lang"]
    private static let propAttributeNames = ["type"]

    /// Writes attributes kept from an imported file (` name="value"` each, see ``TMXNames``)
    /// into the start tag being written, when they are well-formed (as the fragments of
    /// inline markup are checked), declare no namespace and repeat none of the names
    /// `besides` that the tag has already; else leaves them out rather than break the file.
    private mutating func attributes(_ text: String?, besides names: [String]) {
        guard let text, !text.isEmpty,
            let written = TMXInlineMarkup.attributeNames(ofEmptyTag: "<x" + text + "/>"),
            !written.isEmpty,
            written.allSatisfy({ name in
                !names.contains(name) && name != "xmlns" && !name.hasPrefix("xmlns:")
            })
        else { return }
        raw(text)
    }

    // MARK: Output

    private mutating func raw(_ string: String) {
        output.append(contentsOf: string)
    }

    private mutating func text(_ string: String, attribute: Bool = false) {
        output.append(string, escapedBy: &escaping, attribute: attribute)
    }

    private mutating func flushIfFull() throws {
        guard output.count >= flushSize else { return }
        try sink(Array(output.bytes))
        output.removeAll()
    }
}
