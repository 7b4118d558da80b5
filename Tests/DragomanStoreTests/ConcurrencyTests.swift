import DragomanKit
import Foundation
import Testing

@testable import DragomanStore

struct ConcurrencyTests {
    @Test func twoInstancesWritingAtOnceBothSucceed() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shared.sqlite")
        let writers = try [SQLiteMemory(path: path), SQLiteMemory(path: path)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (seed, memory) in writers.enumerated() {
                group.addTask {
                    let units = SyntheticUnits(seed: UInt64(seed + 10))
                    for start in stride(from: 0, to: 1_000, by: 50) {
                        try memory.add(units.units(start..<start + 50))
                    }
                }
            }
            try await group.waitForAll()
        }
        let memory = try SQLiteMemory(path: path)
        #expect(try memory.count() == 2_000)
        for seed in [10, 11] {
            let units = SyntheticUnits(seed: UInt64(seed))
            #expect(try memory.unit(id: "bench-\(seed)-999") == units.unit(999))
        }
        #expect(try memory.integrityProblems().isEmpty)
    }

    @Test func readersSeeWholeBatchesOnly() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("snapshots.sqlite")
        let writer = try SQLiteMemory(path: path)
        let reader = try SQLiteMemory(path: path)
        let batch = 40
        let writing = Task.detached {
            let units = SyntheticUnits(seed: 20)
            for start in stride(from: 0, to: 800, by: batch) {
                try writer.add(units.units(start..<start + batch))
            }
        }
        var counts: [Int] = []
        // Read until the last batch is seen, however slowly the writer is scheduled on a busy
        // machine; the deadline only keeps a broken writer from hanging the suite.
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline {
            let count = try reader.count()
            counts.append(count)
            var walked = 0
            try reader.forEachUnit { unit in
                walked += 1
                #expect(!unit.variants.isEmpty)
            }
            // The walk is a later snapshot than the count, never an earlier one.
            #expect(walked >= count && walked % batch == 0)
            if count == 800 { break }
        }
        try await writing.value
        #expect(counts.allSatisfy { $0 % batch == 0 })
        #expect(counts.last == 800)
        #expect(try reader.count() == 800)
    }
}
