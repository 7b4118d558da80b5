import Foundation
import Testing

struct CheckCommandTests {
    static let glossary = """
        id\tcategory\ten\ttr\tde\tpos
        mayor\ttitle\tMayor\tBelediye Başkanı\tBürgermeister\tnoun
        izmir\tplace\tİzmir|Izmir\tİzmir|Izmir!forbidden\tİzmir|Izmir\tproperNoun

        """
    static let english = """
        Ferry Pier Opens in Karşıyaka

        The mayor opened the new ferry pier on Monday. Tunç Soyer said it would serve 12,000 passengers a day.

        The pier was built in eighteen months by a firm from the town.
        """
    static let turkishWithErrors = """
        Karşıyaka'da Vapur İskelesi Açıldı

        Belediye Başkanı yeni vapur iskelesini pazartesi günü açtı. Tunc Soyer, iskelenin günde 12.000 yolcuya hizmet vereceğini söyledi.

        The pier was built in eighteen months by a company from the town.
        """
    static let turkishClean = """
        Karşıyaka'da Vapur İskelesi Açıldı

        Belediye Başkanı yeni vapur iskelesini pazartesi günü açtı. Tunç Soyer, iskelenin günde 12.000 yolcuya hizmet vereceğini söyledi.

        İskele on sekiz ayda kentten bir firma tarafından inşa edildi.
        """

    /// A workspace folder (no memory) with the glossary, the English item and a Turkish one.
    static func workspace(turkish: String) throws -> (folder: URL, en: URL, tr: URL) {
        let en = try CLI.temporaryFile("item.en.txt", Data(english.utf8))
        let folder = en.deletingLastPathComponent()
        let tr = folder.appendingPathComponent("item.tr.txt")
        try Data(turkish.utf8).write(to: tr)
        try Data(glossary.utf8).write(to: folder.appendingPathComponent("glossary.tsv"))
        return (folder, en, tr)
    }

    static func check(_ folder: URL, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(
            [
                "check", "--workspace", folder.path, "--glossary",
                folder.appendingPathComponent("glossary.tsv").path,
            ] + arguments)
    }

