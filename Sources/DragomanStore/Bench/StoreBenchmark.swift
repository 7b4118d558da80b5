import Foundation

/// Write throughput of a memory: synthetic units added in transactions of a given size.
///
/// Units are made before each transaction begins, so the figures count the store's own work:
/// normalization, match keys and SQLite.
public struct StoreBenchmark: Sendable {
    public struct Figures: Sendable {
        public let units: Int
        public let transactions: Int
        /// Time spent inside ``TranslationMemory/add(_:)``.
        public let writeSeconds: Double
        /// Time of the whole run, making the units included.
        public let totalSeconds: Double

        public var unitsPerSecond: Double { Double(units) / writeSeconds }
    }

    public let units: SyntheticUnits
    public let count: Int
    public let batchSize: Int

    public init(units: SyntheticUnits, count: Int, batchSize: Int) {
        self.units = units
        self.count = max(0, count)
        self.batchSize = max(1, batchSize)
    }

    /// Writes the units; `committed` is called with the number of units stored so far after
    /// each transaction.
    public func run(
        on memory: some TranslationMemory, committed: (Int) -> Void = { _ in }
    ) throws -> Figures {
        let start = DispatchTime.now().uptimeNanoseconds
        var writing: UInt64 = 0
        var transactions = 0
        for batchStart in stride(from: 0, to: count, by: batchSize) {
            let batch = units.units(batchStart..<min(count, batchStart + batchSize))
            let t0 = DispatchTime.now().uptimeNanoseconds
            try memory.add(batch)
            writing += DispatchTime.now().uptimeNanoseconds - t0
            transactions += 1
            committed(batchStart + batch.count)
        }
        let total = DispatchTime.now().uptimeNanoseconds - start
        return Figures(
            units: count, transactions: transactions, writeSeconds: Double(writing) / 1e9,
            totalSeconds: Double(total) / 1e9)
    }
}
