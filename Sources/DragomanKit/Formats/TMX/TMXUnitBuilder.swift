import Foundation

/// Turns the element events of a TMX file into translation units, one `<tu>` at a time.
///
/// Only the `<tu>` being read is held in memory, and it may not grow beyond
/// ``TMXReader/Limits/maxUnitBytes``. Errors are thrown with the place the parser is at;
/// warnings are collected for the caller to pass on.
///
/// A value, not an object: the parser holds it and each event is one access to it, so the
/// many small updates of an event cost no exclusivity checks of their own.
struct TMXUnitBuilder {
    /// Where the parser is: 1-based line and column.
    var location: () -> (line: Int, column: Int) = { (1, 1) }
    let file: String
    let limits: TMXReader.Limits
    let now: Date

    /// Units completed since the caller last took them.
    var pending: [TranslationUnit] = []
    var warnings: [TMXWarning] = []
    private(set) var unitsRead = 0
    private(set) var version: String?
    /// The header's `srclang` as written (`*all*` included).
    private(set) var headerSourceLanguage: String?
    /// The header's props and notes.
    private(set) var header = TMXHeaderMetadata()
    /// Depth of the `<header>` while it is read.
    private var headerDepth: Int?
    private(set) var sawRoot = false
    /// Units already passed on by a reader that gave up on the input: counted, not passed
    /// again.
    var unitsToSkip = 0

    /// Counts `units` read before the first byte this builder is given: those of a stream
    /// that libxml2 reads again with white space in their place.
    mutating func countUnitsRead(_ units: Int) { unitsRead += units }

    private var depth = 0
    /// Depth of the element whose content is skipped (the header, unknown elements).
    private var ignoredDepth: Int?
    private var unit: UnitState?
    private var variant: VariantState?
    private var segment: SegmentState?
    private var capture: CaptureState?
    /// The header's `<ude>` being read, as XML.
    private var userDefinedEncoding: ElementCapture?
    /// The type, language and attributes of the `<note>` or `<prop>` being read, beside its
    /// state rather than in it, so that the state is a plain value, cheap to test and drop.
    private var captureType: String?
    private var captureLanguage: String?
    private var captureAttributes: [XMLAttribute]?
    /// The text of the `<note>` or `<prop>` being read: one buffer for all of them.
    private let captureText = TMXByteBuffer()
    /// The plain text of the `<seg>` being read: one buffer for all of them.
    private let segmentText = TMXByteBuffer()
    /// Prop values and span files that repeat from unit to unit, shared.
    private var strings = TMXStringCache()
    /// What the `<tu>` being read has beyond its state, rarely anything: beside the state
    /// rather than in it, which a larger state made slower to test and change.
    private var unitExtras = UnitExtras()
    /// The variants and props of the `<tu>` being read, in lists kept from unit to unit.
    private var unitVariants: [ParsedVariant] = []
    private var unitProps: [ParsedProp] = []
    private var titleLanguages: [(tag: String, language: Language?)] = []
    private var warned: Set<String> = []
    /// Language attributes as written, with the tag and language read from them.
    private var languages: [String: (String, Language)] = [:]
    /// The last few of them: a file's variants use a handful of tags, whose strings (shared
    /// by the byte scanner) compare faster than they hash.
    private var recentLanguages: [(written: String, tag: String, language: Language)] = []

    init(file: String, limits: TMXReader.Limits, now: Date = Date()) {
        self.file = file
        self.limits = limits
        self.now = now
    }

    // MARK: Events

