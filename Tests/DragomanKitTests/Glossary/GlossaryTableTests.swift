import DragomanKit
import Foundation
import Testing

struct GlossaryTableTests {
    @Test func readsVariantsStatusesNotesAndProperties() throws {
        let tsv = """
            id\tcategory\ten\ttr\tpos\tnote_tr\tsource\texclude
            izmir\tplace\tİzmir|Izmir\tİzmir|Izmir!forbidden\tproperNoun\tThe dot stays.\tcity site\tIzmir Street
            """
        let entry = try #require(GlossaryTable.read(tsv, format: .tsv).entries.first)
        #expect(entry.id == "izmir")
        #expect(entry.category == .place)
        #expect(entry.terms.map(\.text) == ["İzmir", "Izmir", "İzmir", "Izmir"])
        #expect(entry.terms.map(\.status) == [.preferred, .admitted, .preferred, .forbidden])
        #expect(entry.terms.allSatisfy { $0.partOfSpeech == .properNoun })
        #expect(entry.terms(in: .turkish).map(\.note) == ["The dot stays.", "The dot stays."])
        #expect(entry.properties == ["source": "city site"])
        #expect(entry.exclusions == ["Izmir Street"])
    }

    @Test func writesBackByteForByte() throws {
        let contents = try GlossaryTable.read(GlossaryFixtures.tsv, format: .tsv)
        let written = GlossaryTable.write(contents.entries, format: .tsv, columns: contents.columns)
        #expect(written == GlossaryFixtures.tsv)
    }

    @Test func csvRoundTripKeepsQuotesCommasAndStatuses() throws {
        let entries = try GlossaryTable.read(GlossaryFixtures.tsv, format: .tsv).entries
        let csv = GlossaryTable.write(entries, format: .csv)
        #expect(csv.contains("\"Minister für Umwelt, Urbanisierung\"") == false)
        let again = try GlossaryTable.read(csv, format: .csv).entries
        #expect(again == entries)
    }

    @Test func csvWithLanguageHeaderQuotingAndSemicolons() throws {
        let csv =
            "en,tr,de\r\n\"Ministry of Environment, Urbanisation\",Çevre Bakanlığı,\"Umwelt \"\"ministerium\"\"\"\r\n"
        let entry = try #require(GlossaryTable.read(csv, format: .csv).entries.first)
        #expect(entry.id == "Ministry of Environment, Urbanisation")
        #expect(entry.terms.map(\.text).last == "Umwelt \"ministerium\"")
        let semicolons = "en;de\nMayor;Bürgermeister\n"
        #expect(try GlossaryTable.read(semicolons, format: .csv).entries.first?.terms.count == 2)
    }

    @Test(arguments: [
        ("id\ten\tde\nx\tMayor\n", 2, "expected 3 fields as in the header, found 2"),
        ("id\ten\nx\tMayor\textra\n", 2, "expected 2 fields as in the header, found 3"),
        ("id\ten\nx\tMayor!deprecatd\n", 2, "unknown status marker"),
        ("id\tnote\nx\ty\n", 1, "no language column"),
        ("id\ten\nx\tA\nx\tB\n", 3, "duplicate entry id"),
        ("id\ten\tpos\nx\tA\tnoon\n", 2, "unknown part of speech"),
    ])
    func errorsNameTheLine(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try GlossaryTable.read(text, format: .tsv, file: "g.tsv")
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("g.tsv:\(line)"))
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func unclosedCSVQuoteIsAnError() {
        #expect(throws: GlossaryError.self) {
            try GlossaryTable.read("en,de\n\"Mayor,Bürgermeister\n", format: .csv)
        }
    }
}

struct GlossaryStoreTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dragoman-glossary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func mergeJoinsByIdOrPreferredTermAndAddsTheRest() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("g.tsv").path
        try GlossaryFixtures.tsv.write(toFile: path, atomically: true, encoding: .utf8)
        var store = try GlossaryStore.open(path)
        let incoming = try GlossaryTable.read(
            """
            id\ten\ttr\tde\tfr
            mayor\tMayor|Town Mayor\tBelediye Başkanı\tBürgermeister\tmaire
            \tGovernor\t\tGouverneur|Regierungspräsident!deprecated\t
            new-one\tHarbour\tLiman\tHafen\t
            """, format: .tsv
        ).entries
        let summary = try store.merge(incoming)
        #expect(summary.added == 1 && summary.merged == 2 && summary.unchanged == 0)
        try store.save()
        let glossary = try GlossaryStore.open(path).glossary()
        let mayor = try #require(glossary["mayor"])
        #expect(mayor.terms(in: .english).map(\.text) == ["Mayor", "Town Mayor"])
        #expect(mayor.terms(in: Language(tag: "fr")!).map(\.text) == ["maire"])
        let governor = try #require(glossary["governor"])
        #expect(governor.terms(in: .german).last?.status == .deprecated)
        #expect(glossary["new-one"] != nil)
        #expect(glossary.entries.count == 20)
    }

    @Test func addAppendsOneLineAndRejectsBadEntries() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("g.tsv").path
        try GlossaryFixtures.tsv.write(toFile: path, atomically: true, encoding: .utf8)
        var store = try GlossaryStore.open(path)
        let entry = GlossaryEntry(
            id: "harbour", category: .place,
            terms: [
                GlossaryTerm(language: .english, text: "Harbour"),
                GlossaryTerm(language: .turkish, text: "Liman"),
            ])
        try store.add(entry)
        try store.saveAppending(entry)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(GlossaryFixtures.tsv))
        #expect(
            text.dropFirst(GlossaryFixtures.tsv.count)
                == "harbour\tplace\tHarbour\tLiman\t\t\t\t\t\n")
        #expect(throws: GlossaryError.self) { try store.add(entry) }
        var bad = entry
        bad.id = "other"
        bad.category = GlossaryCategory(rawValue: "building")
        #expect(throws: GlossaryError.self) { try store.add(bad) }
    }
}

struct SnowballStemmerTests {
    @Test func germanAndEnglishInflectionsShareStems() throws {
        let glossary = try GlossaryFixtures.glossary()
        let german = GlossaryMatcher(glossary: glossary, language: .german)
        #expect(german.matches(in: "den Gouverneuren").map(\.entryID) == ["governor"])
        #expect(german.matches(in: "Präsidenten").map(\.entryID) == ["president"])
        let english = GlossaryMatcher(glossary: glossary, language: .english)
        #expect(english.matches(in: "the ministries").map(\.entryID) == [])
        #expect(english.matches(in: "two Presidents").map(\.entryID) == ["president"])
    }
}
