public import Foundation

/// Reads XLIFF 1.2, 2.0 and 2.1 bilingual files, as CAT tools write them, into units of
/// plain source and target text.
///
/// XLIFF 1.2: `<xliff version="1.2">` with one or more `<file source-language
/// target-language>`, each with a `<body>` of `<trans-unit id>` (in `<group>`s to any depth)
/// holding `<source>`, `<target state>`, `<note>`s and, when the tool segmented the unit, a
/// `<seg-source>` whose `<mrk mtype="seg" mid>` markers pair with those of the target: then
/// each marker pair is a unit, with the id `unit#mid`. The files of one document must share
/// their language pair (a region may differ: `en-US` and `en-GB` are both English).
///
/// XLIFF 2.0 and 2.1: `<xliff version="2.0" srcLang trgLang>` with `<file>`s of `<unit id>`
/// (in `<group>`s), each with `<notes>` and `<segment state>`s of `<source>` and `<target>`.
/// Each segment is a unit, with the id of its unit when the unit has one segment and
/// `unit#segment` when it has several. The content of `<ignorable>` (the white space between
/// segments) is kept: it goes to the end of the segment before it, or to the start of the
/// first segment.
///
/// Units that the file (or a file, group or unit around them) marks `translate="no"` are
/// kept, with ``BilingualUnit/translatable`` false. Elements of other namespaces (2.0
/// modules, 1.2 `alt-trans` proposals) are not units and are left out. See
/// ``XLIFFInlineContent`` for what plain text keeps of inline markup.
public enum XLIFFReader {
    /// The file name extensions of XLIFF files.
    public static let fileExtensions: Set<String> = ["xlf", "xliff", "xlf2"]

    /// Whether the bytes look like XLIFF: an `<xliff` element near the start.
    public static func looksLikeXLIFF(_ bytes: some Collection<UInt8>) -> Bool {
        // Also UTF-16: drop the zero bytes before looking.
        let head = String(decoding: bytes.prefix(4096).filter { $0 != 0 }, as: UTF8.self)
        return head.contains("<xliff") || head.contains(":xliff ")
    }

    /// Reads the XLIFF file at `url`.
    ///
    /// - Throws: ``XLIFFError`` with the file, line and column of the first problem.
    public static func read(contentsOf url: URL) throws -> BilingualDocument {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw XLIFFError(file: path, line: 1, column: 1, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw XLIFFError(file: path, line: 1, column: 1, message: "is a directory, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XLIFFError(
                file: path, line: 1, column: 1, message: "cannot be read (no permission)")
        }
        return try read(data: data, path: path)
    }

    /// Reads XLIFF `data`, named `path` in messages.
    ///
    /// - Throws: ``XLIFFError`` with the file, line and column of the first problem.
    public static func read(data: Data, path: String) throws -> BilingualDocument {
        let root = try data.withUnsafeBytes { bytes throws(XLIFFError) in
            try XLIFFTree.parse(bytes, name: path)
        }
        guard root.name == "xliff" else {
            throw XLIFFError(
                file: path, line: root.line, column: root.column,
                message: "the root element is <\(root.qualifiedName)>, not <xliff>: not XLIFF")
        }
        let version = root.attribute("version") ?? ""
        var reader = DocumentReader(file: path, namespace: root.namespace)
        switch version {
        case "1.2":
            try reader.readVersion1(root)
        case "2.0", "2.1":
            try reader.readVersion2(root)
        default:
            let found = version.isEmpty ? "no version" : "version \"\(version)\""
            throw reader.error(
                at: root, "<xliff> has \(found): XLIFF 1.2, 2.0 and 2.1 are read")
        }
        guard let source = reader.sourceLanguage else {
            throw reader.error(at: root, "the file has no <file> element with a source language")
        }
        return BilingualDocument(
            sourceLanguage: source, targetLanguage: reader.targetLanguage, units: reader.units,
            format: "xliff-\(version)")
    }
}

/// The walk over one document's elements, collecting its language pair and units.
private struct DocumentReader {
    let file: String
    /// The namespace of the root: structural elements are those in it.
    let namespace: String?
    var sourceLanguage: Language?
    var targetLanguage: Language?
    var units: [BilingualUnit] = []

    init(file: String, namespace: String?) {
        self.file = file
        self.namespace = namespace
    }

    func error(at element: XLIFFTree.Element, _ message: String) -> XLIFFError {
        XLIFFError(file: file, line: element.line, column: element.column, message: message)
    }

    /// The language named by `attribute` of `element`.
    func language(
        _ attribute: String, of element: XLIFFTree.Element
    ) throws(XLIFFError)
        -> Language?
    {
        guard let tag = element.attribute(attribute), !tag.isEmpty else { return nil }
        guard let language = Language(tag: tag) else {
            throw error(at: element, "\(attribute)=\"\(tag)\" is not a language tag")
        }
        return language
    }

