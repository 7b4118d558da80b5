internal import CLibXML2
import Foundation

/// An XLIFF file as a small tree of Swift values, read with libxml2. Every libxml2 call of the
/// XLIFF reader is here.
///
/// Bilingual files are small next to memories, so the file is read whole. The encoding is
/// libxml2's to find (a byte-order mark, or the XML declaration). Safety as for
/// ``TMXReader``: no network, no DTD is loaded, entities are never expanded, a DOCTYPE that
/// declares entities is refused, and libxml2's limits stay on (no `XML_PARSE_HUGE`).
enum XLIFFTree {
    /// An element: local name, namespace, attributes and content in document order.
    struct Element: Sendable {
        var name: String
        var prefix: String?
        var namespace: String?
        /// Attributes by name; `xml:lang` and other prefixed names keep their prefix.
        var attributes: [(name: String, value: String)]
        var content: [Node]
        var line: Int
        var column: Int

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }

        /// Child elements in the namespace `namespace` named `name`, in order.
        func children(_ name: String, in namespace: String?) -> [Element] {
            content.compactMap {
                if case .element(let child) = $0, child.name == name,
                    child.namespace == namespace
                {
                    return child
                }
                return nil
            }
        }

        func child(_ name: String, in namespace: String?) -> Element? {
            for node in content {
                if case .element(let child) = node, child.name == name,
                    child.namespace == namespace
                {
                    return child
                }
            }
            return nil
        }

        /// All character data inside, markup left out.
        var text: String {
            content.map {
                switch $0 {
                case .text(let text): text
                case .element(let element): element.text
                }
            }.joined()
        }

