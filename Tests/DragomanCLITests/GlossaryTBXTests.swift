import Foundation
import Testing

/// Exports the shipped glossary as TBX v3 and v2, imports it back, and checks both files
/// with `../shared/tools/validate-tbx` when that tool can run.
@Suite(.serialized) struct GlossaryTBXTests {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let glossaries = projectRoot.appendingPathComponent("Glossaries").path
    static let validator = projectRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/tools/validate-tbx").path

    @Test(arguments: ["tbx", "tbx2"])
    func exportImportAndValidate(format: String) throws {
        let file = try CLI.temporaryFile("glossary.\(format).tbx", Data())
        let exported = try CLI.run([
            "glossary", "export", "--glossary", Self.glossaries, "--format", format, "-o",
            file.path,
        ])
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(format == "tbx" ? "<conceptEntry" : "<termEntry"))

        // Back into an empty store: every entry is added, none lost.
        let store = file.deletingLastPathComponent().appendingPathComponent("store.tsv").path
        let imported = try CLI.run(["glossary", "import", "--glossary", store, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let entries =
            text.components(separatedBy: format == "tbx" ? "<conceptEntry " : "<termEntry ")
            .count - 1
        #expect(imported.stdout.hasPrefix("\(entries) entries read: \(entries) added"))

        try validate(file.path)
    }

    @Test func badTBXIsRefusedWithOneLine() throws {
        let file = try CLI.temporaryFile("bad.tbx", Data("<martif><text><body>".utf8))
        let store = file.deletingLastPathComponent().appendingPathComponent("store.tsv").path
        let result = try CLI.run(["glossary", "import", "--glossary", store, file.path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("bad.tbx:"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// Runs validate-tbx, or says why not. The Schematron part needs a Python ≥ 3.12 set up
    /// with pyschematron and takes minutes on the whole shipped glossary, so it runs only with
    /// `DRAGOMAN_TBX_SCHEMATRON=1`; otherwise the RELAX NG and Translate Toolkit checks run
    /// alone.
    private func validate(_ path: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.validator),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        else {
            print("skipped: validate-tbx cannot run here (needs ../shared/tools and python3)")
            return
        }
        let cache =
            ProcessInfo.processInfo.environment["DRAGOMAN_TOOLS_CACHE"]
            ?? ((ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
                ?? NSHomeDirectory() + "/.cache") + "/dragoman-tools")
        var arguments = [path]
        if ProcessInfo.processInfo.environment["DRAGOMAN_TBX_SCHEMATRON"] != "1"
            || !schematronReady(cache)
        {
            print("notice: Schematron skipped (set DRAGOMAN_TBX_SCHEMATRON=1 to run it)")
            arguments.insert("--no-schematron", at: 0)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.validator)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        guard !process.isRunning else {
            process.terminate()
            print("skipped: validate-tbx did not finish in 300 s (setting up its venv?)")
            return
        }
        let text = String(
            decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 3 {
            print("skipped: validate-tbx cannot run: \(text)")
            return
        }
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("PASS"), "\(text)")
    }

    private func schematronReady(_ cache: String) -> Bool {
        let python = cache + "/venv312/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import pyschematron, lxml"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
