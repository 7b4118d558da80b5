import Foundation
import Testing

/// `dragoman import` and `dragoman export` with TMX, checked against the shared samples and,
/// where installed, against validate-tmx and a real OmegaT.
@Suite(.serialized) struct ImportExportTests {
    static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["DRAGOMAN_SHARED"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared")
    }()
    static let samples = shared.appendingPathComponent("data/formats/samples")
    static let tools = shared.appendingPathComponent("tools")
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    static func folder() throws -> URL {
        try CLI.temporaryFile("x", Data()).deletingLastPathComponent()
    }

    static func units(_ memory: String) throws -> Int {
        let result = try CLI.run(["memory", "info", "--memory", memory, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (json as? [String: Any])?["units"] as? Int ?? -1
    }

    /// A memory of aligned tr/en/de units: a small news item aligned by dragoman itself.
    static func alignedMemory(in folder: URL) throws -> String {
        let memory = folder.appendingPathComponent("aligned.sqlite").path
        let texts = [
            "en": "The tram line opened on Monday.\n\nIt carries 45,000 passengers a day.\n\n"
                + "Prof. Dr. Aylin Çetin spoke at the opening & thanked the workers.\n",
            "tr": "Tramvay hattı pazartesi açıldı.\n\nHat günde 45.000 yolcu taşıyor.\n\n"
                + "Prof. Dr. Aylin Çetin açılışta konuştu ve işçilere teşekkür etti.\n",
            "de": "Die Straßenbahnlinie wurde am Montag eröffnet.\n\n"
                + "Sie befördert täglich 45.000 Fahrgäste.\n\n"
                + "Prof. Dr. Aylin Çetin sprach bei der Eröffnung & dankte den Arbeitern.\n",
        ]
        var arguments = ["align"]
        for language in ["en", "tr", "de"] {
            let file = folder.appendingPathComponent("tram.\(language).txt")
            try Data(texts[language]!.utf8).write(to: file)
            arguments += ["--lang", language, file.path]
        }
        let result = try CLI.run(arguments + ["--into", memory])
        #expect(result.status == 0, "\(result.stderr)")
        return memory
    }

    @Test(arguments: [
        ("okapi_compkit_ImportTest2A_utf16_level2.tmx", 7),
        ("okapi_compkit_ImportTest1L.tmx", 1),
        ("omegat_test-multiple-tuv14_multilingual.tmx", 3),
        ("omegat_test-omegat_tmx11_lang-attr.tmx", 4),
    ])
    func samplesImport(name: String, units: Int) throws {
        let memory = try Self.folder().appendingPathComponent("m.sqlite").path
        let result = try CLI.run(["import", "--memory", memory, Self.sample(name)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported \(units) units"))
        #expect(try Self.units(memory) == units)
        // Importing again replaces: tuids, or ids made from the texts.
        _ = try CLI.run(["import", "--memory", memory, Self.sample(name)])
        #expect(try Self.units(memory) == units)
    }

    @Test func roundTripKeepsEveryUnitLanguagePropAndNote() throws {
        let folder = try Self.folder()
        let memory = try Self.alignedMemory(in: folder)
        var inputs = [folder.appendingPathComponent("aligned.tmx").path]
        #expect(
            try CLI.run(["export", "--memory", memory, "--format", "tmx", "-o", inputs[0]])
                .status == 0)
        inputs += [
            "okapi_compkit_ImportTest2A_utf16_level2.tmx", "okapi_compkit_ImportTest1L.tmx",
            "omegat_test-multiple-tuv14_multilingual.tmx", "omegat_test-omegat_tmx11_lang-attr.tmx",
        ].map(Self.sample)
        let first = folder.appendingPathComponent("first.sqlite").path
        #expect(try CLI.run(["import", "--memory", first] + inputs).status == 0)
        let once = folder.appendingPathComponent("once.tmx").path
        #expect(
            try CLI.run(["export", "--memory", first, "--format", "tmx", "-o", once]).status == 0)
        let second = folder.appendingPathComponent("second.sqlite").path
        #expect(try CLI.run(["import", "--memory", second, once]).status == 0)
        let twice = try CLI.run(["export", "--memory", second, "--format", "tmx", "-o", "-"])
        #expect(twice.status == 0)
        let onceText = try String(contentsOfFile: once, encoding: .utf8)
        // Equal but for the header's creation date.
        func body(_ xml: String) -> String { String(xml[xml.range(of: "<body>")!.lowerBound...]) }
        #expect(body(onceText) == body(twice.stdout))
        #expect(try Self.units(second) == 15 + (try Self.units(memory)))
        for part in [
            "x-dragoman-alignment-score", "x-dragoman-document", "x-dragoman-span",
            "<note o-encoding=\"iso-8859-1\" xml:lang=\"en-us\">Text of tu note 2</note>",
            "<prop type=\"myPropeType\" o-encoding=\"iso-8859-1\" xml:lang=\"en-us\">Data</prop>",
            "xml:lang=\"en-gb\"", "xml:lang=\"FR-CA\"",
            "<bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>",
            "<ude name=\"MacRoman\" base=\"Macintosh\"><map unicode=\"#xF8FF\"",
            "changedate=\"20020523T091200Z\" o-encoding=\"iso-8859-1\" datatype=\"plaintext\" "
                + "usagecount=\"100\"",
            "<tuv xml:lang=\"fr\" o-encoding=\"iso-8859-1\"",
        ] {
            #expect(onceText.contains(part), "\(part)")
        }
    }

    @Test func bilingualExportLeavesOutUnitsWithoutBothLanguages() throws {
        let folder = try Self.folder()
        let memory = folder.appendingPathComponent("m.sqlite").path
        _ = try CLI.run([
            "import", "--memory", memory, Self.sample("omegat_test-omegat_tmx11_lang-attr.tmx"),
        ])
        let result = try CLI.run([
            "export", "--memory", memory, "--format", "tmx", "--langs", "en,es", "-o", "-",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("srclang=\"en\""))
        #expect(result.stdout.components(separatedBy: "<tu ").count - 1 == 2)
        #expect(!result.stdout.contains("xml:lang=\"be\""))
        #expect(result.stderr.contains("2 units without all of en, es left out"))
    }

    /// Broken files: one line naming the place, exit status 2, the memory unchanged.
    @Test(arguments: [
        (
            "nolang.tmx", "<tmx><header/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            ":2:"
        ),
        ("root.tmx", "<?xml version=\"1.0\"?>\n<html/>", ":2:"),
        (
            "trunc.tmx",
            "<tmx><header/><body><tu><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n<tu>", ":2:"
        ),
        (
            "xxe.tmx", "<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tmx>&x;</tmx>",
            ":1:"
        ),
        ("empty.tmx", "", ":1:1:"),
    ])
    func brokenFilesChangeNothing(name: String, text: String, place: String) throws {
        let folder = try Self.folder()
        let memory = folder.appendingPathComponent("m.sqlite").path
        _ = try CLI.run([
            "import", "--memory", memory, Self.sample("okapi_compkit_ImportTest1L.tmx"),
        ])
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        // A good file before the broken one: its units must not be stored either.
        let result = try CLI.run([
            "import", "--memory", memory,
            Self.sample("omegat_test-multiple-tuv14_multilingual.tmx"), file.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dragoman: \(file.path)\(place)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try Self.units(memory) == 1)
        // A memory the failed import would have created is not left behind.
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        #expect(try CLI.run(["import", "--memory", fresh, file.path]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func aFailedExportLeavesNoFile() throws {
        let folder = try Self.folder()
        let target = folder.appendingPathComponent("out.tmx").path
        let result = try CLI.run([
            "export", "--memory", folder.appendingPathComponent("none.sqlite").path, "--format",
            "tmx", "-o", target,
        ])
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x"])
    }

    // MARK: External tools (skipped when not installed)

    static var python: String {
        let cache =
            ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
            ?? (NSHomeDirectory() + "/.cache")
        return cache + "/dragoman-tools/venv/bin/python"
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = tools.appendingPathComponent(tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func exportsPassValidateTMX() throws {
        guard FileManager.default.fileExists(atPath: Self.python) else {
            print("skipped: validate-tmx has no Python environment yet (run it once)")
            return
        }
        let folder = try Self.folder()
        let memory = try Self.alignedMemory(in: folder)
        for langs in [nil, "en,tr", "en,de", "tr,de"] {
            let file = folder.appendingPathComponent("\(langs ?? "all").tmx").path
            let options = langs.map { ["--langs", $0] } ?? []
            #expect(
                try CLI.run(
                    ["export", "--memory", memory, "--format", "tmx", "-o", file] + options
                )
                .status == 0)
            let (status, output) = try Self.run(
                "validate-tmx", (langs.map { ["--langs", $0] } ?? []) + [file])
            #expect(status == 0, "\(output)")
        }
    }

    /// Attributes kept from another tool's file (a tu's usagecount, a tuv's own dates and
    /// creationid, a note's language, a header's ude) are written where the DTD has them.
    @Test func exportOfAFileWithEveryAttributePassesValidateTMX() throws {
        guard FileManager.default.fileExists(atPath: Self.python) else {
            print("skipped: validate-tmx has no Python environment yet (run it once)")
            return
        }
        let folder = try Self.folder()
        let memory = folder.appendingPathComponent("attributes.sqlite").path
        #expect(
            try CLI.run([
                "import", "--memory", memory, Self.sample("okapi_compkit_ImportTest1L.tmx"),
            ])
            .status == 0)
        let file = folder.appendingPathComponent("attributes.tmx").path
        #expect(
            try CLI.run(["export", "--memory", memory, "--format", "tmx", "-o", file]).status == 0)
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(xml.contains("creationid=\"ys\"") && xml.contains("<ude name=\"MacRoman\""))
        let (status, output) = try Self.run("validate-tmx", [file])
        #expect(status == 0, "\(output)")
    }

    /// Whether OmegaT's jar is where Debian puts it; says so when it is not.
    static var omegaTInstalled: Bool {
        let installed =
            FileManager.default.fileExists(atPath: "/usr/share/omegat/OmegaT.jar")
            || FileManager.default.fileExists(atPath: "/usr/share/java/omegat.jar")
        if !installed { print("skipped: OmegaT is not installed (apt-get install -y omegat)") }
        return installed
    }

    @Test func omegaTFillsEveryPairFromBilingualExports() throws {
        guard Self.omegaTInstalled else { return }
        let folder = try Self.folder()
        let memory = try Self.alignedMemory(in: folder)
        for (source, target) in [("en", "tr"), ("en", "de"), ("tr", "de")] {
            let file = folder.appendingPathComponent("\(source)-\(target).tmx").path
            _ = try CLI.run([
                "export", "--memory", memory, "--format", "tmx", "--langs", "\(source),\(target)",
                "-o", file,
            ])
            let xml = try String(contentsOfFile: file, encoding: .utf8)
            func segments(_ language: String) -> [String] {
                xml.components(separatedBy: "<tuv xml:lang=\"\(language)\">").dropFirst().map {
                    let seg = $0.components(separatedBy: "<seg>")[1]
                    return seg.components(separatedBy: "</seg>")[0]
                        .replacingOccurrences(of: "&amp;", with: "&")
                }
            }
            let text = folder.appendingPathComponent("\(source)-\(target).src.txt")
            let expect = folder.appendingPathComponent("\(source)-\(target).tgt.txt")
            try Data((segments(source).joined(separator: "\n") + "\n").utf8).write(to: text)
            try Data((segments(target).joined(separator: "\n") + "\n").utf8).write(to: expect)
            let (status, output) = try Self.run(
                "omegat-check",
                [
                    "--tmx", file, "--source-lang", source, "--target-lang", target, "--text",
                    text.path, "--expect", expect.path, "--segment-on", "breaks",
                    "--no-sentence-seg",
                ])
            #expect(status == 0, "\(output)")
        }
    }

    /// Units from a file whose variants carry their own dates and authors, as OmegaT writes
    /// them, come out with those attributes and still load in OmegaT without a warning.
    @Test func omegaTLoadsExportsOfUnitsWithTheirVariantsAuthors() throws {
        guard Self.omegaTInstalled else { return }
        let tmx = try CLI.temporaryFile(
            "authors.tmx",
            Data(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" \
                segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="en" \
                datatype="plaintext"/><body>
                <tu usagecount="2"><note xml:lang="tr">Haber başlığı.</note>
                <tuv xml:lang="en" creationid="ayse" creationdate="20261014T101500Z">\
                <seg>The ferry leaves at nine.</seg></tuv>
                <tuv xml:lang="tr" creationid="ayse" creationdate="20261014T101600Z" \
                changeid="mehmet" changedate="20261015T083000Z"><seg>Vapur dokuzda kalkıyor.</seg>\
                </tuv></tu>
                <tu><tuv xml:lang="en" creationid="ayse"><seg>The square is closed.</seg></tuv>
                <tuv xml:lang="tr" changeid="zeynep"><seg>Meydan kapalı.</seg></tuv></tu>
                </body></tmx>
                """.utf8))
        let folder = tmx.deletingLastPathComponent()
        let memory = folder.appendingPathComponent("authors.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, tmx.path]).status == 0)
        let file = folder.appendingPathComponent("authors-en-tr.tmx").path
        let export = try CLI.run([
            "export", "--memory", memory, "--format", "tmx", "--langs", "en,tr", "-o", file,
        ])
        #expect(export.status == 0)
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        #expect(xml.contains("changeid=\"mehmet\" changedate=\"20261015T083000Z\""))
        #expect(xml.contains("<note xml:lang=\"tr\">Haber başlığı.</note>"))
        let text = folder.appendingPathComponent("authors.src.txt")
        let expect = folder.appendingPathComponent("authors.tgt.txt")
        try Data("The ferry leaves at nine.\nThe square is closed.\n".utf8).write(to: text)
        try Data("Vapur dokuzda kalkıyor.\nMeydan kapalı.\n".utf8).write(to: expect)
        let (status, output) = try Self.run(
            "omegat-check",
            [
                "--tmx", file, "--source-lang", "en", "--target-lang", "tr", "--text", text.path,
                "--expect", expect.path, "--segment-on", "breaks", "--no-sentence-seg",
            ])
        #expect(status == 0, "\(output)")
    }
}
