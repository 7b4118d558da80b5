import Foundation

/// The attributes of a start tag, as a reader hands them to ``TMXUnitBuilder``.
///
/// The builder reads a few attributes by name and needs all of them only for the elements it
/// keeps as XML (inline markup, the props and notes of a `<tuv>`). The libxml2 reader has
/// made strings of every attribute already; the byte scanner makes a string only when the
/// builder asks for one, and reads dates straight from the bytes.
protocol TMXAttributeList {
    /// How many attributes the tag has.
    var count: Int { get }
    /// The value of the attribute `name`, or nil when the tag has none.
    func value(_ name: TMXAttributeName) -> String?
    /// The value of the attribute `name` read as a TMX date; nil when absent or not a date.
    func date(_ name: TMXAttributeName) -> Date?
    /// The `type` of a `<prop>`, with what it means to the reader.
    func propType() -> (String, TMXPropField)?
    /// The UTF-8 bytes of all values together: what the attributes add to a unit's size.
    var valueByteCount: Int { get }
    /// Every attribute, in the order written.
    var all: [XMLAttribute] { get }
}

extension TMXAttributeList {
    func date(_ name: TMXAttributeName) -> Date? { value(name).flatMap(TMXDate.date) }

    func propType() -> (String, TMXPropField)? { value(.type).map { ($0, TMXPropField($0)) } }
}

extension [XMLAttribute]: TMXAttributeList {
    func value(_ name: TMXAttributeName) -> String? { first { $0.kind == name }?.value }

    var valueByteCount: Int { reduce(0) { $0 + $1.value.utf8.count } }

    var all: [XMLAttribute] { self }
}
