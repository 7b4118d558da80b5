/// A glossary that cannot be built or read: a duplicate id, a malformed table row. The
/// message is one sentence; `file` and `line` say where, when known.
public struct GlossaryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    /// 1-based line and column, when the error is in a file's text.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`, with the parts that are known.
    public var description: String {
        var place = file ?? ""
        if let line {
            place += (place.isEmpty ? "line " : ":") + "\(line)"
            if let column { place += ":\(column)" }
        }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}
