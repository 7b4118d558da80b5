import DragomanKit
import Foundation
import Testing

@testable import DragomanStore

/// Many batches in one transaction: stored together, or not at all.
struct TransactionTests {
    struct Stop: Error {}

    @Test func batchesOfOneTransactionAreStoredTogether() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let added = try memory.transaction { transaction in
            try transaction.add([Fixtures.fullUnit(id: "a", languageCount: 3)])
            try transaction.add([Fixtures.unit("b", [.english: "B."])])
            // A later batch replaces a unit of an earlier one, as within one batch.
            try transaction.add([Fixtures.unit("a", [.turkish: "A."])])
            return 3
        }
        #expect(added == 3)
        #expect(try memory.count() == 2)
        #expect(try memory.unit(id: "a")?.variants.keys.map(\.code) == ["tr"])
        #expect(try memory.integrityProblems().isEmpty)
    }

    @Test func anErrorOfTheBodyAfterSomeBatchesLeavesTheMemoryUnchanged() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([Fixtures.unit("kept", [.english: "Kept."])])
        #expect(throws: Stop.self) {
            try memory.transaction { transaction in
                try transaction.add([Fixtures.unit("new", [.english: "New."])])
                try transaction.add([Fixtures.unit("kept", [.german: "Ersetzt."])])
                throw Stop()
            }
        }
        #expect(try memory.count() == 1)
        #expect(try memory.unit(id: "kept")?.variants[.english]?.text == "Kept.")
    }

    @Test func anInvalidUnitInALaterBatchRollsBackTheEarlierOnes() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        #expect(throws: MemoryError.self) {
            try memory.transaction { transaction in
                try transaction.add([Fixtures.unit("first", [.english: "First."])])
                try transaction.add([Fixtures.unit("", [.english: "No id."])])
            }
        }
        #expect(try memory.count() == 0)
    }

    @Test func tmxHeadersAreKeptPerImportAndMergedForExport() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let first = TMXHeaderMetadata(
            props: [.init(type: "x-client", value: "Karşıyaka Belediyesi")],
            notes: [
                .init("Ekim bültenleri", language: "tr"), .init("Ekim bültenleri", language: "tr"),
            ])
        let second = TMXHeaderMetadata(
            props: [
                .init(type: "x-client", value: "Karşıyaka Belediyesi"),
                .init(type: "x-domain", language: "de", value: "Nahverkehr"),
            ],
            notes: [.init("Ekim bültenleri", language: "tr")])
        try memory.transaction { transaction in
            try transaction.recordTMXImport(source: "a.tmx", header: first)
            try transaction.recordTMXImport(source: "b.tmx", header: second)
        }
        // A failed import records nothing.
        #expect(throws: Stop.self) {
            try memory.transaction { transaction in
                try transaction.recordTMXImport(
                    source: "c.tmx", header: TMXHeaderMetadata(notes: [.init("kırık")]))
                throw Stop()
            }
        }
        let header = try memory.tmxHeader()
        #expect(header.props.map(\.type) == ["x-client", "x-domain"])
        #expect(header.props.last?.language == "de")
        // The first file's repeated note stays, as that file had it; the second's is known.
        #expect(header.notes == first.notes)
    }
}