    /// A start tag: `name` as written, of the kind `kind`.
    ///
    /// The name is asked for only where it is written back (inline markup) or reported: the
    /// byte scanner makes no string of the names it meets otherwise.
    mutating func start<Attributes: TMXAttributeList>(
        _ name: () -> String, _ kind: TMXElementKind, _ attributes: Attributes
    ) throws(TMXError) {
        depth += 1
        if ignoredDepth != nil { return }
        if userDefinedEncoding != nil {
            userDefinedEncoding!.start(name(), attributes.all)
            try checkHeaderSize(userDefinedEncoding!.xml.utf8.count, "an <ude>")
            return
        }
        if segment != nil {
            try startInline(name, kind, attributes)
            return
        }
        if capture != nil { return }  // markup inside a note or prop: only its text counts
        guard sawRoot else {
            guard kind == .tmx else {
                throw error("the root element is <\(name())>, not <tmx>: this is not a TMX file")
            }
            sawRoot = true
            version = attributes.value(.version)
            if let version, !["1.1", "1.2", "1.3", "1.4", "1.4a", "1.4b"].contains(version) {
                warn("TMX version \(version) is unknown; read as TMX 1.4b")
            }
            return
        }
        if headerDepth != nil {
            switch kind {
            case .note, .prop:
                startCapture(kind, attributes, keepAll: false)
            case .other where depth == headerDepth! + 1 && name() == "ude":
                // A user-defined encoding and its <map>s, kept whole for the exports.
                userDefinedEncoding = ElementCapture(depth: depth)
                userDefinedEncoding!.start("ude", attributes.all)
            default: ignoredDepth = depth
            }
        } else if unit == nil {
            switch kind {
            case .body: break
            case .tu:
                let id = attributes.value(.tuid)
                let created = attributes.date(.creationdate)
                let changed = attributes.date(.changedate)
                unit = UnitState(
                    depth: depth, id: id, created: created, changed: changed, place: location())
                // Attributes beyond those three (an unreadable date among them) are kept.
                let read =
                    (id == nil ? 0 : 1) + (created == nil ? 0 : 1) + (changed == nil ? 0 : 1)
                if attributes.count > read {
                    unitExtras.attributes = Self.attributeText(
                        attributes.all, leavingOut: [.tuid, .creationdate, .changedate])
                }
            case .header where depth == 2:
                headerSourceLanguage = attributes.value(.srclang)
                headerDepth = depth
            default: ignoredDepth = depth  // something TMX does not define
            }
        } else if variant == nil {
            switch kind {
            case .tuv:
                try startVariant(attributes)
                if attributes.count > 1 {
                    variant!.attributes = Self.attributeText(
                        attributes.all, leavingOut: [.xmlLang, .lang])
                    unitExtras.noteVariantDates(
                        created: attributes.date(.creationdate),
                        changed: attributes.date(.changedate))
                }
            case .note, .prop:
                startCapture(kind, attributes, keepAll: false)
            default: ignoredDepth = depth
            }
        } else {
            switch kind {
            case .seg: segment = SegmentState(depth: depth)
            case .note, .prop:
                startCapture(kind, attributes, keepAll: true)
            default: ignoredDepth = depth
            }
        }
        try grow(by: 64 + attributes.valueByteCount)
    }

