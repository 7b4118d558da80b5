import Foundation

/// Runs the built `dragoman` executable, as a user would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let executable: URL = {
        // The test bundle sits next to the products of the same build.
        let bundle = URL(
            fileURLWithPath: CommandLine.arguments.first { $0.hasSuffix(".xctest") }
                ?? CommandLine.arguments[0])
        var directory = bundle.deletingLastPathComponent()
        if !FileManager.default.fileExists(
            atPath: directory.appendingPathComponent("dragoman").path)
        {
            directory = Bundle.main.bundleURL
        }
        return directory.appendingPathComponent("dragoman")
    }()

    /// Runs `dragoman`; standard input is a pipe that `stdin` is written into, or the file
    /// `stdinFile` itself.
    static func run(
        _ arguments: [String], stdin: Data? = nil, stdinFile: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        let file = try stdinFile.map { try FileHandle(forReadingFrom: $0) }
        defer { try? file?.close() }
        process.standardInput = file ?? input
        try process.run()
        // Read both pipes while the process runs, so that large outputs cannot block it.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A file in a fresh temporary folder.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dragoman-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }
}
