import Foundation

/// The time a new `dragoman lookup` process takes on a memory, from launch to exit: what a CAT
/// tool or a script that calls the command once per sentence waits for.
///
/// The memory's files are in the page cache (the benchmark has just written them), so this
/// is the cost of starting, opening the store and mapping the index, not of the disk.
struct ColdLookup {
    let memory: String
    let queries: [String]

    /// Wall-clock milliseconds of each run, in the order run.
    func run() throws -> [Double] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var times: [Double] = []
        for query in queries {
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "lookup", "--memory", memory, "--from", "en", "--to", "tr", "--format", "json",
                query,
            ]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            guard process.terminationStatus == 0 else {
                throw CLIError(
                    "the lookup process failed on \(memory): "
                        + String(decoding: message, as: UTF8.self))
            }
        }
        return times
    }
}