    mutating func end(_ name: () -> String) throws(TMXError) {
        defer { depth -= 1 }
        if let ignored = ignoredDepth {
            if ignored == depth { ignoredDepth = nil }
            return
        }
        if let encoding = userDefinedEncoding {
            if depth == encoding.depth {
                header.userDefinedEncodings.append(encoding.finished("ude"))
                userDefinedEncoding = nil
            } else {
                userDefinedEncoding!.end(name())
            }
            return
        }
        // The states are changed in place or moved out, never copied: a copy of a state
        // would retain its arrays and copy them on the next write.
        if let segmentDepth = segment?.depth {
            if depth == segmentDepth {
                let text = segment!.text(plain: segmentText.bytes)
                variant?.segment = segment.take()
                variant?.text = text
                segmentText.removeAll()
            } else {
                segment!.endInline(name())
            }
            return
        }
        if let captureDepth = capture?.depth {
            if depth == captureDepth {
                finishCapture(capture.take()!)
            }
            return
        }
        if headerDepth == depth {
            headerDepth = nil
        } else if variant?.depth == depth {
            try finishVariant(variant.take()!)
        } else if unit?.depth == depth {
            finishUnit(unit.take()!)
        }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws(TMXError) {
        guard ignoredDepth == nil else { return }
        if segment != nil {
            if segment!.codeDepth == 0 { segmentText.append(bytes) }
            segment!.append(bytes)
        } else if capture != nil {
            captureText.append(bytes)
            if unit == nil && captureText.count > limits.maxUnitBytes {
                throw error(
                    "a <note> or <prop> of the header larger than "
                        + "\(limits.maxUnitBytes / 1_000_000) MB")
            }
        } else {
            return
        }
        try grow(by: bytes.count * 2)
    }

    /// Whether text at this point goes into the unit (a `<seg>`, `<note>` or `<prop>`).
    var keepsText: Bool { ignoredDepth == nil && (segment != nil || capture != nil) }

    /// Checks that the document was complete: a root element was seen.
    func finish() throws(TMXError) {
        if !sawRoot { throw error("the file holds no XML element: it is empty, not TMX") }
    }

    // MARK: Elements

    private mutating func startVariant(_ attributes: some TMXAttributeList) throws(TMXError) {
        let written = attributes.value(.xmlLang) ?? attributes.value(.lang) ?? ""
        for recent in recentLanguages where recent.written == written {
            variant = VariantState(depth: depth, tag: recent.tag, language: recent.language)
            return
        }
        // A file uses a handful of tags; reading each once keeps Foundation off the hot path.
        if let (tag, language) = languages[written] {
            remember(written, tag, language)
            variant = VariantState(depth: depth, tag: tag, language: language)
            return
        }
        let tag = written.trimmingCharacters(in: .whitespaces)
        guard !tag.isEmpty else {
            throw error("a <tuv> without a language: give it xml:lang (or lang= in TMX 1.1)")
        }
        guard let language = Language(tag: tag) else {
            throw error("'\(tag)' is not a language tag (xml:lang of a <tuv>)")
        }
        if tag.contains("_") {
            let fixed = tag.replacingOccurrences(of: "_", with: "-")
            warn(
                "the language tag '\(tag)' is read as \(fixed) (\(language.code)); language tags "
                    + "are written with hyphens", once: tag)
        }
        languages[written] = (tag, language)
        remember(written, tag, language)
        variant = VariantState(depth: depth, tag: tag, language: language)
    }

    private mutating func remember(_ written: String, _ tag: String, _ language: Language) {
        if recentLanguages.count == 8 { recentLanguages.removeFirst() }
        recentLanguages.append((written, tag, language))
    }

    private mutating func startInline(
        _ name: () -> String, _ kind: TMXElementKind, _ attributes: some TMXAttributeList
    ) throws(TMXError) {
        segment!.startInline(
            name(), isCode: kind == .code, attributes.all, plain: segmentText.bytes)
        try grow(by: 64 + attributes.valueByteCount * 2)
    }

    private mutating func startCapture(
        _ kind: TMXElementKind, _ attributes: some TMXAttributeList, keepAll: Bool
    ) {
        var field = TMXPropField.other
        captureType = nil
        if let (type, typeField) = attributes.propType() {
            captureType = type
            field = typeField
        }
        captureLanguage = attributes.value(.xmlLang)
        // Kept only where the element is written back as XML (in a <tuv>), and not for a prop
        // whose one attribute is its type.
        let onlyType = kind == .prop && attributes.count == 1 && captureType != nil
        // At the level of the unit, attributes other than the type (xml:lang, o-encoding) are
        // kept beside the note or property; a title's language is read into its field.
        let read =
            (captureType == nil ? 0 : 1)
            + (field == .title && captureLanguage != nil ? 1 : 0)
        let extra = attributes.count > read
        captureAttributes =
            (keepAll && !onlyType) || (!keepAll && unit != nil && extra) ? attributes.all : nil
        capture = CaptureState(depth: depth, kind: kind, field: field)
    }

    /// Every attribute of the `<note>` or `<prop>` being read, in the order written.
    private var captureAll: [XMLAttribute] {
        if let captureAttributes { return captureAttributes }
        guard let captureType else { return [] }
        return [XMLAttribute(name: "type", value: captureType, kind: .type)]
    }

    private mutating func finishCapture(_ captured: CaptureState) {
        defer { captureText.removeAll() }
        if variant != nil {
            // Dragoman's source span goes into the variant; the last one read counts.
            if captured.kind == .prop, captured.field == .span,
                let span = UnitState.span(captureText.bytes, strings: &strings)
            {
                variant!.span = span
                return
            }
            let name = captured.kind == .prop ? "prop" : "note"
            let text = String(decoding: captureText.bytes, as: UTF8.self)
            variant!.metadata += UnitState.element(name, captureAll, text)
            return
        }
        let text = strings.string(captureText.bytes)
        if captured.kind == .note {
            if unit != nil {
                unit!.notes.append(text)
                if let captureAttributes {
                    unitExtras.noteAttributes.append(
                        (unit!.notes.count, Self.attributeText(captureAttributes, leavingOut: [])))
                }
            } else {
                header.notes.append(.init(text, language: captureLanguage))
            }
        } else {
            guard let type = captureType, !type.isEmpty else {
                warn("a <prop> without a type is left out", once: "prop without type")
                return
            }
            if unit != nil {
                var titleLanguage: Language?
                if captured.field == .title, let tag = captureLanguage {
                    titleLanguage = self.titleLanguage(tag)
                }
                // A title's language is its field's; other attributes are kept.
                let attributes = captureAttributes.map {
                    Self.attributeText(
                        $0, leavingOut: captured.field == .title ? [.type, .xmlLang] : [.type])
                }
                unitProps.append(
                    ParsedProp(
                        type: type, field: captured.field, language: captureLanguage, value: text,
                        titleLanguage: titleLanguage,
                        attributes: attributes.flatMap { $0.isEmpty ? nil : $0 }))
            } else {
                header.props.append(.init(type: type, language: captureLanguage, value: text))
            }
        }
    }

    /// The language of a title's tag, from the last few tags read: a file's titles are in a
    /// handful of languages, and tags the scanner reads are shared strings, quick to compare.
    private mutating func titleLanguage(_ tag: String) -> Language? {
        if let known = titleLanguages.first(where: { $0.tag == tag }) { return known.language }
        let language = Language(tag: tag)
        if titleLanguages.count == 8 { titleLanguages.removeFirst() }
        titleLanguages.append((tag, language))
        return language
    }

    private mutating func finishVariant(_ state: VariantState) throws(TMXError) {
        guard let segment = state.segment else {
            warn("a <tuv> without <seg> is left out", once: "tuv without seg")
            return
        }
        unitVariants.append(
            ParsedVariant(
                tag: state.tag, language: state.language, text: state.text,
                hasMarkup: segment.hasMarkup, metadata: state.metadata, span: state.span,
                attributes: state.attributes))
    }

    private mutating func finishUnit(_ state: UnitState) {
        defer {
            unitVariants.removeAll(keepingCapacity: true)
            unitProps.removeAll(keepingCapacity: true)
            unitExtras = UnitExtras()
        }
        guard !unitVariants.isEmpty else {
            warn(
                "a <tu> without a readable <tuv> is left out", at: state.place,
                once: "tu without tuv")
            return
        }
        unitsRead += 1
        if unitsRead <= unitsToSkip { return }
        pending.append(
            state.unit(
                now: now, variants: unitVariants, props: unitProps, extras: unitExtras,
                warn: { warn($0, at: state.place, once: $0) }))
    }

    // MARK: Limits, errors and warnings

    /// Refuses a part of the header that grows beyond the limit of a unit.
    private func checkHeaderSize(_ bytes: Int, _ what: String) throws(TMXError) {
        if bytes > limits.maxUnitBytes {
            throw error("\(what) in the header larger than \(limits.maxUnitBytes / 1_000_000) MB")
        }
    }

    /// Attributes as written in a start tag (` name="value"` each, escaped), `leavingOut` those
    /// the unit has fields for.
    static func attributeText(
        _ attributes: [XMLAttribute], leavingOut names: [TMXAttributeName]
    ) -> String {
        var out = ""
        for attribute in attributes where !names.contains(attribute.kind) {
            out += " \(attribute.name)=\"\(XMLEscaping.escaped(attribute.value, attribute: true))\""
        }
        return out
    }

    private mutating func grow(by bytes: Int) throws(TMXError) {
        guard unit != nil else { return }
        unit!.bytes += bytes
        if unit!.bytes > limits.maxUnitBytes {
            throw error(
                "a <tu> larger than \(limits.maxUnitBytes / 1_000_000) MB (it starts on line "
                    + "\(unit!.place.line)); a translation unit is a sentence or a paragraph")
        }
    }

    func error(_ message: String) -> TMXError {
        let (line, column) = location()
        return TMXError(file: file, line: line, column: column, message: message)
    }

    /// Records a warning; with `once`, only the first warning of that kind in the file.
    mutating func warn(
        _ message: String, at place: (line: Int, column: Int)? = nil, once key: String? = nil
    ) {
        if let key, !warned.insert(key).inserted { return }
        let (line, column) = place ?? location()
        warnings.append(TMXWarning(file: file, line: line, column: column, message: message))
    }
}

// MARK: - State of the elements being read

/// A `<prop>` of a `<tu>`.
struct ParsedProp {
    let type: String
    let field: TMXPropField
    let language: String?
    let value: String
    /// For a title: the language read from `language`.
    var titleLanguage: Language?
    /// Its attributes other than the type (and a title's language), as written.
    var attributes: String?
}

/// A `<tuv>` as read: its text is plain, or a fragment when `hasMarkup`.
struct ParsedVariant {
    let tag: String
    let language: Language
    let text: String
    let hasMarkup: Bool
    /// The `<prop>` and `<note>` elements of the `<tuv>` as XML, Dragoman's span left out.
    let metadata: String
    /// Dragoman's source span, from its `<prop>`.
    let span: SourceSpan?
    /// The attributes of the `<tuv>` other than its language, as written.
    let attributes: String?
}

private struct VariantState {
    let depth: Int
    let tag: String
    let language: Language
    var metadata = ""
    var span: SourceSpan?
    var attributes: String?
    var segment: SegmentState?
    /// The text of the segment, made when it ends.
    var text = ""
}

/// An element kept whole as XML, with the elements inside it: a header's `<ude>` and its
/// `<map>`s. Text inside is left out (a `<ude>` holds only `<map>`s and spaces), and an
/// element without content is written `<map …/>`.
private struct ElementCapture {
    let depth: Int
    private(set) var xml = ""
    /// Whether the last tag written is a start tag, still open.
    private var startOpen = false

