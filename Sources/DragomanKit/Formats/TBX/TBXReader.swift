internal import CLibXML2
import Foundation

/// Reads TBX glossaries, version 2 (`<martif>`) and version 3 (`<tbx>`), into entries.
///
/// The version is found from the root element. Per entry (`termEntry`, `conceptEntry`): the
/// id (or `tbx-N` by position), `descrip type="subjectField"` as the category, `note` as the
/// entry note; per term (`tig`, `ntig`, `termSec`): the text, `partOfSpeech`,
/// `administrativeStatus` (a missing one is preferred) and `note`. The markers
/// ``TBXWriter`` writes (``TBXNames``) are read back into statuses, exclusions and
/// properties. Other data categories are left out.
///
/// Glossaries are small, so the file is read whole into a libxml2 tree. The encoding is
/// libxml2's to find (a BOM, or the XML declaration: windows-1254 and the like). Safety as for
/// ``TMXReader``: no network, no DTD is loaded, and a DOCTYPE that declares entities is refused.
public enum TBXReader {
    /// Whether the bytes look like TBX: a `<martif` or `<tbx` root near the start.
    public static func looksLikeTBX(_ bytes: [UInt8]) -> Bool {
        // Also UTF-16: drop the zero bytes before looking.
        let head = String(decoding: bytes.prefix(4096).filter { $0 != 0 }, as: UTF8.self)
        return head.contains("<martif") || head.contains("<tbx")
    }

    /// Reads the entries of a TBX file.
    ///
    /// - Throws: ``GlossaryError`` with the file, line and column of the first problem.
    public static func read(path: String) throws(GlossaryError) -> [GlossaryEntry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GlossaryError(
                file: path, line: 1, column: 1, message: "cannot be read (missing or no permission)"
            )
        }
        return try read([UInt8](data), name: path)
    }

    /// Reads the entries of TBX `bytes`, named `name` in messages.
    public static func read(_ bytes: [UInt8], name: String) throws(GlossaryError) -> [GlossaryEntry]
    {
        let root = try TBXTree.parse(bytes, name: name)
        let version: Int
        switch root.name {
        case "martif": version = 2
        case "tbx": version = 3
        default:
            throw root.error(
                name, "the root element is <\(root.name)>, not <martif> or <tbx>: not TBX")
        }
        let entryName = version == 3 ? "conceptEntry" : "termEntry"
        var entries: [GlossaryEntry] = []
        var ids: Set<String> = []
        for body in root.children("text").flatMap({ $0.children("body") }) {
            for element in body.children(entryName) {
                let entry = try readEntry(element, number: entries.count + 1, name: name)
                guard ids.insert(entry.id).inserted else {
                    throw element.error(name, "duplicate entry id \"\(entry.id)\"")
                }
                entries.append(entry)
            }
        }
        return entries
    }

    private static func readEntry(
        _ element: TBXTree.Element, number: Int, name: String
    ) throws(GlossaryError) -> GlossaryEntry {
        let id = element.attributes["id"].flatMap { $0.isEmpty ? nil : $0 } ?? "tbx-\(number)"
        var entry = GlossaryEntry(id: id)
        var notes: [String] = []
        // descrip may be wrapped in descripGrp.
        let auxiliary = element.children + element.children("descripGrp").flatMap(\.children)
        for child in auxiliary {
            switch child.name {
            case "descrip" where child.attributes["type"] == "subjectField":
                let value = child.text
                if !value.isEmpty && entry.category == nil {
                    entry.category = GlossaryCategory(rawValue: value)
                }
            case "note":
                let value = child.text
                if value.hasPrefix(TBXNames.excludePrefix) {
                    entry.exclusions.append(String(value.dropFirst(TBXNames.excludePrefix.count)))
                } else if value.hasPrefix(TBXNames.propertyPrefix),
                    let equals = value.firstIndex(of: "=")
                {
                    let key = value[
                        value.index(
                            value.startIndex, offsetBy: TBXNames.propertyPrefix.count)..<equals]
                    entry.properties[String(key)] = String(value[value.index(after: equals)...])
                } else if !value.isEmpty {
                    notes.append(value)
                }
            default: break
            }
        }
        if !notes.isEmpty { entry.note = notes.joined(separator: "\n") }
        for languageElement in element.children.filter({
            $0.name == "langSet" || $0.name == "langSec"
        }) {
            guard
                let tag = languageElement.attributes["xml:lang"]
                    ?? languageElement.attributes["lang"]
            else {
                throw languageElement.error(name, "<\(languageElement.name)> without xml:lang")
            }
            guard let language = Language(tag: tag) else {
                throw languageElement.error(name, "xml:lang=\"\(tag)\" is not a language tag")
            }
            for termElement in languageElement.children
            where ["tig", "ntig", "termSec"].contains(termElement.name) {
                // ntig keeps its term and termNotes in a termGrp.
                let parts =
                    termElement.children + termElement.children("termGrp").flatMap(\.children)
                guard let text = parts.first(where: { $0.name == "term" })?.text, !text.isEmpty
                else {
                    throw termElement.error(name, "<\(termElement.name)> without a term")
                }
                var term = GlossaryTerm(
                    language: language, text: text.precomposedStringWithCanonicalMapping)
                var termNotes: [String] = []
                var forbidden = false
                var properNoun = false
                for part in parts {
                    switch (part.name, part.attributes["type"]) {
                    case ("termNote", "partOfSpeech"):
                        term.partOfSpeech = PartOfSpeech(rawValue: part.text) ?? .other
                    case ("termNote", "administrativeStatus"):
                        if let status = TBXNames.status(part.text) { term.status = status }
                    case ("note", _):
                        switch part.text {
                        case TBXNames.forbiddenNote: forbidden = true
                        case TBXNames.properNounNote: properNoun = true
                        case "": break
                        case let value: termNotes.append(value)
                        }
                    default: break
                    }
                }
                if forbidden { term.status = .forbidden }
                if properNoun { term.partOfSpeech = .properNoun }
                if !termNotes.isEmpty { term.note = termNotes.joined(separator: "\n") }
                entry.terms.append(term)
            }
        }
        return entry
    }
}

