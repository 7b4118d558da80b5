import Foundation

/// Output helpers: stdout for results (buffered), stderr for messages.
enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether stderr is a terminal, so progress may be drawn there.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether stdout is a terminal, so matches may be highlighted with colours.
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}

/// Collects output and writes it to stdout in large blocks.
final class OutputBuffer {
    private var pending: [UInt8] = []
    private let limit = 1 << 16

    init() { pending.reserveCapacity(limit) }

    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= limit { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(
                    STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        pending.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
