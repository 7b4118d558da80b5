import Foundation
import Testing

struct GlossaryCommandTests {
    static let tsv = """
        id\tcategory\ten\ttr\tde\tpos
        mayor\ttitle\tMayor\tBelediye Başkanı\tBürgermeister\tnoun
        izmir\tplace\tİzmir|Izmir\tİzmir|Izmir!forbidden\tIzmir|İzmir\tproperNoun
        """ + "\n"

    @Test func matchPrintsTheContractsJSON() throws {
        let file = try CLI.temporaryFile("g.tsv", Data(Self.tsv.utf8))
        let text = "😀 Izmir'de belediye başkanları"
        let result = try CLI.run([
            "glossary", "match", "--glossary", file.path, "--lang", "tr", "--format", "json", text,
        ])
        #expect(result.status == 0)
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        let scalars = Array(text.unicodeScalars)
        var matched: [String] = []
        for object in array {
            let start = try #require(object["start"] as? Int)
            let end = try #require(object["end"] as? Int)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == object["matched"] as? String)
            matched.append(String(view))
        }
        #expect(matched == ["Izmir'de", "belediye başkanları"])
        #expect(array[0]["term"] as? String == "Izmir")
        #expect(array[0]["status"] as? String == "forbidden")
        #expect(array[0]["entry"] as? String == "izmir")
        let translations = try #require(array[1]["translations"] as? [String: [String]])
        #expect(translations == ["en": ["Mayor"], "de": ["Bürgermeister"]])
    }

    @Test func badRowIsOneLineErrorWithFileAndLine() throws {
        let file = try CLI.temporaryFile("bad.tsv", Data("id\ten\tde\nx\tMayor\n".utf8))
        let result = try CLI.run([
            "glossary", "match", "--glossary", file.path, "--lang", "en", "Mayor",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bad.tsv:2:"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func importAddAndExportRoundTrip() throws {
        let source = try CLI.temporaryFile(
            "in.csv", Data("en,tr,de\nGovernor,Vali,Gouverneur\n".utf8))
        let store = source.deletingLastPathComponent().appendingPathComponent("store.tsv")
        let imported = try CLI.run(["glossary", "import", "--glossary", store.path, source.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let added = try CLI.run([
            "glossary", "add", "--glossary", store.path, "--id", "mayor", "--category", "title",
            "--term", "en=Mayor", "--term", "tr=Belediye Başkanı", "--term", "de=Bürgermeister",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let duplicate = try CLI.run([
            "glossary", "add", "--glossary", store.path, "--id", "mayor", "--term", "en=Mayor",
        ])
        #expect(duplicate.status == 2)
        let lookup = try CLI.run([
            "glossary", "lookup", "--glossary", store.path, "--format", "json",
            "Belediye Başkanı'nın",
        ])
        #expect(lookup.stdout.contains("\"id\":\"mayor\""))
        let exported = try CLI.run([
            "glossary", "export", "--glossary", store.path, "--format", "tsv", "-o", "-",
        ])
        #expect(exported.stdout.split(separator: "\n").count == 3)
        #expect(exported.stdout.contains("Governor\tVali\tGouverneur"))
    }
}