    /// Takes the language pair of one `<file>` (1.2) or of the root (2.0), which must agree
    /// with the pair already read.
    mutating func setLanguages(
        source: Language, target: Language?, at element: XLIFFTree.Element
    ) throws(XLIFFError) {
        if let known = sourceLanguage, known != source {
            throw error(
                at: element,
                "the source language \(source) differs from \(known) of the file before: a "
                    + "document must have one language pair (split it into one per pair)")
        }
        if let target, let known = targetLanguage, known != target {
            throw error(
                at: element,
                "the target language \(target) differs from \(known) of the file before: a "
                    + "document must have one language pair (split it into one per pair)")
        }
        sourceLanguage = source
        if let target { targetLanguage = target }
    }

    static func translatable(_ element: XLIFFTree.Element, inherited: Bool) -> Bool {
        switch element.attribute("translate") {
        case "no": false
        case "yes": true
        default: inherited
        }
    }

    // MARK: XLIFF 1.2

    mutating func readVersion1(_ root: XLIFFTree.Element) throws(XLIFFError) {
        for fileElement in root.children("file", in: namespace) {
            guard let source = try language("source-language", of: fileElement) else {
                throw error(
                    at: fileElement,
                    "<file> has no source-language: XLIFF 1.2 requires it (source-language=\"en\")"
                )
            }
            try setLanguages(
                source: source, target: try language("target-language", of: fileElement),
                at: fileElement)
            let original = fileElement.attribute("original")
            for body in fileElement.children("body", in: namespace) {
                try readGroup1(body, inherited: true, original: original)
            }
        }
    }

    private mutating func readGroup1(
        _ group: XLIFFTree.Element, inherited: Bool, original: String?
    ) throws(XLIFFError) {
        for case .element(let child) in group.content where child.namespace == namespace {
            switch child.name {
            case "group":
                try readGroup1(
                    child, inherited: Self.translatable(child, inherited: inherited),
                    original: original)
            case "trans-unit":
                try readTransUnit(
                    child, translatable: Self.translatable(child, inherited: inherited),
                    original: original)
            default: break
            }
        }
    }

    private mutating func readTransUnit(
        _ unit: XLIFFTree.Element, translatable: Bool, original: String?
    ) throws(XLIFFError) {
        guard let id = unit.attribute("id"), !id.isEmpty else {
            throw error(at: unit, "<trans-unit> has no id: XLIFF 1.2 requires one")
        }
        guard let sourceElement = unit.child("source", in: namespace) else {
            throw error(at: unit, "<trans-unit id=\"\(id)\"> has no <source>")
        }
        let targetElement = unit.child("target", in: namespace)
        let notes = unit.children("note", in: namespace).map(\.text).filter { !$0.isEmpty }
        let note = notes.isEmpty ? nil : notes.joined(separator: "\n")
        let state = targetElement?.attribute("state")
        if let segmented = unit.child("seg-source", in: namespace) {
            let sourceMarkers = Self.segmentMarkers(in: segmented)
            let targetMarkers = targetElement.map(Self.segmentMarkers) ?? []
            // A target that was not segmented cannot be paired marker by marker: the unit is
            // then read whole.
            let targetText = targetElement.map { XLIFFInlineContent($0).plain } ?? ""
            let unpaired =
                targetMarkers.isEmpty
                && !targetText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            if !sourceMarkers.isEmpty && !unpaired {
                for marker in sourceMarkers {
                    let mid = marker.attribute("mid") ?? ""
                    let source = XLIFFInlineContent(marker)
                    let target = targetMarkers.first { $0.attribute("mid") == mid }
                        .map(XLIFFInlineContent.init)
                    units.append(
                        BilingualUnit(
                            id: "\(id)#\(mid)", source: source.plain, target: target?.plain,
                            sourceMarkup: source.markup, targetMarkup: target?.markup,
                            note: note, line: marker.line, state: state,
                            translatable: translatable, file: original))
                }
                return
            }
        }
        let source = XLIFFInlineContent(sourceElement)
        let target = targetElement.map(XLIFFInlineContent.init)
        units.append(
            BilingualUnit(
                id: id, source: source.plain, target: target?.plain,
                sourceMarkup: source.markup, targetMarkup: target?.markup, note: note,
                line: unit.line, state: state, translatable: translatable, file: original))
    }

    /// The `<mrk mtype="seg">` markers inside `element`, in order, at any depth (a tool may
    /// put them inside `<g>`), but not inside one another.
    private static func segmentMarkers(in element: XLIFFTree.Element) -> [XLIFFTree.Element] {
        var found: [XLIFFTree.Element] = []
        for case .element(let child) in element.content {
            if child.name == "mrk" && child.attribute("mtype") == "seg" {
                found.append(child)
            } else {
                found += segmentMarkers(in: child)
            }
        }
        return found
    }