    init(depth: Int) { self.depth = depth }

    mutating func start(_ name: String, _ attributes: [XMLAttribute]) {
        xml += "<" + name + TMXUnitBuilder.attributeText(attributes, leavingOut: []) + ">"
        startOpen = true
    }

    mutating func end(_ name: String) {
        if startOpen {
            xml.removeLast()
            xml += "/>"
        } else {
            xml += "</" + name + ">"
        }
        startOpen = false
    }

    /// The XML, once the element itself, `name`, has ended.
    func finished(_ name: String) -> String {
        var whole = self
        whole.end(name)
        return whole.xml
    }
}

/// A `<note>` or `<prop>` being read; its type, language and attributes are the builder's.
private struct CaptureState {
    let depth: Int
    let kind: TMXElementKind
    let field: TMXPropField
}

/// The content of a `<seg>`: its plain text, and once an inline element appears, the
/// content as an XML fragment.
private struct SegmentState {
    let depth: Int
    var fragment: [UInt8]?
    /// Inline elements open inside the segment, with whether each is a native code.
    var open: [Bool] = []
    var codeDepth = 0
    /// Where the last start tag ends in `fragment`, while the element is still empty.
    var emptyTagEnd: Int?
    var escaping = XMLEscaping()

    init(depth: Int) { self.depth = depth }

