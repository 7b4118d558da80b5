import Foundation
import Testing

/// What `dragoman import` keeps of a TMX header, and what it reads from standard input.
@Suite(.serialized) struct ImportHeaderAndStdinTests {
    static let headerFile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="Elle" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="tr" srclang="tr" datatype="plaintext">
            <prop type="x-client">İzmir Büyükşehir Belediyesi</prop>
            <note>Basın bültenleri, Ekim 2026.</note>
            <prop type="x-project" xml:lang="de">Pressemitteilungen &amp; Reden</prop>
            <note xml:lang="en">Reviewed twice.</note>
          </header>
          <body>
            <tu tuid="h1"><tuv xml:lang="tr"><seg>Feribot seferleri yarın başlıyor.</seg></tuv><tuv xml:lang="en"><seg>The ferry services start tomorrow.</seg></tuv></tu>
          </body>
        </tmx>
        """

    /// The `<header>…</header>` of an export.
    static func header(_ xml: String) -> String {
        guard let start = xml.range(of: "<header"), let end = xml.range(of: "<body>") else {
            return ""
        }
        return String(xml[start.lowerBound..<end.lowerBound])
    }

    @Test func headerPropsAndNotesComeBackOnExport() throws {
        let file = try CLI.temporaryFile("bulten.tmx", Data(Self.headerFile.utf8))
        let folder = file.deletingLastPathComponent()
        let memory = folder.appendingPathComponent("m.sqlite").path
        let sample = ImportExportTests.sample("okapi_compkit_ImportTest1L.tmx")
        // The same file twice: its props and notes are written once.
        let imported = try CLI.run(["import", "--memory", memory, file.path, sample, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")

        let once = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-o", "-"])
        #expect(once.status == 0, "\(once.stderr)")
        let header = Self.header(once.stdout)
        let expected = [
            "<prop type=\"x-client\">İzmir Büyükşehir Belediyesi</prop>",
            "<prop type=\"x-project\" xml:lang=\"de\">Pressemitteilungen &amp; Reden</prop>",
            "<prop type=\"myPropeType\" xml:lang=\"en-us\">Data</prop>",
            "<note>Basın bültenleri, Ekim 2026.</note>",
            "<note xml:lang=\"en\">Reviewed twice.</note>",
            "<note xml:lang=\"en-us\">Text of header note 1</note>",
            "<note xml:lang=\"en-us\">Text of header note 2</note>",
        ]
        for part in expected {
            #expect(header.components(separatedBy: part).count == 2, "\(part) once in \(header)")
        }
        // Props first, then notes, each in the order of the files imported.
        let positions = expected.map { header.range(of: $0)?.lowerBound }
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())

        // And through a second memory, unchanged.
        let exported = folder.appendingPathComponent("once.tmx")
        try Data(once.stdout.utf8).write(to: exported)
        let second = folder.appendingPathComponent("second.sqlite").path
        #expect(try CLI.run(["import", "--memory", second, exported.path]).status == 0)
        let twice = try CLI.run(["export", "--memory", second, "--format", "tmx", "-o", "-"])
        func withoutDate(_ header: String) -> String {
            header.replacingOccurrences(
                of: #"creationdate="[0-9TZ]+""#, with: "", options: .regularExpression)
        }
        #expect(withoutDate(Self.header(twice.stdout)) == withoutDate(header))
    }

    @Test func xliffAndTMXComeInFromStandardInput() throws {
        let memory = try ImportExportTests.folder().appendingPathComponent("m.sqlite").path
        let xliff = try CLI.run(
            ["import", "--memory", memory, "-"], stdin: Data(ImportXLIFFTests.version1.utf8))
        #expect(xliff.status == 0, "\(xliff.stderr)")
        #expect(xliff.stdout.contains("imported 2 units"), "\(xliff.stdout)")

        // XLIFF 2.0 without an XML declaration, after a comment.
        let second = try CLI.run(
            ["import", "--memory", memory, "-"],
            stdin: Data(("<!-- from the CAT tool -->\n" + ImportXLIFFTests.version2).utf8))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("imported 2 units"), "\(second.stdout)")

        let tmx = try CLI.run(
            ["import", "--memory", memory, "-"], stdin: Data(Self.headerFile.utf8))
        #expect(tmx.status == 0, "\(tmx.stderr)")
        #expect(tmx.stdout.contains("imported 1 units"), "\(tmx.stdout)")
        #expect(try ImportExportTests.units(memory) == 5)

        // A larger TMX than the first read of standard input, so the rest is streamed.
        let units = (0..<400).map {
            "<tu tuid='s\($0)'><tuv xml:lang='tr'><seg>Cümle \($0).</seg></tuv>"
                + "<tuv xml:lang='de'><seg>Satz \($0).</seg></tuv></tu>\n"
        }
        let large = "<tmx version='1.4'><header/><body>\n" + units.joined() + "</body></tmx>"
        let streamed = try CLI.run(["import", "--memory", memory, "-"], stdin: Data(large.utf8))
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(try ImportExportTests.units(memory) == 405)
    }

    /// Standard input that is a file (`dragoman import -  < file.tmx`) is read by the direct
    /// scanner from where the first read began; a file it gives up on halfway is read by
    /// libxml2 from the same place, with the same error as from a pipe.
    @Test func aFileOnStandardInputReadsAsFromAPipe() throws {
        let units = (0..<300).map {
            "<tu tuid='f\($0)'><tuv xml:lang='tr'><seg>Liman \($0). kez açıldı.</seg></tuv>"
                + "<tuv xml:lang='en'><seg>The port opened for the \($0). time.</seg></tuv></tu>\n"
        }
        let good = "<tmx version='1.4'><header/><body>\n" + units.joined() + "</body></tmx>"
        let file = try CLI.temporaryFile("good.tmx", Data(good.utf8))
        let memory = file.deletingLastPathComponent().appendingPathComponent("m.sqlite").path
        let fromFile = try CLI.run(["import", "--memory", memory, "-"], stdinFile: file)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.contains("imported 300 units"), "\(fromFile.stdout)")
        let exported = try CLI.run(["export", "--memory", memory, "--format", "tmx", "-o", "-"])
        let other = file.deletingLastPathComponent().appendingPathComponent("p.sqlite").path
        #expect(
            try CLI.run(["import", "--memory", other, "-"], stdin: Data(good.utf8)).status == 0)
        let fromPipe = try CLI.run(["export", "--memory", other, "--format", "tmx", "-o", "-"])
        func withoutDates(_ text: String) -> String {
            text.replacingOccurrences(
                of: #"(creation|change)date="[0-9TZ]+""#, with: "", options: .regularExpression)
        }
        #expect(withoutDates(exported.stdout) == withoutDates(fromPipe.stdout))

        // A CDATA section in unit 200 sends the rest to libxml2; a broken end tag in unit 250
        // is its error.
        var broken = units
        broken[200] = "<tu><tuv xml:lang='en'><seg><![CDATA[a < b]]></seg></tuv></tu>\n"
        broken[250] = "<tu><tuv xml:lang='en'><seg>kırık</sge></tuv></tu>\n"
        let bad = "<tmx version='1.4'><header/><body>\n" + broken.joined() + "</body></tmx>"
        let badFile = try CLI.temporaryFile("bad.tmx", Data(bad.utf8))
        let failed = try CLI.run(["import", "--memory", memory, "-"], stdinFile: badFile)
        let piped = try CLI.run(["import", "--memory", memory, "-"], stdin: Data(bad.utf8))
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix("dragoman: <stdin>:252:"), "\(failed.stderr)")
        #expect(failed.stderr == piped.stderr)
        #expect(try ImportExportTests.units(memory) == 300)
    }

    @Test(arguments: [
        ("<html><body/></html>", "<stdin>:1:", "not <tmx>"),
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body>\n<trans-unit", "<stdin>:2:",
            "not well-formed"
        ),
        ("", "<stdin>:1:1:", "empty"),
    ])
    func brokenStandardInputChangesNothing(text: String, place: String, message: String) throws {
        let memory = try ImportExportTests.folder().appendingPathComponent("m.sqlite").path
        #expect(
            try CLI.run(
                ["import", "--memory", memory, "-"], stdin: Data(Self.headerFile.utf8)
            ).status == 0)
        let result = try CLI.run(["import", "--memory", memory, "-"], stdin: Data(text.utf8))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dragoman: \(place)"), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try ImportExportTests.units(memory) == 1)
    }
}
