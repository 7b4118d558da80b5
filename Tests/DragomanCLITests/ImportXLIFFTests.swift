import Foundation
import Testing

/// `dragoman import` with XLIFF files: translated segments become imported units.
@Suite(.serialized) struct ImportXLIFFTests {
    static let version1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="duyuru.html" source-language="en" target-language="tr-TR" datatype="html">
            <body>
              <trans-unit id="1">
                <source>The night ferry to <g id="1">Bostanlı</g> runs again from Monday.</source>
                <target state="final">Bostanlı'ya gece vapuru pazartesiden itibaren yeniden çalışıyor.</target>
                <note>Opening sentence.</note>
              </trans-unit>
              <trans-unit id="2">
                <source>Passengers can pay by card.</source>
                <target>Yolcular kartla ödeme yapabilir.</target>
              </trans-unit>
              <trans-unit id="3"><source>The timetable is online.</source><target/></trans-unit>
              <trans-unit id="4" translate="no"><source>İZDENİZ</source><target>İZDENİZ</target></trans-unit>
            </body>
          </file>
        </xliff>
        """

    static let version2 = """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="tr" trgLang="de">
          <file id="f1">
            <unit id="u1">
              <segment><source>Kütüphane hafta sonu da açık.</source><target>Die Bibliothek ist auch am Wochenende geöffnet.</target></segment>
              <ignorable><source> </source></ignorable>
              <segment><source>Giriş ücretsizdir.</source><target>Der Eintritt ist frei.</target></segment>
            </unit>
          </file>
        </xliff>
        """

    static func units(_ memory: String) throws -> Int {
        let result = try CLI.run(["memory", "info", "--memory", memory, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (json as? [String: Any])?["units"] as? Int ?? -1
    }

    @Test func translatedSegmentsBecomeUnits() throws {
        let xliff = try CLI.temporaryFile("duyuru.xlf", Data(Self.version1.utf8))
        // No XLIFF extension: found by its root element.
        let folder = xliff.deletingLastPathComponent()
        let second = folder.appendingPathComponent("kutuphane.txt")
        try Data(Self.version2.utf8).write(to: second)
        let memory = folder.appendingPathComponent("m.sqlite").path

        let result = try CLI.run(["import", "--memory", memory, xliff.path, second.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 4 units from 2 files"), "\(result.stdout)")
        #expect(try Self.units(memory) == 4)
        // Again: the ids are made from the texts, nothing is added.
        #expect(try CLI.run(["import", "--memory", memory, xliff.path]).status == 0)
        #expect(try Self.units(memory) == 4)

        let lookup = try CLI.run([
            "lookup", "--memory", memory, "--from", "en", "--to", "tr", "--format", "json",
            "The night ferry to Bostanlı runs again from Monday.",
        ])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        let matches = try #require(
            try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [[String: Any]])
        #expect(matches.first?["score"] as? Int == 100)
        #expect(
            matches.first?["target"] as? String
                == "Bostanlı'ya gece vapuru pazartesiden itibaren yeniden çalışıyor.")

        // Origin, provenance, the XLIFF id and the note travel on into TMX.
        let tmx = folder.appendingPathComponent("out.tmx").path
        #expect(
            try CLI.run(["export", "--memory", memory, "--format", "tmx", "-o", tmx]).status == 0)
        let exported = try String(contentsOfFile: tmx, encoding: .utf8)
        #expect(exported.contains("<prop type=\"x-dragoman-origin\">imported</prop>"))
        #expect(exported.contains("<prop type=\"x-dragoman-document\">duyuru.xlf</prop>"))
        #expect(exported.contains("<prop type=\"x-dragoman-document\">kutuphane.txt</prop>"))
        #expect(exported.contains("<note>Opening sentence.</note>"))
        #expect(exported.contains("Der Eintritt ist frei."))
        #expect(!exported.contains("İZDENİZ"))
        #expect(!exported.contains("The timetable is online."))
    }

    @Test(arguments: [
        (
            "cut.xlf",
            "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"tr\">\n<body><trans-unit id=\"1\">",
            ":2:"
        ),
        (
            "notarget.xliff",
            "<xliff version=\"1.2\"><file source-language=\"en\"><body>\n<trans-unit id=\"1\">"
                + "<source>Good morning.</source><target>Günaydın.</target></trans-unit></body>"
                + "</file></xliff>", ": the file names no target language"
        ),
        (
            "nolang.xlf2", "<xliff version=\"2.0\" trgLang=\"de\">\n<file id=\"f\"/></xliff>",
            ":1:1:"
        ),
    ])
    func brokenFilesChangeNothing(name: String, text: String, place: String) throws {
        let file = try CLI.temporaryFile(name, Data(text.utf8))
        let folder = file.deletingLastPathComponent()
        let good = folder.appendingPathComponent("good.xlf")
        try Data(Self.version1.utf8).write(to: good)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try CLI.run(["import", "--memory", memory, good.path]).status == 0)
        let other = folder.appendingPathComponent("other.xlf")
        try Data(Self.version2.utf8).write(to: other)

        let result = try CLI.run(["import", "--memory", memory, other.path, file.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dragoman: \(file.path)\(place)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try Self.units(memory) == 2)
    }
}
