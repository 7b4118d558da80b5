/// Why a TMX file cannot be read: nothing read from it should be stored.
public typealias TMXError = FileError

/// Something in a TMX file that was read with a guess or left out: the import goes on.
public struct TMXWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): warning: \(message)" }
}
