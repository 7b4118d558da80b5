import DragomanKit

/// An error that stops a command: printed as one line on stderr, exit status 2.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// "FILE:LINE:COLUMN: message", the shape editors and terminals link to.
    static func at(_ file: String, line: Int, column: Int, _ message: String) -> CLIError {
        CLIError("\(file):\(line):\(column): \(message)")
    }
}
