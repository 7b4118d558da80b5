import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

struct RoundTripTests {
    @Test(arguments: [1, 2, 3])
    func everyFieldReadsBack(languageCount: Int) throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let unit = Fixtures.fullUnit(id: "u\(languageCount)", languageCount: languageCount)
        try memory.add([unit])
        #expect(try memory.unit(id: unit.id) == unit)
        // A second instance reads what the first wrote.
        #expect(try SQLiteMemory(path: memory.path).unit(id: unit.id) == unit)
    }

    @Test func sparseUnitReadsBack() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let unit = TranslationUnit(
            id: "tek", variants: [.turkish: Variant(language: .turkish, text: "Tek dil.")],
            origin: .edited, created: Fixtures.date(0))
        try memory.add([unit])
        #expect(try memory.unit(id: "tek") == unit)
        #expect(try memory.unit(id: "missing") == nil)
    }

    @Test func otherLanguagesAreKept() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let french = try #require(Language(tag: "fr-FR"))
        let unit = Fixtures.unit("fr", [french: "Bonjour.", .english: "Hello."])
        try memory.add([unit])
        #expect(try memory.unit(id: "fr") == unit)
        #expect(try memory.languages() == [.english, french])
    }

    @Test func normalizedTextAndMatchKeyAreStored() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        // Decomposed İ (I + combining dot), a no-break space, a soft hyphen, a curly apostrophe.
        let text = "I\u{307}zmir\u{2019}de\u{A0}\u{A0}Bü\u{AD}rgermeister  MÜLLER"
        try memory.add([Fixtures.unit("k", [.turkish: text])])
        let row = try #require(
            try memory.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT text, nfc, match_key FROM variant")
            })
        let nfc = TextNormalizer().normalize(text)
        #expect(row["text"] as String == text)
        #expect(row["nfc"] as String == nfc)
        #expect(nfc == "İzmir’de Bürgermeister MÜLLER")
        #expect(row["match_key"] as String == MatchKey.make(nfc))
        #expect(row["match_key"] as String == "izmir'de burgermeister muller")
        // The text as read comes back, not the normalized form.
        #expect(try memory.unit(id: "k")?.variants[.turkish]?.text == text)
    }

    @Test func documentsListAndFilterTheirUnitsInOrder() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let units = [
            Fixtures.fullUnit(id: "b-1", languageCount: 3, document: "b"),
            Fixtures.unit("loose", [.english: "No document."]),
            Fixtures.fullUnit(id: "a-1", languageCount: 2, document: "a"),
            Fixtures.fullUnit(id: "b-2", languageCount: 1, document: "b"),
        ]
        try memory.add(units)
        #expect(try memory.documentIDs() == ["a", "b"])
        #expect(try memory.units(inDocument: "b").map(\.id) == ["b-1", "b-2"])
        #expect(try memory.units(inDocument: "a") == [units[2]])
        #expect(try memory.units(inDocument: nil).map(\.id) == ["loose"])
        #expect(try memory.units(inDocument: "none").isEmpty)
        #expect(try memory.count() == 4)
        #expect(try memory.languages() == [.turkish, .english, .german])
        let statistics = try memory.statistics()
        #expect(statistics.variants == [.turkish: 3, .english: 3, .german: 1])
        #expect(statistics.documents == 2)
        #expect(statistics.flaggedUnits == 3)
    }

    @Test func forEachUnitWalksEveryUnitInOrder() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let synthetic = SyntheticUnits(seed: 7, unitsPerDocument: 9)
        let units = synthetic.units(0..<250)
        try memory.add(Array(units[..<100]))
        try memory.add(Array(units[100...]))
        var seen: [TranslationUnit] = []
        try memory.forEachUnit { seen.append($0) }
        #expect(seen == units)
    }

    @Test func forEachUnitRethrowsTheCallersError() throws {
        struct Stop: Error, Equatable {}
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add(SyntheticUnits(seed: 1).units(0..<10))
        var seen = 0
        #expect(throws: Stop()) {
            try memory.forEachUnit { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    @Test func documentMetadataIsMergedAcrossUnits() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        var first = Fixtures.unit("1", [.turkish: "Bir."])
        first.provenance = Provenance(
            documentID: "d", titles: [.turkish: "Başlık"], url: "https://example.org/d")
        var second = Fixtures.unit("2", [.german: "Zwei."])
        second.provenance = Provenance(
            documentID: "d", titles: [.german: "Titel"], date: "2026-10-14")
        try memory.add([first])
        try memory.add([second])
        let merged = Provenance(
            documentID: "d", titles: [.turkish: "Başlık", .german: "Titel"],
            url: "https://example.org/d", date: "2026-10-14")
        #expect(try memory.unit(id: "1")?.provenance == merged)
        #expect(try memory.unit(id: "2")?.provenance == merged)
    }
}
