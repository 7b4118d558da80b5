import Foundation
import Testing

/// `dragoman glossary extract` on units of our own, read from a TMX memory and from
/// line-aligned files.
struct GlossaryExtractCommandTests {
    static let lines: [(String, String, String)] = [
        (
            "Yesterday the mayor of Karşıyaka, Selin Aksoy, opened a new park by the sea.",
            "Karşıyaka Belediye Başkanı Selin Aksoy dün sahilde yeni bir park açtı.",
            "Gestern eröffnete die Bürgermeisterin von Karşıyaka, Selin Aksoy, einen neuen Park am Meer."
        ),
        (
            "According to Selin Aksoy, the council of Karşıyaka will plant two thousand trees.",
            "Selin Aksoy'a göre Karşıyaka meclisi iki bin ağaç dikecek.",
            "Laut Selin Aksoy wird der Rat von Karşıyaka zweitausend Bäume pflanzen."
        ),
        (
            "Next week Selin Aksoy will meet officials in Ankara.",
            "Selin Aksoy gelecek hafta Ankara'da yetkililerle görüşecek.",
            "Nächste Woche trifft Selin Aksoy Vertreter in Ankara."
        ),
        (
            "The bus network of Karşıyaka is growing fast.",
            "Otobüs ağı Karşıyaka'da hızla büyüyor.",
            "Das Busnetz von Karşıyaka wächst schnell."
        ),
        (
            "Buses will be free on the holiday.",
            "Bayramda otobüsler ücretsiz olacak.",
            "Am Feiertag fahren die Busse kostenlos."
        ),
    ]

    static func folder() throws -> URL {
        let glossary = try CLI.temporaryFile("known.tsv", Data("id\ten\ttr\n".utf8))
        return glossary.deletingLastPathComponent()
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "<", with: "&lt;")
    }

    @Test func proposalsFromATMXMemoryImportIntoAGlossary() throws {
        let folder = try Self.folder()
        var tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" \
            segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>

            """
        for (index, line) in Self.lines.enumerated() {
            tmx += "<tu tuid=\"u\(index + 1)\">"
            for (language, text) in [("en", line.0), ("tr", line.1), ("de", line.2)] {
                tmx += "<tuv xml:lang=\"\(language)\"><seg>\(Self.escaped(text))</seg></tuv>"
            }
            tmx += "</tu>\n"
        }
        tmx += "</body></tmx>\n"
        let memory = folder.appendingPathComponent("memory.tmx")
        try Data(tmx.utf8).write(to: memory)
        let known = folder.appendingPathComponent("known.tsv")
        let proposals = folder.appendingPathComponent("proposals.tsv")
        let result = try CLI.run([
            "glossary", "extract", "--memory", memory.path, "--glossary", known.path,
            "-o", proposals.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let table = try String(contentsOf: proposals, encoding: .utf8)
        #expect(table.hasPrefix("id\tcategory\ten\ttr\tde\tnote\tscore\tdice\tfrequency\t"))
        #expect(table.contains("person-selin-aksoy\tperson\tSelin Aksoy\tSelin Aksoy\tSelin Aksoy"))

        // A reviewer accepts the rows by importing the file.
        let store = folder.appendingPathComponent("store.tsv")
        let imported = try CLI.run(["glossary", "import", "--glossary", store.path, proposals.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let lookup = try CLI.run([
            "glossary", "lookup", "--glossary", store.path, "--format", "json", "Selin Aksoy'a",
        ])
        #expect(lookup.status == 0)
        #expect(lookup.stdout.contains("\"id\":\"person-selin-aksoy\""))
    }

    @Test func linesAndJSON() throws {
        let folder = try Self.folder()
        var arguments = [
            "glossary", "extract", "--glossary", folder.appendingPathComponent("known.tsv").path,
        ]
        for (index, language) in ["en", "tr", "de"].enumerated() {
            let file = folder.appendingPathComponent("news.\(language).txt")
            let text = Self.lines.map { [$0.0, $0.1, $0.2][index] }.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: file)
            arguments += ["--lines", "\(language)=\(file.path)"]
        }
        let result = try CLI.run(arguments + ["--format", "json", "--top", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        let pairs = try #require(array[0]["pairs"] as? [String: [String: Any]])
        #expect(Set(pairs.keys) == ["en-tr", "en-de"])
        #expect((pairs["en-tr"]?["llr"] as? Double ?? 0) > 0)
    }

    @Test func misalignedLinesAreAnErrorAndWriteNothing() throws {
        let folder = try Self.folder()
        let english = folder.appendingPathComponent("a.en.txt")
        let turkish = folder.appendingPathComponent("a.tr.txt")
        try Data("One line.\nTwo lines.\n".utf8).write(to: english)
        try Data("Tek satır.\n".utf8).write(to: turkish)
        let output = folder.appendingPathComponent("out.tsv")
        let result = try CLI.run([
            "glossary", "extract", "--langs", "en,tr", "--lines", "en=\(english.path)",
            "--lines", "tr=\(turkish.path)", "-o", output.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("a.tr.txt"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