    var hasMarkup: Bool { fragment != nil }

    /// The text: the fragment once there is markup, else `plain`, the text outside codes.
    func text(plain: UnsafeBufferPointer<UInt8>) -> String {
        if let fragment { return String(decoding: fragment, as: UTF8.self) }
        return String(decoding: plain, as: UTF8.self)
    }

    /// Text of the segment; the builder keeps the plain text (outside codes) itself.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        if fragment != nil {
            emptyTagEnd = nil
            escaping.append(bytes, to: &fragment!)
        }
    }

    mutating func startInline(
        _ name: String, isCode: Bool, _ attributes: [XMLAttribute],
        plain: UnsafeBufferPointer<UInt8>
    ) {
        if fragment == nil {
            var start: [UInt8] = []
            escaping.append(plain, to: &start)
            fragment = start
        }
        fragment!.append(UInt8(ascii: "<"))
        fragment!.append(contentsOf: name.utf8)
        for attribute in attributes {
            fragment!.append(UInt8(ascii: " "))
            fragment!.append(contentsOf: attribute.name.utf8)
            fragment!.append(contentsOf: "=\"".utf8)
            escaping.append(attribute.value, attribute: true, to: &fragment!)
            fragment!.append(UInt8(ascii: "\""))
        }
        fragment!.append(UInt8(ascii: ">"))
        emptyTagEnd = fragment!.count
        open.append(isCode)
        if isCode { codeDepth += 1 }
    }

    mutating func endInline(_ name: String) {
        if emptyTagEnd == fragment?.count {
            // <ph x="1"></ph> is written <ph x="1"/>.
            fragment!.removeLast()
            fragment!.append(contentsOf: "/>".utf8)
        } else {
            fragment?.append(contentsOf: "</".utf8)
            fragment?.append(contentsOf: name.utf8)
            fragment?.append(UInt8(ascii: ">"))
        }
        emptyTagEnd = nil
        if open.popLast() == true { codeDepth -= 1 }
    }
}

