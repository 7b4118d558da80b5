import DragomanKit
import Foundation
import Testing

@testable import DragomanStore

/// The floors of `bench tmx` must do the store's share of the work they stand under: the
/// insert stores every row an import made, as it was, and the read steps every row an export
/// reads.
struct StoreFloorTests {
    /// A memory filled by a TMX import and by units that reach every column.
    static func filledMemory(_ folder: TemporaryFolder) throws -> SQLiteMemory {
        let memory = try folder.memory("source.sqlite")
        _ = try memory.transaction { transaction in
            try TMXImport().read(
                .bytes(try TMXImportTests.tmx(units: 120), name: "haber.tmx"), into: transaction)
        }
        try memory.add(DirectWriteTests.units)
        return memory
    }

    @Test func theInsertStoresEveryImportedRowAsItWas() throws {
        let folder = try TemporaryFolder()
        let source = try Self.filledMemory(folder)
        let copy = try folder.memory("copy.sqlite")
        let floor = try StoreFloor.insert(copying: source, into: copy)
        // All but the revision counter, which counts the writes each memory has seen.
        func imported(_ memory: SQLiteMemory) throws -> [String: [String]] {
            try TMXImportTests.rows(memory).filter { $0.key != "revision" }
        }
        let rows = try imported(source)
        #expect(try imported(copy) == rows)
        #expect(floor.rows == rows.values.reduce(0) { $0 + $1.count })
        #expect(try copy.count() == 126)
        #expect(try copy.tmxHeader() == source.tmxHeader())
        #expect(floor.seconds > 0)
    }

    @Test func theReadStepsEveryRowAnExportReads() throws {
        let folder = try TemporaryFolder()
        let source = try Self.filledMemory(folder)
        var expected = 0
        try source.forEachUnit { unit in
            expected += 1 + unit.variants.count + unit.properties.count + unit.notes.count
        }
        #expect(try StoreFloor.read(source).rows == expected)
    }
}
