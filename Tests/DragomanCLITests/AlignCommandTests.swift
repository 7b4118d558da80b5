import Foundation
import Testing

struct AlignCommandTests {
    static let english = """
        Tram Line Opens

        The new tram line opened on Monday. It has 16 stops.

        Tickets cost 1,250 lira a year.
        """
    static let turkish = """
        Tramvay Hattı Açıldı

        Yeni tramvay hattı pazartesi günü açıldı. Hatta 16 durak var.

        Yıllık bilet 1.250 lira.
        """

    static func files() throws -> (URL, URL) {
        let en = try CLI.temporaryFile("item.en.txt", Data(english.utf8))
        let tr = en.deletingLastPathComponent().appendingPathComponent("item.tr.txt")
        try Data(turkish.utf8).write(to: tr)
        return (en, tr)
    }

    @Test func jsonlBeadsWithOffsetsIntoEachFile() throws {
        let (en, tr) = try Self.files()
        let result = try CLI.run(["align", "--lang", "en", en.path, "--lang", "tr", tr.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let texts = [
            "en": Array(Self.english.unicodeScalars), "tr": Array(Self.turkish.unicodeScalars),
        ]
        for line in lines {
            let bead = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(bead["score"] is Double)
            let segments = try #require(bead["segments"] as? [String: [[String: Any]]])
            #expect(Set(segments.keys) == ["en", "tr"])
            for (language, sentences) in segments {
                for sentence in sentences {
                    let start = try #require(sentence["start"] as? Int)
                    let end = try #require(sentence["end"] as? Int)
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: texts[language]![start..<end])
                    #expect(String(view) == sentence["text"] as? String)
                }
            }
        }
    }

    @Test func tsvAndReviewPage() throws {
        let (en, tr) = try Self.files()
        let tsv = try CLI.run([
            "align", "--lang", "en", en.path, "--lang", "tr", tr.path, "--format", "tsv",
        ])
        #expect(tsv.stdout.hasPrefix("score\tflagged\ten\ttr\n"))
        #expect(tsv.stdout.contains("Tickets cost 1,250 lira a year.\tYıllık bilet 1.250 lira."))
        let html = try CLI.run([
            "align", "--lang", "en", en.path, "--lang", "tr", tr.path, "--format", "html",
        ])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("Tram Line Opens"))
    }

    @Test func intoStoresTheUnits() throws {
        let (en, tr) = try Self.files()
        let memory = en.deletingLastPathComponent().appendingPathComponent("m.sqlite").path
        let result = try CLI.run([
            "align", "--lang", "en", en.path, "--lang", "tr", tr.path, "--into", memory,
        ])
        #expect(result.status == 0)
        let info = try CLI.run(["memory", "info", "--memory", memory, "--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        #expect(object["units"] as? Int == 4)
        let lookup = try CLI.run(
            [
                "lookup", "--memory", memory, "--from", "en", "--to", "tr", "--format", "json",
                "It has 16 stops.",
            ])
        #expect(lookup.stdout.contains("\"score\":100"))
        #expect(lookup.stdout.contains("Hatta 16 durak var."))
    }

    @Test func presplitInput() throws {
        let en = try CLI.temporaryFile(
            "a.en", Data("One sentence.\nTwo sentences.\n\nThree.\n".utf8))
        let de = en.deletingLastPathComponent().appendingPathComponent("a.de")
        try Data("Ein Satz.\nZwei Sätze.\n\nDrei.\n".utf8).write(to: de)
        let result = try CLI.run([
            "align", "--presplit", "--lang", "en", en.path, "--lang", "de", de.path, "--format",
            "tsv",
        ])
        #expect(result.stdout.split(separator: "\n").count == 4)
    }

    @Test func usageErrorsAreOneLine() throws {
        let (en, _) = try Self.files()
        let result = try CLI.run(["align", "--lang", "en", en.path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        let missing = try CLI.run([
            "align", "--lang", "en", en.path, "--lang", "tr", "/nonexistent.tr.txt",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dragoman: /nonexistent.tr.txt: no such file\n")
    }
}