    // MARK: XLIFF 2.0 and 2.1

    mutating func readVersion2(_ root: XLIFFTree.Element) throws(XLIFFError) {
        guard let source = try language("srcLang", of: root) else {
            throw error(
                at: root, "<xliff> has no srcLang: XLIFF 2 requires it (srcLang=\"en\")")
        }
        try setLanguages(source: source, target: try language("trgLang", of: root), at: root)
        for fileElement in root.children("file", in: namespace) {
            try readGroup2(
                fileElement, inherited: Self.translatable(fileElement, inherited: true),
                fileID: fileElement.attribute("id"))
        }
    }

    private mutating func readGroup2(
        _ group: XLIFFTree.Element, inherited: Bool, fileID: String?
    ) throws(XLIFFError) {
        for case .element(let child) in group.content where child.namespace == namespace {
            switch child.name {
            case "group":
                try readGroup2(
                    child, inherited: Self.translatable(child, inherited: inherited),
                    fileID: fileID)
            case "unit":
                try readUnit(
                    child, translatable: Self.translatable(child, inherited: inherited),
                    fileID: fileID)
            default: break
            }
        }
    }

    private mutating func readUnit(
        _ unit: XLIFFTree.Element, translatable: Bool, fileID: String?
    ) throws(XLIFFError) {
        guard let id = unit.attribute("id"), !id.isEmpty else {
            throw error(at: unit, "<unit> has no id: XLIFF 2 requires one")
        }
        let notes = unit.children("notes", in: namespace)
            .flatMap { $0.children("note", in: namespace) }.map(\.text).filter { !$0.isEmpty }
        let note = notes.isEmpty ? nil : notes.joined(separator: "\n")
        let parts = unit.content.compactMap { node -> XLIFFTree.Element? in
            guard case .element(let element) = node, element.namespace == namespace,
                element.name == "segment" || element.name == "ignorable"
            else { return nil }
            return element
        }
        let segmentCount = parts.count { $0.name == "segment" }
        guard segmentCount > 0 else {
            throw error(at: unit, "<unit id=\"\(id)\"> has no <segment>")
        }
        var read: [(source: XLIFFInlineContent, target: XLIFFInlineContent?, unit: BilingualUnit)] =
            []
        // Ignorable content before the first segment waits for it.
        var leading: (source: XLIFFInlineContent, target: XLIFFInlineContent?)?
        var position = 0
        for part in parts {
            guard let sourceElement = part.child("source", in: namespace) else {
                throw error(at: part, "<\(part.name)> of unit \"\(id)\" has no <source>")
            }
            let source = XLIFFInlineContent(sourceElement)
            let target = part.child("target", in: namespace).map(XLIFFInlineContent.init)
            if part.name == "ignorable" {
                if read.isEmpty {
                    leading = Self.joined(leading, (source, target))
                } else {
                    let last = read.count - 1
                    read[last].source.append(source)
                    if let target, read[last].target != nil { read[last].target!.append(target) }
                }
                continue
            }
            position += 1
            var pair: (source: XLIFFInlineContent, target: XLIFFInlineContent?) = (source, target)
            if let first = leading {
                pair = Self.joined(first, pair)
                leading = nil
            }
            let segmentID = part.attribute("id") ?? String(position)
            read.append(
                (
                    pair.source, pair.target,
                    BilingualUnit(
                        id: segmentCount == 1 ? id : "\(id)#\(segmentID)", source: "",
                        note: note, line: segmentCount == 1 ? unit.line : part.line,
                        state: part.attribute("state"), translatable: translatable,
                        file: fileID)
                ))
        }
        for var entry in read {
            entry.unit.source = entry.source.plain
            entry.unit.sourceMarkup = entry.source.markup
            entry.unit.target = entry.target?.plain
            entry.unit.targetMarkup = entry.target?.markup
            units.append(entry.unit)
        }
    }

    /// `first` followed by `second`; a target only when `second` has one.
    private static func joined(
        _ first: (source: XLIFFInlineContent, target: XLIFFInlineContent?)?,
        _ second: (source: XLIFFInlineContent, target: XLIFFInlineContent?)
    ) -> (source: XLIFFInlineContent, target: XLIFFInlineContent?) {
        guard let first else { return second }
        var source = first.source
        source.append(second.source)
        guard let secondTarget = second.target else { return (source, nil) }
        var target = first.target ?? XLIFFInlineContent(plain: "", markup: nil)
        target.append(secondTarget)
        return (source, target)
    }
}