/// What a `<tu>` has beyond the unit's fields, kept for the exports.
private struct UnitExtras {
    /// The attributes of the `<tu>` the unit has no field for, as written.
    var attributes: String?
    /// The attributes of notes that have any, with the note's number (from 1).
    var noteAttributes: [(number: Int, attributes: String)] = []
    /// The earliest creation and the latest creation or change of its `<tuv>`s: the dates of
    /// a unit whose `<tu>` has none (OmegaT dates its variants only).
    var variantsCreated: Date?
    var variantsChanged: Date?

    mutating func noteVariantDates(created: Date?, changed: Date?) {
        if let created {
            variantsCreated = min(variantsCreated ?? created, created)
            variantsChanged = max(variantsChanged ?? created, created)
        }
        if let changed { variantsChanged = max(variantsChanged ?? changed, changed) }
    }
}

/// A `<tu>` being read.
private struct UnitState {
    let depth: Int
    /// The `tuid`, and the dates read from `creationdate` and `changedate`.
    let id: String?
    let created: Date?
    let changed: Date?
    let place: (line: Int, column: Int)
    var notes: [String] = []
    var bytes = 0

    init(
        depth: Int, id: String?, created: Date?, changed: Date?, place: (line: Int, column: Int)
    ) {
        self.depth = depth
        self.id = id
        self.created = created
        self.changed = changed
        self.place = place
    }

