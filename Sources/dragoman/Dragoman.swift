import ArgumentParser
import DragomanKit
import Foundation

@main
struct Dragoman: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dragoman",
        abstract: "Translation memory and glossary toolkit for Turkish, English and German.",
        version: "0.1.0",
        subcommands: [
            Segment.self, Align.self, Lookup.self, Analyze.self, Concordance.self, Import.self,
            Export.self, Glossary.self, Memory.self, Check.self, Bench.self,
        ]
    )

    /// Runs the command with the exit statuses of the CLI contract: 0 success, 1 problems
    /// found (`check`), 2 usage errors and unreadable or invalid input.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            Terminal.error("dragoman: \(error.description)")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == .validationFailure {
                Terminal.error("dragoman: \(message(for: error)) (see dragoman help)")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