/// A TBX file as a small tree of elements, read with libxml2. Every libxml2 call of the TBX
/// reader is here.
enum TBXTree {
    /// An element: its local name, attributes (`xml:lang` keeps its prefix), children and line.
    final class Element {
        let name: String
        let line: Int
        var attributes: [String: String] = [:]
        var children: [Element] = []
        /// Character data directly inside, including that of inline elements.
        var textParts: [String] = []

        init(name: String, line: Int) {
            self.name = name
            self.line = line
        }

        func children(_ name: String) -> [Element] { children.filter { $0.name == name } }

        /// The text with surrounding white space removed.
        var text: String {
            textParts.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func error(_ file: String, _ message: String) -> GlossaryError {
            GlossaryError(file: file, line: line, column: 1, message: message)
        }
    }

    private static let parserReady: Void = xmlInitParser()

    /// Parses `bytes` and returns the root element.
    static func parse(_ bytes: [UInt8], name: String) throws(GlossaryError) -> Element {
        _ = parserReady
        guard !bytes.isEmpty else {
            throw GlossaryError(
                file: name, line: 1, column: 1, message: "the file is empty, not TBX")
        }
        guard let context = xmlNewParserCtxt() else {
            throw GlossaryError(file: name, line: 1, column: 1, message: "out of memory")
        }
        defer { xmlFreeParserCtxt(context) }
        // Errors go to the context's last error, not to standard error.
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        // Not XML_PARSE_NOENT (entities stay unexpanded), not XML_PARSE_DTDLOAD, not
        // XML_PARSE_HUGE (libxml2's limits stay on).
        let options = Int32(XML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), name, nil, options)
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        guard let document, context.pointee.wellFormed != 0 else {
            throw lastError(context, name)
        }
        if let subset = document.pointee.intSubset,
            subset.pointee.entities != nil || subset.pointee.pentities != nil
        {
            throw GlossaryError(
                file: name, line: 1, column: 1,
                message: "the DOCTYPE declares entities: entity declarations are refused (they "
                    + "can read other files or expand without bound); remove them from the file")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw GlossaryError(file: name, line: 1, column: 1, message: "no root element, not TBX")
        }
        return try element(root, name: name)
    }

    private static func lastError(_ context: xmlParserCtxtPtr, _ name: String) -> GlossaryError {
        guard let error = xmlCtxtGetLastError(context) else {
            return GlossaryError(file: name, line: 1, column: 1, message: "not well-formed XML")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let text =
            message.split(separator: "\n").first.map {
                $0.trimmingCharacters(in: .whitespaces)
            } ?? message
        return GlossaryError(
            file: name, line: max(Int(error.pointee.line), 1),
            column: max(Int(error.pointee.int2), 1),
            message: "not well-formed XML: \(text)")
    }

    private static func element(
        _ node: xmlNodePtr, name file: String
    ) throws(GlossaryError) -> Element {
        let result = Element(
            name: String(cString: node.pointee.name), line: max(Int(xmlGetLineNo(node)), 1))
        var attribute = node.pointee.properties
        while let current = attribute {
            var key = String(cString: current.pointee.name)
            if let namespace = current.pointee.ns, let prefix = namespace.pointee.prefix {
                key = String(cString: prefix) + ":" + key
            }
            // The value is the text nodes under the attribute node.
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            result.attributes[key] = value
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let sub = try element(current, name: file)
                result.children.append(sub)
                result.textParts += sub.textParts
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    result.textParts.append(String(cString: content))
                }
            case XML_ENTITY_REF_NODE:
                let entity = String(cString: current.pointee.name)
                throw GlossaryError(
                    file: file, line: max(Int(xmlGetLineNo(current)), 1), column: 1,
                    message: "the entity reference &\(entity); is not defined in XML and DTDs "
                        + "are not read; write the character itself")
            default: break
            }
            child = current.pointee.next
        }
        return result
    }
}
