/// Why a file cannot be read or used (a TMX or XLIFF file, a check configuration): where the
/// problem is, and what it is.
///
/// The message is one sentence; ``description`` puts the file, line and column in front of
/// it, the shape editors and terminals link to.
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as named by the caller (`<stdin>` for standard input).
    public var file: String
    /// 1-based line and column where the problem was found.
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
