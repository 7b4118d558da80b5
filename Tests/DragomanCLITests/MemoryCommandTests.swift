import Foundation
import Testing

/// `dragoman memory info` and `dragoman bench store`, including several processes writing one
/// memory and processes killed in the middle of a transaction.
struct MemoryCommandTests {
    /// A `dragoman` process running in the background, its output going to files.
    final class Background {
        let process = Process()
        let output: URL

        init(_ arguments: [String]) throws {
            output = FileManager.default.temporaryDirectory.appendingPathComponent(
                "dragoman-out-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            process.executableURL = CLI.executable
            process.arguments = arguments
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        /// Waits until the process has printed `text`, or has ended, or 60 s have passed.
        func wait(for text: String) {
            for _ in 0..<6_000 {
                let printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                if printed.contains(text) || !process.isRunning { return }
                usleep(10_000)
            }
        }

        /// Waits for the end and returns the exit status and what the process printed.
        func finish() -> (status: Int32, output: String) {
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: output) }
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return (process.terminationStatus, text)
        }
    }

    static func memoryPath() throws -> String {
        try CLI.temporaryFile("memory.sqlite", Data()).path
    }

    static func info(_ path: String, check: Bool = false) throws -> [String: Any] {
        let result = try CLI.run(
            ["memory", "info", "--memory", path, "--format", "json"] + (check ? ["--check"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func benchStoreWritesUnitsThatInfoCounts() throws {
        let path = try Self.memoryPath()
        let bench = try CLI.run(
            ["bench", "store", "--memory", path, "--units", "300", "--batch", "100", "--seed", "9"])
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(bench.stdout.hasPrefix("wrote 300 units in 3 transactions of up to 100: "))
        #expect(bench.stdout.contains("units/s"))

        let info = try Self.info(path, check: true)
        #expect(info["units"] as? Int == 300)
        #expect(info["schemaVersion"] as? Int == 6)
        #expect(info["languages"] as? [String] == ["tr", "en", "de"])
        #expect(info["variants"] as? [String: Int] == ["tr": 300, "en": 300, "de": 270])
        #expect(info["documents"] as? Int == 8)
        #expect(info["integrity"] as? String == "ok")
        #expect((info["fileBytes"] as? Int ?? 0) > 0)

        let text = try CLI.run(["memory", "info", "--memory", path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("units      300 ("))
        #expect(text.stdout.contains("languages  tr 300, en 300, de 270\n"))
    }

    @Test func badMemoryPathsAreOneLineErrors() throws {
        let notSQLite = try CLI.temporaryFile("glossary.tsv", Data("en\ttr\nmayor\tbaşkan\n".utf8))
        let folder = notSQLite.deletingLastPathComponent().path
        let cases: [([String], String)] = [
            (["memory", "info", "--memory", "/nonexistent/m.sqlite"], "no such memory"),
            (["memory", "info", "--memory", notSQLite.path], "not a Dragoman memory"),
            (["bench", "store", "--memory", folder, "--units", "1"], "it is a folder"),
            (["bench", "store", "--memory", notSQLite.path, "--units", "1"], "not a Dragoman"),
            (["bench", "store", "--memory", "/nonexistent/m.sqlite"], "does not exist"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("dragoman: /"), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(try Data(contentsOf: notSQLite) == Data("en\ttr\nmayor\tbaşkan\n".utf8))
    }

    @Test func aFolderIsAMemoryFolderWithItsStoreInside() throws {
        let tmx = try CLI.temporaryFile(
            "shipped.tmx",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" \
                o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
                <tu><tuv xml:lang="en"><seg>The mayor spoke.</seg></tuv>\
                <tuv xml:lang="tr"><seg>Belediye başkanı konuştu.</seg></tuv></tu>
                </body></tmx>
                """.utf8))
        let folder = tmx.deletingLastPathComponent().path
        let info = try CLI.run(["memory", "info", "--memory", folder])
        #expect(info.status == 0)
        #expect(info.stdout.contains("units      1 ("))
        let lookup = try CLI.run([
            "lookup", "--memory", folder, "--from", "en", "--to", "tr", "The mayor spoke.",
        ])
        #expect(lookup.stdout.hasPrefix("100%"))
    }

    @Test func twoProcessesWritingOneMemoryBothComplete() throws {
        // A path that does not exist yet: the two processes also race to create the memory.
        let path = try Self.memoryPath() + ".new"
        let runs = try [1, 2].map { seed in
            try Background([
                "bench", "store", "--memory", path, "--units", "1500", "--batch", "100",
                "--seed", "\(seed)",
            ])
        }
        for run in runs {
            let (status, output) = run.finish()
            #expect(status == 0, "\(output)")
        }
        let info = try Self.info(path, check: true)
        #expect(info["units"] as? Int == 3_000)
        #expect(info["integrity"] as? String == "ok")
    }

    @Test func processesKilledMidwayLeaveWholeTransactionsOnly() throws {
        let path = try Self.memoryPath()
        let batch = 1_000
        var random = SystemRandomNumberGenerator()
        for seed in 1...5 {
            // Far more units than can be stored in the half second before the kill.
            let run = try Background([
                "bench", "store", "--memory", path, "--units", "\(100 * batch)", "--batch",
                "\(batch)", "--seed", "\(seed)", "--progress",
            ])
            // Killed after its first commit, at a random point of a later transaction.
            run.wait(for: "stored \(batch)\n")
            usleep(UInt32.random(in: 0...500_000, using: &random))
            kill(run.process.processIdentifier, SIGKILL)
            let (status, output) = run.finish()
            #expect(run.process.terminationReason == .uncaughtSignal, "\(status) \(output)")
            let info = try Self.info(path, check: true)
            #expect(info["integrity"] as? String == "ok")
            let units = info["units"] as? Int ?? -1
            #expect(units % batch == 0, "after run \(seed): \(units) units")
            // Every stored unit is whole: 10% of the synthetic units have no German variant.
            let variants = info["variants"] as? [String: Int] ?? [:]
            #expect(variants["tr"] == units && variants["en"] == units)
            #expect(variants["de"] == units / 10 * 9)
            #expect(units >= seed * batch)
        }
        // The memory takes a full run after all that.
        let before = try Self.info(path)["units"] as? Int ?? -1
        let last = try CLI.run([
            "bench", "store", "--memory", path, "--units", "\(batch)", "--batch", "\(batch)",
            "--seed", "99",
        ])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try Self.info(path, check: true)["units"] as? Int == before + batch)
    }
}