        /// The name as written, prefix included.
        var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
    }

    enum Node: Sendable {
        case element(Element)
        case text(String)
    }

    private static let parserReady: Void = xmlInitParser()

    /// The first error libxml2 reports while one document is parsed.
    private final class ErrorBox {
        var first: (code: Int, message: String, line: Int, column: Int)?
    }

    /// Parses `bytes` and returns the root element.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, name: String
    ) throws(XLIFFError)
        -> Element
    {
        _ = parserReady
        guard bytes.count > 0 else {
            throw XLIFFError(
                file: name, line: 1, column: 1, message: "the file is empty, not XLIFF")
        }
        guard bytes.count < Int(Int32.max) else {
            throw XLIFFError(
                file: name, line: 1, column: 1, message: "the file is larger than 2 GB")
        }
        guard let context = xmlNewParserCtxt() else {
            throw XLIFFError(file: name, line: 1, column: 1, message: "out of memory")
        }
        defer { xmlFreeParserCtxt(context) }
        // Record where each element starts, for messages about it.
        context.pointee.sax.pointee.startElementNs = {
            user, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
            defaultedCount, attributes in
            xmlSAX2StartElementNs(
                user, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
                defaultedCount, attributes)
            guard let user else { return }
            let context = user.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let node = context.pointee.node, let input = context.pointee.input else {
                return
            }
            node.pointee.extra = XLIFFTree.startColumn(input)
        }
        // Errors come here, not to standard error; the first one is kept.
        let box = ErrorBox()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(box).toOpaque()) { user, error in
            guard let user, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(user).takeUnretainedValue()
            let level = error.pointee.level
            guard box.first == nil, level == XML_ERR_ERROR || level == XML_ERR_FATAL else {
                return
            }
            box.first = (
                Int(error.pointee.code),
                error.pointee.message.map { String(cString: $0) } ?? "unknown error",
                Int(error.pointee.line), Int(error.pointee.int2)
            )
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        // Not XML_PARSE_NOENT (entities stay unexpanded), not XML_PARSE_DTDLOAD, not
        // XML_PARSE_HUGE (libxml2's limits stay on).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let document = bytes.withMemoryRebound(to: CChar.self) {
            xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), name, nil, options)
        }
        defer { if let document { xmlFreeDoc(document) } }
        if let first = box.first {
            throw XLIFFError(
                file: name, line: max(first.line, 1), column: max(first.column, 1),
                message: describe(first.code, first.message))
        }
        guard let document, context.pointee.wellFormed != 0 else {
            throw XLIFFError(file: name, line: 1, column: 1, message: "not well-formed XML")
        }
        if let subset = document.pointee.intSubset,
            subset.pointee.entities != nil || subset.pointee.pentities != nil
        {
            throw XLIFFError(
                file: name, line: max(Int(xmlGetLineNo(xmlNodePtr(OpaquePointer(subset)))), 1),
                column: 1,
                message: "the DOCTYPE declares entities: entity declarations are refused (they "
                    + "can read other files or expand without bound); remove them from the file")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw XLIFFError(file: name, line: 1, column: 1, message: "no root element, not XLIFF")
        }
        return try element(root, file: name)
    }

    /// The column of the `<` that opens the element just read: the parser stands after its
    /// `>`. 1 when the tag spans lines or is no longer in the buffer.
    private static func startColumn(_ input: xmlParserInputPtr) -> UInt16 {
        let column = Int(input.pointee.col)
        guard var pointer = input.pointee.cur, let base = input.pointee.base else { return 1 }
        var scalars = 0
        while pointer > base {
            pointer -= 1
            let byte = pointer.pointee
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "<") { return UInt16(clamping: max(column - scalars, 1)) }
            if byte == UInt8(ascii: "\n") { return 1 }
        }
        return 1
    }

    private static func clean(_ message: String) -> String {
        message.split(separator: "\n").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? message
    }

    /// libxml2's message as one sentence, with a hint for the usual causes.
    private static func describe(_ code: Int, _ message: String) -> String {
        let text = clean(message)
        switch code {
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
            Int(XML_ERR_UNKNOWN_ENCODING.rawValue), Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue),
            Int(XML_I18N_CONV_FAILED.rawValue), Int(XML_IO_ENCODER.rawValue):
            return "not readable in its encoding: \(text) (save the file as UTF-8, or declare "
                + "its encoding in the XML declaration)"
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            return "no XML content, not XLIFF"
        case Int(XML_ERR_DOCUMENT_END.rawValue), Int(XML_ERR_TAG_NOT_FINISHED.rawValue),
            Int(XML_ERR_GT_REQUIRED.rawValue), Int(XML_ERR_LTSLASH_REQUIRED.rawValue):
            return "not well-formed XML: \(text) (is the file cut short?)"
        case Int(XML_WAR_UNDECLARED_ENTITY.rawValue), Int(XML_ERR_UNDECLARED_ENTITY.rawValue):
            return "not well-formed XML: \(text) (DTDs are not read; write the character itself)"
        default:
            return "not well-formed XML: \(text)"
        }
    }

    private static func element(_ node: xmlNodePtr, file: String) throws(XLIFFError) -> Element {
        var result = Element(
            name: String(cString: node.pointee.name),
            prefix: node.pointee.ns?.pointee.prefix.map { String(cString: $0) },
            namespace: node.pointee.ns?.pointee.href.map { String(cString: $0) },
            attributes: [], content: [],
            line: max(Int(xmlGetLineNo(node)), 1), column: max(Int(node.pointee.extra), 1))
        var attribute = node.pointee.properties
        while let current = attribute {
            var key = String(cString: current.pointee.name)
            if let namespace = current.pointee.ns, let prefix = namespace.pointee.prefix {
                key = String(cString: prefix) + ":" + key
            }
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if text.pointee.type == XML_ENTITY_REF_NODE {
                    throw entityError(text, in: result, file: file)
                }
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            result.attributes.append((key, value))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                result.content.append(.element(try element(current, file: file)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    result.content.append(.text(String(cString: content)))
                }
            case XML_ENTITY_REF_NODE:
                throw entityError(current, in: result, file: file)
            default: break
            }
            child = current.pointee.next
        }
        return result
    }

    private static func entityError(
        _ node: xmlNodePtr, in element: Element, file: String
    ) -> XLIFFError {
        let entity = String(cString: node.pointee.name)
        return XLIFFError(
            file: file, line: element.line, column: element.column,
            message: "the entity reference &\(entity); is not defined in XML and DTDs are not "
                + "read; write the character itself")
    }
}