    @Test func jsonFindingsWithOffsetsIntoEachFileAndExitOne() throws {
        let (folder, en, tr) = try Self.workspace(turkish: Self.turkishWithErrors)
        let result = try Self.check(
            folder, ["--from", "en", "--to", "tr", "--format", "json", en.path, tr.path])
        #expect(result.status == 1)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["error"] as? Int == 2)
        let checks = findings.compactMap { $0["check"] as? String }
        #expect(checks.contains("names"))
        #expect(checks.contains("untranslated"))
        let english = Array(Self.english.unicodeScalars)
        let turkish = Array(Self.turkishWithErrors.unicodeScalars)
        for finding in findings {
            #expect(["error", "warning", "info"].contains(finding["severity"] as? String ?? ""))
            #expect(finding["message"] is String)
        }
        let names = try #require(findings.first { $0["check"] as? String == "names" })
        let source = try #require(names["source"] as? [String: Int])
        let target = try #require(names["target"] as? [String: Int])
        #expect(
            String(String.UnicodeScalarView(english[source["start"]!..<source["end"]!])) == "Tunç")
        #expect(
            String(String.UnicodeScalarView(turkish[target["start"]!..<target["end"]!])) == "Tunc")
    }

    @Test func cleanTranslationExitsZeroWithASummaryLine() throws {
        let (folder, en, tr) = try Self.workspace(turkish: Self.turkishClean)
        let result = try Self.check(folder, ["--from", "en", "--to", "tr", en.path, tr.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("0 errors"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func configTurnsChecksOffAndFailOnWarning() throws {
        let (folder, en, tr) = try Self.workspace(turkish: Self.turkishWithErrors)
        try Data(#"{"disable": ["names", "untranslated"]}"#.utf8).write(
            to: folder.appendingPathComponent("dragoman-check.json"))
        let quiet = try Self.check(
            folder, ["--from", "en", "--to", "tr", "--format", "json", en.path, tr.path])
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.contains("\"check\":\"names\""))
        let config = folder.appendingPathComponent("strict.json")
        try Data(#"{"severity": {"omission": "error"}, "failOn": "warning"}"#.utf8).write(
            to: config)
        let strict = try Self.check(
            folder, ["--config", config.path, "--from", "en", "--to", "tr", en.path, tr.path])
        #expect(strict.status == 1)
    }

    @Test func badInputExitsTwoWithOneLine() throws {
        let (folder, en, tr) = try Self.workspace(turkish: Self.turkishClean)
        let missing = try Self.check(
            folder,
            ["--from", "en", "--to", "tr", en.path, folder.appendingPathComponent("no.txt").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no.txt"))
        let config = folder.appendingPathComponent("bad.json")
        try Data("{\n  \"disable\": [\"nmes\"]\n}\n".utf8).write(to: config)
        let bad = try Self.check(
            folder, ["--config", config.path, "--from", "en", "--to", "tr", en.path, tr.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.json:2:15: unknown check"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
        #expect(bad.stdout.isEmpty)
        let usage = try Self.check(folder, [en.path, tr.path])
        #expect(usage.status == 2)
    }

    @Test func htmlPageMarksFindingsAndEscapesText() throws {
        let (folder, en, _) = try Self.workspace(turkish: Self.turkishClean)
        let tr = folder.appendingPathComponent("escaped.tr.txt")
        try Data(
            Self.turkishWithErrors.replacingOccurrences(
                of: "Karşıyaka'da Vapur", with: "Karşıyaka'da <b>Vapur</b> &"
            ).utf8
        ).write(to: tr)
        let result = try Self.check(
            folder, ["--from", "en", "--to", "tr", "--format", "html", en.path, tr.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("<mark class=\"error\""))
        #expect(result.stdout.contains("&lt;b&gt;Vapur&lt;/b&gt; &amp;"))
        #expect(!result.stdout.contains("<b>Vapur"))
    }

    @Test func bilingualTMXWithUnitIds() throws {
        let tmx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" \
            o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/><body>
            <tu tuid="pier-1"><tuv xml:lang="en"><seg>The ferry to Izmir leaves every hour.</seg></tuv>\
            <tuv xml:lang="tr"><seg>Izmir'e giden vapur her saat kalkıyor.</seg></tuv></tu>
            <tu tuid="pier-2"><tuv xml:lang="en"><seg>The pier was built in eighteen months.</seg></tuv>\
            <tuv xml:lang="tr"><seg>İskele on sekiz ayda inşa edildi.</seg></tuv></tu>
            </body></tmx>
            """
        let (folder, _, _) = try Self.workspace(turkish: Self.turkishClean)
        let file = folder.appendingPathComponent("pier.tmx")
        try Data(tmx.utf8).write(to: file)
        let result = try Self.check(folder, ["--format", "json", file.path])
        #expect(result.status == 1)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let dotted = try #require(findings.first { $0["check"] as? String == "turkish.dotted-i" })
        #expect(dotted["unit"] as? String == "pier-1")
        let target = try #require(dotted["target"] as? [String: Int])
        #expect(target["start"] == 0 && target["end"] == 7)
        let broken = folder.appendingPathComponent("broken.tmx")
        try Data("<tmx version=\"1.4\"><body><tu>".utf8).write(to: broken)
        let bad = try Self.check(folder, [broken.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("broken.tmx:"))
    }

    /// XLIFF 1.2 and 2.0 from other CAT tools: findings name the unit (and segment), the
    /// number check runs through the suite, an untranslated unit is skipped.
    @Test(arguments: [
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
        <file original="pier.txt" source-language="en" target-language="tr" datatype="plaintext"><body>
        <trans-unit id="1"><source>The ferry to <g id="b">Izmir</g> leaves every hour.</source>\
        <target>Izmir'e giden vapur her saat kalkıyor.</target></trans-unit>
        <trans-unit id="2"><source>The pier cost 4.5 million lira.</source>\
        <target>İskele 5,4 milyon liraya mal oldu.</target></trans-unit>
        <trans-unit id="3"><source>It opens on Monday.</source></trans-unit>
        </body></file></xliff>
        """,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="tr">
        <file id="f"><unit id="1"><segment><source>The ferry to <pc id="b">Izmir</pc> leaves every hour.</source>\
        <target>Izmir'e giden vapur her saat kalkıyor.</target></segment></unit>
        <unit id="2"><segment><source>The pier cost 4.5 million lira.</source>\
        <target>İskele 5,4 milyon liraya mal oldu.</target></segment></unit>
        <unit id="3"><segment><source>It opens on Monday.</source></segment></unit>
        </file></xliff>
        """,
    ])
    func bilingualXLIFF(_ xliff: String) throws {
        let (folder, _, _) = try Self.workspace(turkish: Self.turkishClean)
        let file = folder.appendingPathComponent("pier.xlf")
        try Data(xliff.utf8).write(to: file)
        let result = try Self.check(folder, ["--format", "json", file.path])
        #expect(result.status == 1, "\(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let dotted = try #require(findings.first { $0["check"] as? String == "turkish.dotted-i" })
        #expect(dotted["unit"] as? String == "1")
        let number = try #require(
            findings.first { ($0["check"] as? String)?.hasPrefix("numbers") == true })
        #expect(number["unit"] as? String == "2")
        #expect(number["severity"] as? String == "error")
        #expect(!findings.contains { $0["unit"] as? String == "3" })
    }
}