    /// The unit: see ``TMXReader`` for how TMX maps onto it.
    func unit(
        now: Date, variants: [ParsedVariant], props: [ParsedProp], extras: UnitExtras,
        warn: (String) -> Void
    ) -> TranslationUnit {
        // Made with their capacity: reserveCapacity is not specialized and costs more.
        var variantsByLanguage = [Language: Variant](minimumCapacity: variants.count)
        var properties: [String: String] = [:]
        var markup: [String] = []
        var extraVariants = 0
        for index in variants.indices {
            let language = variants[index].language
            // A unit has a handful of languages: the variants before this one tell a repeated
            // language faster than a lookup, and without a list of their own.
            var repeated = false
            for earlier in 0..<index where variants[earlier].language == language {
                repeated = true
                break
            }
            let span = variants[index].span
            guard !repeated else {
                extraVariants += 1
                properties[TMXNames.extraVariant(extraVariants)] = Self.variantXML(
                    variants[index], variants[index].metadata, span)
                continue
            }
            variantsByLanguage[language] = Variant(
                language: language, text: variants[index].text, span: span)
            if variants[index].tag != language.code {
                properties[TMXNames.languageTag(language)] = variants[index].tag
            }
            if !variants[index].metadata.isEmpty {
                properties[TMXNames.variantMetadata(language)] = variants[index].metadata
            }
            if let attributes = variants[index].attributes, !attributes.isEmpty {
                properties[TMXNames.variantAttributes(language)] = attributes
            }
            if variants[index].hasMarkup { markup.append(language.code) }
        }
        if !markup.isEmpty {
            properties[TMXInlineMarkup.property] = markup.sorted().joined(separator: " ")
        }

        var origin = TranslationUnit.Origin.imported
        var documentID: String?
        var url: String?
        var date: String?
        var titles = [Language: String](minimumCapacity: 3)
        var score: Double?
        var flagged = false
        // Other props go into the properties as they come, after those of the variants: a
        // type met again is numbered in file order, and the URL and date of a unit without a
        // document come last.
        func keep(_ type: String, _ value: String, attributes: String? = nil) {
            var name = type
            var number = 1
            while properties[name] != nil {
                number += 1
                name = "\(type)\(TMXNames.repeatMark)\(number)"
            }
            properties[name] = value
            if let attributes { properties[TMXNames.propAttributes(name)] = attributes }
        }
        if let attributes = extras.attributes, !attributes.isEmpty {
            properties[TMXNames.unitAttributes] = attributes
        }
        for (number, attributes) in extras.noteAttributes where !attributes.isEmpty {
            properties[TMXNames.noteAttributes(number)] = attributes
        }
        // By index, each field read where it is: a copy of a whole prop would retain and
        // release all its strings.
        for index in props.indices {
            let field = props[index].field
            let value = props[index].value
            guard field != .other else {
                keep(props[index].type, value, attributes: props[index].attributes)
                continue
            }
            var read = true
            switch field {
            case .origin:
                if let parsed = TranslationUnit.Origin(rawValue: value) {
                    origin = parsed
                } else {
                    read = false
                }
            case .document: if value.isEmpty { read = false } else { documentID = value }
            case .url: url = value
            case .date: date = value
            case .title:
                if let parsed = props[index].titleLanguage {
                    titles[parsed] = value
                } else {
                    read = false
                }
            case .alignmentScore:
                if let parsed = Self.score(value) { score = parsed } else { read = false }
            case .flagged where value == "true" || value == "false":
                flagged = value == "true"
            default: read = false
            }
            if !read {
                let type = props[index].type
                warn("the prop \(type) = '\(value)' cannot be read; kept as a property")
                keep(type, value, attributes: props[index].attributes)
            }
        }
        var provenance: Provenance?
        if let documentID {
            provenance = Provenance(documentID: documentID, titles: titles, url: url, date: date)
        } else {
            // Without a document the metadata has nowhere to go but the properties.
            if let url { keep(TMXNames.url, url) }
            if let date { keep(TMXNames.date, date) }
        }

        let id = self.id.flatMap { $0.isEmpty ? nil : $0 } ?? Self.contentID(variants)
        return TranslationUnit(
            id: id, variants: variantsByLanguage, origin: origin, provenance: provenance,
            alignmentScore: score, flagged: flagged, properties: properties, notes: notes,
            created: created ?? extras.variantsCreated ?? changed ?? extras.variantsChanged ?? now,
            changed: changed ?? extras.variantsChanged ?? created ?? now)
    }

