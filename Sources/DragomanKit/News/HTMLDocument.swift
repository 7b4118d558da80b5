internal import CLibXML2

/// A node of a parsed HTML page, as plain Swift values.
enum HTMLNode: Sendable {
    case element(HTMLElement)
    /// Character data with entities decoded and line breaks as libxml2 delivers them.
    case text(String)
}

/// An element of a parsed HTML page: lower-case name, attributes, children in document order.
struct HTMLElement: Sendable {
    var name: String
    var attributes: [String: String]
    var children: [HTMLNode]

    func attribute(_ name: String) -> String? { attributes[name] }
}

/// An HTML page parsed by libxml2's forgiving HTML parser.
///
/// libxml2 repairs what browsers repair (unclosed paragraphs and list items, stray end tags)
/// and never fails on text it can read, so the reader always gets a tree. Every libxml2 call
/// lives in this file; the rest of the reader sees Swift values only.
struct HTMLDocument: Sendable {
    /// The `<html>` element, or nil when the page holds no markup libxml2 could build on.
    let root: HTMLElement?

    /// libxml2 sets up its global tables on first use; doing that once, before any parse, keeps
    /// pages read on several threads at once from racing to do it.
    private static let parserReady: Void = xmlInitParser()

    init(parsing text: String) {
        _ = Self.parserReady
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                | HTML_PARSE_COMPACT.rawValue)
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else {
            root = nil
            return
        }
        let document = utf8.withUnsafeMutableBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else {
            root = nil
            return
        }
        defer { xmlFreeDoc(document) }
        var top = document.pointee.children
        var found: HTMLElement?
        while let node = top {
            if node.pointee.type == XML_ELEMENT_NODE {
                found = Self.element(node)
                break
            }
            top = node.pointee.next
        }
        root = found
    }

    /// The character a named entity (`uuml`, `nbsp`) stands for in HTML 4, which is the
    /// table libxml2 decodes with.
    static func entity(named name: String) -> Unicode.Scalar? {
        guard let description = htmlEntityLookup(name), description.pointee.value > 0 else {
            return nil
        }
        return Unicode.Scalar(description.pointee.value)
    }

    private static func element(_ node: xmlNodePtr) -> HTMLElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                attributes[String(cString: name).lowercased()] = text(of: current.pointee.children)
            }
            attribute = current.pointee.next
        }
        var children: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    children.append(.text(String(cString: content)))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        return HTMLElement(name: name, attributes: attributes, children: children)
    }

    /// The concatenated text of a list of sibling nodes (an attribute's value).
    private static func text(of first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        while let current = node {
            if let content = current.pointee.content { out += String(cString: content) }
            node = current.pointee.next
        }
        return out
    }
}
