public import DragomanKit
import Foundation

/// Imports a TMX file into a memory transaction, reading the file on a thread of its own
/// while the transaction writes.
///
/// Reading a file into units and writing them to SQLite each take a core's worth of work;
/// one after the other on one thread, an import took their sum. Here the reader hands
/// batches of ``batchSize`` units to the writing thread (the caller's) through a
/// ``BatchHandOff`` that holds at most ``batchesAhead`` of them, so the import takes about
/// as long as the slower of the two and holds a bounded number of units whatever the size
/// of the file.
///
/// Everything the caller sees happens on its own thread, in file order: units are added
/// to the transaction batch by batch, warnings and progress are reported between batches,
/// and an error of the file (``TMXError``, with its file, line and column) is thrown after
/// the units before it were added. Since the transaction stores all or nothing, a file that
/// fails halfway changes nothing. When the writing side fails first (a unit the memory
/// refuses, a full disk), the reader is told to stop and has stopped when the error is
/// thrown.
public struct TMXImport: Sendable {
    public var reader: TMXReader
    /// Units handed from the reader to the writer at a time.
    public var batchSize: Int
    /// Batches the reader may have finished that the writer has not taken yet.
    public var batchesAhead: Int

    public init(reader: TMXReader = TMXReader(), batchSize: Int = 2_000, batchesAhead: Int = 2) {
        self.reader = reader
        self.batchSize = max(1, batchSize)
        self.batchesAhead = max(1, batchesAhead)
    }

    /// What the reading thread passes to the writing one, in file order.
    enum Step: Sendable {
        /// Units, and how far the input was read (with its size when known) when the last
        /// of them was made.
        case units([TranslationUnit], bytesRead: Int, totalBytes: Int?)
        case warning(TMXWarning)
        case finished(TMXReader.Summary)
        case failed(any Error)
    }

    /// Thrown inside the reader to stop it once the writer has given up.
    private struct Stopped: Error {}

    /// Reads `input` into `transaction` and records the import with the file's header
    /// (``MemoryTransaction/recordTMXImport(source:header:)``); returns what was read.
    ///
    /// - Parameters:
    ///   - warning: called on the caller's thread with what the reader read with a guess
    ///     or left out, in file order among the batches.
    ///   - progress: called on the caller's thread after each batch is added, with how far
    ///     the input had been read when the batch was complete and the input's size when
    ///     known: it follows the writing, not the reading that runs ahead of it.
    /// - Throws: ``TMXError`` for a file that cannot be read as TMX; the transaction's
    ///   errors (``MemoryError``) unchanged. Either way the caller's transaction must roll
    ///   back, which ``SQLiteMemory/transaction(_:)`` does when its body throws.
    @discardableResult
    public func read(
        _ input: TMXReader.Input, into transaction: MemoryTransaction,
        warning: (TMXWarning) -> Void = { _ in },
        progress: (_ bytesRead: Int, _ totalBytes: Int?) -> Void = { _, _ in }
    ) throws -> TMXReader.Summary {
        let handOff = BatchHandOff<Step>(capacity: batchesAhead)
        let stopped = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            produce(input, into: handOff)
            stopped.signal()
        }
        // The stack the main thread has, so that reading on this thread is never cut short
        // where reading on the main thread would not be.
        thread.stackSize = 8 << 20
        thread.name = "TMX reader"
        thread.start()
        defer {
            // On success the reader has finished already; on failure this wakes it where it
            // waits for room, and its next unit stops it.
            handOff.close()
            stopped.wait()
        }
        while let step = handOff.take() {
            switch step {
            case .units(let units, let bytesRead, let totalBytes):
                try transaction.add(units)
                progress(bytesRead, totalBytes)
            case .warning(let message):
                warning(message)
            case .finished(let summary):
                try transaction.recordTMXImport(source: input.name, header: summary.header)
                return summary
            case .failed(let error):
                throw error
            }
        }
        preconditionFailure("the TMX reader stopped without a summary or an error")
    }

    /// Reads `input` on the reader's thread, putting its units into `handOff` batch by batch,
    /// then the summary or the error that ended the reading.
    private func produce(_ input: TMXReader.Input, into handOff: BatchHandOff<Step>) {
        defer { handOff.finish() }
        var batch: [TranslationUnit] = []
        batch.reserveCapacity(batchSize)
        var bytesRead = 0
        var totalBytes: Int?
        func handOn() throws {
            let units = batch
            batch = []
            batch.reserveCapacity(batchSize)
            guard handOff.put(.units(units, bytesRead: bytesRead, totalBytes: totalBytes))
            else { throw Stopped() }
        }
        do {
            let summary = try reader.read(
                input,
                warning: { message in _ = handOff.put(.warning(message)) },
                progress: { read, total in
                    bytesRead = read
                    totalBytes = total
                }
            ) { unit in
                batch.append(unit)
                if batch.count >= batchSize { try handOn() }
            }
            // Even when empty: the reader's last progress comes after the last unit.
            try handOn()
            _ = handOff.put(.finished(summary))
        } catch is Stopped {
            return
        } catch {
            _ = handOff.put(.failed(error))
        }
    }
}
