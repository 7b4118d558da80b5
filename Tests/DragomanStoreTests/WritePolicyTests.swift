import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

/// Duplicate ids replace, batches are all or nothing, invalid units are refused.
struct WritePolicyTests {
    @Test func addingAKnownIdReplacesTheWholeUnitInPlace() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([
            Fixtures.fullUnit(id: "a", languageCount: 3, document: "old"),
            Fixtures.unit("b", [.english: "B."]),
        ])
        let replacement = Fixtures.unit("a", [.german: "Nur Deutsch."], score: 0.5)
        try memory.add([replacement])
        #expect(try memory.unit(id: "a") == replacement)
        #expect(try memory.count() == 2)
        // The replaced unit keeps its place; its old document, now unused, is gone.
        #expect(try memory.units(inDocument: nil).map(\.id) == ["a", "b"])
        #expect(try memory.documentIDs().isEmpty)
        #expect(try memory.integrityProblems().isEmpty)
    }

    @Test func withinOneBatchTheLaterUnitWins() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let later = Fixtures.fullUnit(id: "x", languageCount: 2)
        try memory.add([Fixtures.unit("x", [.turkish: "Önce."]), later])
        #expect(try memory.count() == 1)
        #expect(try memory.unit(id: "x") == later)
    }

    @Test func aDocumentDroppedAndNamedAgainInOneBatchIsWrittenAgain() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let inD = Fixtures.fullUnit(id: "1", languageCount: 1, document: "d")
        try memory.add([
            inD, Fixtures.fullUnit(id: "1", languageCount: 1, document: "e"),
            Fixtures.fullUnit(id: "2", languageCount: 1, document: "d"),
        ])
        #expect(try memory.documentIDs() == ["d", "e"])
        #expect(try memory.unit(id: "2")?.provenance == inD.provenance)
        #expect(try memory.integrityProblems().isEmpty)
    }

    /// Units are written without SQLite's enforcement of foreign keys, which the writer
    /// keeps by itself: a replaced unit's rows and a dropped document's titles go, nothing
    /// refers to a missing row, and the enforcement is back for every other write, after a
    /// failed write too.
    @Test func unitsAreWrittenWithoutForeignKeyChecksAndLeaveNoOrphans() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([
            Fixtures.fullUnit(id: "1", languageCount: 3, document: "eski"),
            Fixtures.fullUnit(id: "2", languageCount: 2, document: "kalan"),
        ])
        try memory.transaction { transaction in
            // The only unit of "eski" moves to a new document: "eski" and its titles go.
            try transaction.add([Fixtures.fullUnit(id: "1", languageCount: 1, document: "yeni")])
            try transaction.add([Fixtures.unit("3", [.german: "Drei."])])
        }
        #expect(try memory.documentIDs() == ["kalan", "yeni"])
        let titles = try memory.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT document_id FROM document_title ORDER BY 1")
        }
        #expect(titles == ["kalan", "yeni"])
        #expect(try memory.statistics().variants[.turkish] == 2)
        #expect(try memory.integrityProblems().isEmpty)
        #expect(throws: MemoryError.self) {
            try memory.add([Fixtures.unit("4", [.english: "Four."], score: 2)])
        }
        let enforced = try memory.pool.write { db in
            try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
        }
        #expect(enforced == true)
        // Removing still cascades to the unit's rows through the foreign keys.
        #expect(try memory.remove(ids: ["2"]) == 1)
        let leftovers = try memory.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE unit_no = 2")
        }
        #expect(leftovers == 0)
    }

    @Test func removeDeletesUnitsAndUnusedDocuments() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([
            Fixtures.fullUnit(id: "1", languageCount: 3, document: "d"),
            Fixtures.fullUnit(id: "2", languageCount: 3, document: "d"),
            Fixtures.unit("3", [.english: "Three."]),
        ])
        #expect(try memory.remove(ids: ["1", "3", "missing"]) == 2)
        #expect(try memory.units(inDocument: "d").map(\.id) == ["2"])
        #expect(try memory.remove(ids: ["2"]) == 1)
        #expect(try memory.count() == 0)
        #expect(try memory.documentIDs().isEmpty)
        let leftovers = try memory.pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM variant) + (SELECT count(*) FROM unit_property)
                    + (SELECT count(*) FROM unit_note) + (SELECT count(*) FROM document_title)
                    """)
        }
        #expect(leftovers == 0)
    }

    @Test func aBatchThatFailsMidwayChangesNothing() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let before = Fixtures.fullUnit(id: "kept", languageCount: 3)
        try memory.add([before])
        var batch = SyntheticUnits(seed: 3).units(0..<500)
        // Replacing a stored unit and then failing must restore it too.
        batch.insert(Fixtures.unit("kept", [.english: "Overwritten."]), at: 10)
        batch.append(Fixtures.unit("bad", [.english: "Bad."], score: 1.5))
        #expect(throws: MemoryError.self) { try memory.add(batch) }
        #expect(try memory.count() == 1)
        #expect(try memory.unit(id: "kept") == before)
        #expect(try memory.documentIDs() == ["izmir-2026"])
    }

    @Test func aDatabaseConstraintFailingMidwayChangesNothing() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add(SyntheticUnits(seed: 4).units(0..<5))
        // A failure only SQLite sees, after 300 units of the batch are written.
        try memory.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER poison BEFORE INSERT ON unit WHEN NEW.id = 'poison'
                    BEGIN SELECT RAISE(ABORT, 'poisoned unit'); END
                    """)
        }
        let batch =
            SyntheticUnits(seed: 5).units(0..<300) + [Fixtures.unit("poison", [.turkish: "Zehir."])]
        let error = try #require(throws: MemoryError.self) { try memory.add(batch) }
        #expect(error.description.contains("poisoned unit"))
        #expect(try memory.count() == 5)
        #expect(try memory.statistics().variants[.turkish] == 5)
    }

    static let invalidUnits: [(TranslationUnit, String)] = [
        (Fixtures.unit("", [.english: "No id."]), "the id is empty"),
        (Fixtures.unit("none", [:]), "no variant"),
        (
            TranslationUnit(
                id: "mislabelled", variants: [.english: Variant(language: .german, text: "Nein.")],
                origin: .edited), "says it is in de"
        ),
        (
            TranslationUnit(
                id: "span",
                variants: [
                    .english: Variant(
                        language: .english, text: "Hi.",
                        span: SourceSpan(file: "f", start: 5, end: 2))
                ], origin: .edited), "not a range"
        ),
        (Fixtures.unit("score", [.english: "Hi."], score: -0.1), "outside 0...1"),
        (Fixtures.unit("nan", [.english: "Hi."], score: .nan), "outside 0...1"),
    ]

    @Test(arguments: invalidUnits)
    func invalidUnitsAreRefusedWithAReason(unit: TranslationUnit, reason: String) throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let error = try #require(throws: MemoryError.self) {
            try memory.add([Fixtures.unit("fine", [.english: "Fine."]), unit])
        }
        #expect(error.description.contains(reason))
        #expect(error.description.hasSuffix("nothing was written"))
        #expect(try memory.count() == 0)
    }
}
