import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

/// Units and variants are bound through SQLite's C interface and keyed on other threads
/// while earlier batches are written: the rows must be the ones the values call for, with
/// the storage class GRDB's binding gives them, whatever the batches.
struct DirectWriteTests {
    /// Units that reach every column and every branch of the writer: all fields set, a text
    /// not in NFC, a text to clean, an empty text, a text longer than the writer's buffer, no
    /// score, and an id written twice.
    static var units: [TranslationUnit] {
        let long = String(
            repeating: "Karşıyaka'da yeni tramvay hattı bugün açıldı; seferler sabah başlıyor. ",
            count: 90)
        return [
            Fixtures.fullUnit(id: "full", languageCount: 3),
            Fixtures.unit(
                "nfd", [.german: "Die Cafe\u{301}s am Kai o\u{308}ffnen früher."], score: 0.5),
            Fixtures.unit(
                "spaces", [.english: "  The  mayor\u{00A0}spoke\tat noon. ", .turkish: ""]),
            Fixtures.unit("long", [.turkish: long, .english: "A long one."], score: 1),
            Fixtures.fullUnit(id: "second", languageCount: 2, document: "bornova-2026"),
            // More languages than one variant insert takes.
            Fixtures.unit(
                "six",
                [
                    .turkish: "Vapur seferleri yarın başlıyor.",
                    .english: "Ferries start tomorrow.",
                    .german: "Die Fähren fahren ab morgen.",
                    Language(tag: "fr")!: "Les ferries partent demain.",
                    Language(tag: "it")!: "I traghetti partono domani.",
                    Language(tag: "nl")!: "De veerboten varen morgen.",
                ]),
            Fixtures.unit("full", [.english: "Replaced in the same import."]),
        ]
    }

    @Test func everyColumnHoldsItsValueWithGRDBsStorageClass() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add(Self.units)
        let normalizer = TextNormalizer()
        let rows = try memory.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT u.id, u.origin, u.document_id, u.alignment_score, typeof(u.alignment_score),
                    u.flagged, typeof(u.flagged), u.created, typeof(u.created), u.changed,
                    v.language, v.text, typeof(v.text), v.nfc, typeof(v.nfc), v.match_key,
                    v.source_file, v.source_start, typeof(v.source_start), v.source_end
                    FROM variant v JOIN unit u USING (unit_no) ORDER BY v.variant_no
                    """)
        }
        // The unit written twice keeps its number; its variants are written again, last.
        let expected = Array(Self.units.dropFirst())
        let variants = expected.flatMap { unit in unit.languages.map { (unit, $0) } }
        #expect(rows.count == variants.count)
        for (row, (unit, language)) in zip(rows, variants) {
            let variant = unit.variants[language]!
            let nfc = normalizer.normalize(variant.text)
            #expect(row[0] as String? == unit.id)
            #expect(row[1] as String? == unit.origin.rawValue)
            #expect(row[2] as String? == unit.provenance?.documentID)
            #expect(row[3] as Double? == unit.alignmentScore)
            #expect(row[4] as String? == (unit.alignmentScore == nil ? "null" : "real"))
            #expect(row[5] as Bool? == unit.flagged)
            #expect(row[6] as String? == "integer")
            #expect(row[7] as Int64? == UnitWriter.milliseconds(unit.created))
            #expect(row[8] as String? == "integer")
            #expect(row[9] as Int64? == UnitWriter.milliseconds(unit.changed))
            #expect(row[10] as String? == language.code)
            #expect(row[11] as String? == variant.text)
            #expect(row[12] as String? == "text")
            // Byte for byte: Swift's `==` finds NFD and NFC text equal.
            let same = nfc.utf8.elementsEqual(variant.text.utf8)
            #expect((row[13] as String?).map { Array($0.utf8) } == (same ? nil : Array(nfc.utf8)))
            #expect(row[14] as String? == (same ? "null" : "text"))
            #expect(row[15] as String? == MatchKey.make(nfc))
            #expect(row[16] as String? == variant.span?.file)
            #expect(row[17] as Int? == variant.span?.start)
            #expect(row[18] as String? == (variant.span == nil ? "null" : "integer"))
            #expect(row[19] as Int? == variant.span?.end)
        }
        #expect(try memory.unit(id: "nfd")?.variants[.german]?.text.contains("e\u{301}") == true)
        // The text not in NFC keeps its NFC form beside it, precomposed.
        let nfd = try memory.pool.read { db in
            try String.fetchOne(db, sql: "SELECT nfc FROM variant WHERE text LIKE 'Die Cafe%'")
        }
        #expect(
            nfd.map { Array($0.unicodeScalars) }
                == Array("Die Cafés am Kai öffnen früher.".unicodeScalars))
        #expect(try memory.integrityProblems().isEmpty)
    }

    @Test(arguments: [1, 2, 5])
    func batchesOfATransactionStoreWhatOneAddStores(batchSize: Int) throws {
        let folder = try TemporaryFolder()
        let whole = try folder.memory("whole.sqlite")
        try whole.add(Self.units)
        let batched = try folder.memory("batched.sqlite")
        try batched.transaction { transaction in
            for start in stride(from: 0, to: Self.units.count, by: batchSize) {
                try transaction.add(
                    Array(Self.units[start..<min(start + batchSize, Self.units.count)]))
            }
        }
        #expect(
            try batched.reading(MigrationTests.rows) == whole.reading(MigrationTests.rows))
        #expect(try batched.revision() == whole.revision())
    }

    /// Rows of variants, properties and notes wait and go in many to a statement; they must
    /// get the numbers and values that inserting each unit's rows at once gives, across
    /// full statements, the last short one, and units replaced in the middle of a batch
    /// (whose earlier rows may still be waiting when they are deleted).
    @Test func rowsInsertedManyToAStatementAreThoseOfOneUnitAtATime() throws {
        var units = SyntheticUnits(seed: 8).units(0..<150)
        units.insert(Fixtures.fullUnit(id: "bench-8-3", languageCount: 2), at: 40)
        units.insert(Fixtures.unit("bench-8-41", [.german: "Zweimal geschrieben."]), at: 90)
        units.append(contentsOf: Self.units)
        let folder = try TemporaryFolder()
        let together = try folder.memory("together.sqlite")
        try together.add(units)
        let apart = try folder.memory("apart.sqlite")
        for unit in units { try apart.add([unit]) }
        var rows = try together.reading(MigrationTests.rows)
        var expected = try apart.reading(MigrationTests.rows)
        // Each add raises the revision once.
        rows["revision"] = nil
        expected["revision"] = nil
        #expect(rows == expected)
        #expect(rows["variant"]!.count > 400)
        #expect(try together.integrityProblems().isEmpty)
    }

    @Test func aDatabaseFailureOfAnEarlierBatchSurfacesAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([Fixtures.unit("kept", [.english: "Kept."])])
        try memory.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER poison BEFORE INSERT ON variant WHEN NEW.text = 'Zehir.'
                    BEGIN SELECT RAISE(ABORT, 'poisoned variant'); END
                    """)
        }
        var flushFailed = false
        let error = try #require(throws: MemoryError.self) {
            try memory.transaction { transaction in
                try transaction.add([Fixtures.unit("new", [.english: "New."])])
                try transaction.add([Fixtures.unit("poison", [.turkish: "Zehir."])])
                do {
                    try transaction.flush()
                } catch {
                    flushFailed = true
                    throw error
                }
            }
        }
        #expect(flushFailed)
        #expect(error.description.contains("poisoned variant"))
        #expect(try memory.count() == 1)
        #expect(try memory.unit(id: "new") == nil)
    }
}