    /// The id of a unit without `tuid`: a digest of its languages and texts, so the same
    /// unit read twice (from one file or two) is stored once.
    private static func contentID(_ variants: [ParsedVariant]) -> String {
        var first = ContentDigest(offset: 0xcbf2_9ce4_8422_2325, prime: 0x100_0000_01b3)
        var second = ContentDigest(offset: 0x8422_2325_cbf2_9ce4, prime: 0x9E37_79B9_7F4A_7C15)
        let texts = variants.map { "\($0.language.code)\u{1}\($0.text)" }.sorted()
        for text in texts {
            first.add(text)
            second.add(text)
        }
        return "tmx-" + first.hex + second.hex
    }

    /// `START END FILE`, read byte by byte: every variant of a Dragoman export has one.
    static func span(
        _ bytes: UnsafeBufferPointer<UInt8>, strings: inout TMXStringCache
    ) -> SourceSpan? {
        var index = 0
        func number() -> Int? {
            var value = 0
            var digits = 0
            while index < bytes.count, let digit = Self.digit(bytes[index]) {
                guard digits < 18 else { return nil }
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            guard digits > 0, index < bytes.count, bytes[index] == UInt8(ascii: " ") else {
                return nil
            }
            index += 1
            return value
        }
        guard let start = number(), let end = number(), end >= start, index < bytes.count else {
            return spanByFields(String(decoding: bytes, as: UTF8.self))
        }
        return SourceSpan(
            file: strings.string(UnsafeBufferPointer(rebasing: bytes[index...])),
            start: start, end: end)
    }

    /// The general reading of a span, for what the writer does not write itself (runs of
    /// spaces, signs).
    private static func spanByFields(_ text: String) -> SourceSpan? {
        let parts = text.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, let start = Int(parts[0]), let end = Int(parts[1]),
            start >= 0, end >= start
        else { return nil }
        return SourceSpan(file: String(parts[2]), start: start, end: end)
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte &- 0x30) : nil
    }

    /// An alignment score: a number in 0...1.
    private static func score(_ text: String) -> Double? {
        guard let value = decimal(text) ?? Double(text), value >= 0, value <= 1 else {
            return nil
        }
        return value
    }

    /// `0.863` as Double reads it, without the C library: digits, then a point and digits,
    /// at most fifteen in all, whose value and power of ten are both exact in a Double, so that one
    /// division rounds once, as a correct reading does. Nil for any other text.
    private static func decimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            var digits: UInt64 = 0
            var count = 0
            var scale: UInt64 = 1
            var decimals = false
            for byte in bytes {
                if byte == UInt8(ascii: "."), !decimals, count > 0 {
                    decimals = true
                    continue
                }
                guard byte &- 0x30 < 10, count < 15 else { return nil }
                digits = digits &* 10 &+ UInt64(byte &- 0x30)
                count += 1
                if decimals { scale &*= 10 }
            }
            guard count > 0, !decimals || scale > 1 else { return nil }
            return Double(digits) / Double(scale)
        }
    }

    static func element(_ name: String, _ attributes: [XMLAttribute], _ text: String) -> String {
        var out = "<" + name
        for attribute in attributes {
            out += " \(attribute.name)=\"\(XMLEscaping.escaped(attribute.value, attribute: true))\""
        }
        return out + ">" + XMLEscaping.escaped(text) + "</\(name)>"
    }

    static func variantXML(
        _ parsed: ParsedVariant, _ metadata: String, _ span: SourceSpan?
    )
        -> String
    {
        let tag = parsed.tag.replacingOccurrences(of: "_", with: "-")
        var out =
            "<tuv xml:lang=\"\(XMLEscaping.escaped(tag, attribute: true))\""
            + (parsed.attributes ?? "") + ">" + metadata
        if let span {
            out += element(
                "prop", [XMLAttribute(name: "type", value: TMXNames.span)],
                "\(span.start) \(span.end) \(span.file)")
        }
        let text = parsed.hasMarkup ? parsed.text : XMLEscaping.escaped(parsed.text)
        return out + "<seg>" + text + "</seg></tuv>"
    }
}
