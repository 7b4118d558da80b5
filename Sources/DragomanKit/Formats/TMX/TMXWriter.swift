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
    /// The record a ``TranslationUnit`` is flattened into, kept for its memory.
    private var scratch = TMXUnitRecord()
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
        // The record is kept from unit to unit; taken out while it is written.
        var record = TMXUnitRecord()
        swap(&record, &scratch)
        defer { swap(&record, &scratch) }
        record.set(unit)
        return try write(record)
    }

    /// Writes the unit of `record`, or leaves it out when it lacks one of ``languages``;
    /// returns whether it was written.
    @discardableResult
    public mutating func write(_ record: TMXUnitRecord) throws -> Bool {
        if let languages {
            for language in languages where record.variantIndex(language) == nil {
                unitsSkipped += 1
                return false
            }
        }
        record.bytes.withUnsafeBufferPointer { bytes in
            write(record, bytes)
        }
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

    private mutating func write(_ unit: TMXUnitRecord, _ bytes: UnsafeBufferPointer<UInt8>) {
        // Most units have no TMX structure; they need none of its look-ups.
        let structured = unit.hasStructure
        output.append("    <tu tuid=\"")
        text(bytes, unit.id, attribute: true)
        output.append("\" creationdate=\"")
        TMXDate.append(unit.created, to: output)
        output.append("\" changedate=\"")
        TMXDate.append(unit.changed, to: output)
        output.append("\"")
        if structured {
            attributes(
                unit.property(TMXNames.unitAttributes).map(unit.string),
                besides: Self.unitAttributeNames)
        }
        output.append(">\n")
        writeFields(unit, bytes, structured: structured)
        let markup: Set<String> =
            structured
            ? unit.property(TMXInlineMarkup.property).map { list in
                Set(unit.string(list).split(separator: " ").map(String.init))
            } ?? [] : []
        // The variants of ``languages``, or all in display order.
        if let languages {
            for language in languages {
                guard let index = unit.variantIndex(language) else { continue }
                writeVariant(unit, bytes, index, markup: markup, structured: structured)
            }
        } else {
            for index in unit.variants.indices {
                writeVariant(unit, bytes, index, markup: markup, structured: structured)
            }
        }
        if languages == nil, structured {
            // Further variants of a language, as they were read.
            var number = 1
            while let xml = unit.property(TMXNames.extraVariant(number)).map(unit.string) {
                if Self.isWellFormed(xml) {
                    output.append("      ")
                    raw(xml)
                    output.append("\n")
                }
                number += 1
            }
        }
        output.append("    </tu>\n")
    }

    private mutating func writeFields(
        _ unit: TMXUnitRecord, _ bytes: UnsafeBufferPointer<UInt8>, structured: Bool
    ) {
        switch unit.origin {
        case .aligned: output.append(FieldProp.aligned)
        case .imported: output.append(FieldProp.imported)
        case .edited: output.append(FieldProp.edited)
        }
        if let document = unit.document {
            document.bytes.withUnsafeBufferPointer { documentBytes in
                output.append(FieldProp.document)
                text(documentBytes, document.id)
                output.append("</prop>\n")
                if let url = document.url {
                    output.append(FieldProp.url)
                    text(documentBytes, url)
                    output.append("</prop>\n")
                }
                if let date = document.date {
                    output.append(FieldProp.date)
                    text(documentBytes, date)
                    output.append("</prop>\n")
                }
                for (key, title) in document.titles {
                    output.append(FieldProp.title)
                    // A code is two or three ASCII letters: nothing to escape.
                    TMXUnitRecord.withCode(key) { output.append($0) }
                    output.append("\">")
                    text(documentBytes, title)
                    output.append("</prop>\n")
                }
            }
        }
        if let score = unit.alignmentScore {
            output.append(FieldProp.alignmentScore)
            // Digits, a point, `e`, a sign, or nan and inf: nothing to escape.
            raw(String(score))
            output.append("</prop>\n")
        }
        if unit.flagged { output.append(FieldProp.flagged) }
        for property in unit.properties where !Self.isStructure(property, of: unit, bytes) {
            output.append("      <prop type=\"")
            if let type = Self.propType(property, of: unit, bytes) {
                text(type, attribute: true)
            } else {
                text(bytes, property.name, attribute: true)
            }
            output.append("\"")
            if structured {
                attributes(
                    unit.property(TMXNames.propAttributes(unit.string(property.name)))
                        .map(unit.string),
                    besides: Self.propAttributeNames)
            }
            output.append(">")
            text(bytes, property.value)
            output.append("</prop>\n")
        }
        for (index, note) in unit.notes.enumerated() {
            output.append("      <note")
            if structured {
                attributes(
                    unit.property(TMXNames.noteAttributes(index + 1)).map(unit.string),
                    besides: [])
            }
            output.append(">")
            text(bytes, note)
            output.append("</note>\n")
        }
    }

    private mutating func writeVariant(
        _ unit: TMXUnitRecord, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int,
        markup: Set<String>, structured: Bool
    ) {
        let variant = unit.variants[index]
        output.append("      <tuv xml:lang=\"")
        guard structured else {
            // A code is two or three ASCII letters: nothing to escape.
            TMXUnitRecord.withCode(variant.key) { output.append($0) }
            output.append("\">")
            writeContent(variant, bytes, markup: false)
            return
        }
        let language = variant.language
        let tag =
            unit.property(TMXNames.languageTag(language)).flatMap { field in
                let tag = unit.string(field).replacingOccurrences(of: "_", with: "-")
                return Language(tag: tag) == language ? tag : nil
            } ?? language.code
        text(tag, attribute: true)
        output.append("\"")
        attributes(
            unit.property(TMXNames.variantAttributes(language)).map(unit.string),
            besides: Self.variantAttributeNames)
        output.append(">")
        if let metadata = unit.property(TMXNames.variantMetadata(language)) {
            let xml = unit.string(metadata)
            if Self.isWellFormed(xml) { raw(xml) }
        }
        let isMarkup =
            markup.contains(language.code)
            && TMXInlineMarkup.plainText(ofFragment: unit.string(variant.text)) != nil
        writeContent(variant, bytes, markup: isMarkup)
    }

    /// The span prop and the `<seg>` of a variant, and the end of its `<tuv>`; `markup` when
    /// the text is a well-formed TMX fragment to be written as it is.
    private mutating func writeContent(
        _ variant: TMXUnitRecord.VariantField, _ bytes: UnsafeBufferPointer<UInt8>, markup: Bool
    ) {
        if let span = variant.span {
            output.append(FieldProp.span)
            output.append(decimal: span.start)
            output.append(" ")
            output.append(decimal: span.end)
            output.append(" ")
            text(bytes, span.file)
            output.append("</prop>")
        }
        output.append("<seg>")
        if markup {
            output.append(UnsafeBufferPointer(rebasing: bytes[variant.text]))
        } else {
            text(bytes, variant.text)
        }
        output.append("</seg></tuv>\n")
    }

    private mutating func prop(
        _ type: String, _ value: String, language: String? = nil
    ) {
        output.append("      <prop type=\"")
        text(type, attribute: true)
        if let language {
            output.append("\" xml:lang=\"")
            text(language, attribute: true)
        }
        output.append("\">")
        text(value)
        output.append("</prop>\n")
    }

    private mutating func note(_ note: String, language: String? = nil) {
        output.append("      <note")
        if let language {
            output.append(" xml:lang=\"")
            text(language, attribute: true)
            output.append("\"")
        }
        output.append(">")
        text(note)
        output.append("</note>\n")
    }

    /// Whether a property holds TMX structure and is no `<prop>`: its name starts with
    /// ``TMXNames/structurePrefix`` as a string (a combining mark after the prefix makes
    /// another character of its last one).
    private static func isStructure(
        _ property: TMXUnitRecord.Property, of unit: TMXUnitRecord,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard unit.hasStructure else { return false }
        guard property.isASCII else {
            return unit.string(property.name).hasPrefix(TMXNames.structurePrefix)
        }
        return bytes[property.name].starts(with: TMXNames.structurePrefix.utf8)
    }

    /// `type#2` was the second prop of `type` in the file it was read from: the type to
    /// write when the property `type` is there too, else nil for the name as it is.
    private static func propType(
        _ property: TMXUnitRecord.Property, of unit: TMXUnitRecord,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> String? {
        guard bytes[property.name].contains(UInt8(ascii: "#")) else { return nil }
        let name = unit.string(property.name)
        guard let mark = name.lastIndex(of: TMXNames.repeatMark),
            let number = Int(name[name.index(after: mark)...]), number >= 2
        else { return nil }
        let base = String(name[..<mark])
        return unit.property(base) != nil ? base : nil
    }

    /// Whether stored XML (of a `<tuv>`, or its props and notes) can go into the file as it
    /// is; XML that does not is left out rather than break the file.
    private static func isWellFormed(_ xml: String) -> Bool {
        TMXInlineMarkup.plainText(ofFragment: xml) != nil
    }

    /// The attributes the writer puts on a start tag itself, before those kept from its file:
    /// of a `<tu>`, a `<tuv>` and a `<prop>`.
    /// The props of a unit's own fields up to their values, written whole: none of them needs
    /// escaping. Literals, so that appending one costs no more than copying it; their types
    /// are those of ``TMXNames`` that the reader knows, which a test checks.
    enum FieldProp {
        static let aligned: StaticString = "      <prop type=\"x-dragoman-origin\">aligned</prop>\n"
        static let imported: StaticString =
            "      <prop type=\"x-dragoman-origin\">imported</prop>\n"
        static let edited: StaticString = "      <prop type=\"x-dragoman-origin\">edited</prop>\n"
        static let document: StaticString = "      <prop type=\"x-dragoman-document\">"
        static let url: StaticString = "      <prop type=\"x-dragoman-url\">"
        static let date: StaticString = "      <prop type=\"x-dragoman-date\">"
        /// Followed by the title's language, `">`, the title and `</prop>`.
        static let title: StaticString = "      <prop type=\"x-dragoman-title\" xml:lang=\""
        static let alignmentScore: StaticString =
            "      <prop type=\"x-dragoman-alignment-score\">"
        static let flagged: StaticString = "      <prop type=\"x-dragoman-flagged\">true</prop>\n"
        /// Inside a `<tuv>`, on its line.
        static let span: StaticString = "<prop type=\"x-dragoman-span\">"
    }

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

    private mutating func text(
        _ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, attribute: Bool = false
    ) {
        output.append(
            UnsafeBufferPointer(rebasing: bytes[field]), escapedBy: &escaping,
            attribute: attribute)
    }

    private mutating func flushIfFull() throws {
        guard output.count >= flushSize else { return }
        try sink(Array(output.bytes))
        output.removeAll()
    }
}
