public import ArgumentParser
public import DragomanKit
import Foundation

/// A text file named on the command line, or standard input for `-`.
struct InputFile {
    let name: String
    let text: String

    static func read(_ path: String) throws(CLIError) -> InputFile {
        let name = path == "-" ? "<stdin>" : path
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError("\(path): no such file")
            }
            guard !isDirectory.boolValue else {
                throw CLIError("\(path): is a directory, not a file")
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CLIError("\(path): cannot be opened for reading (permissions?)")
            }
            defer { try? handle.close() }
            do {
                bytes = [UInt8](try handle.readToEnd() ?? Data())
            } catch {
                throw CLIError("\(path): cannot be read: \(error.localizedDescription)")
            }
        }
        do {
            return InputFile(name: name, text: try TextInput.decode(bytes))
        } catch {
            throw CLIError.at(name, line: error.line, column: error.column, error.description)
        }
    }
}

/// `--lang` values: BCP 47 tags, matched to their language.
extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(tag: argument) }
}
