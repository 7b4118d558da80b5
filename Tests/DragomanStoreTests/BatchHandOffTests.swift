import Foundation
import Testing

@testable import DragomanStore

/// The bounded hand-off between an import's reading and writing threads.
struct BatchHandOffTests {
    /// Counts from another thread, read under a lock.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    @Test func itemsComeOutInOrderAndEndAfterFinish() {
        let handOff = BatchHandOff<Int>(capacity: 3)
        let producer = Thread {
            for item in 0..<500 { _ = handOff.put(item) }
            handOff.finish()
        }
        producer.start()
        var taken: [Int] = []
        while let item = handOff.take() { taken.append(item) }
        #expect(taken == Array(0..<500))
        #expect(handOff.take() == nil)
    }

    @Test func theProducerWaitsWhileTheHandOffIsFull() {
        let handOff = BatchHandOff<Int>(capacity: 2)
        let put = Counter()
        let done = DispatchSemaphore(value: 0)
        Thread {
            for item in 0..<4 {
                _ = handOff.put(item)
                put.increment()
            }
            done.signal()
        }.start()
        // Two fit; the third waits until one is taken, however long the consumer takes.
        Thread.sleep(forTimeInterval: 0.2)
        #expect(put.value == 2)
        #expect(handOff.take() == 0)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(put.value == 3)
        #expect(handOff.take() == 1)
        done.wait()
        #expect(put.value == 4)
        #expect(handOff.take() == 2)
        #expect(handOff.take() == 3)
    }

    @Test func closingWakesAWaitingProducerAndRefusesLaterItems() {
        let handOff = BatchHandOff<Int>(capacity: 1)
        #expect(handOff.put(1))
        let refused = DispatchSemaphore(value: 0)
        Thread {
            // Waits for room, then learns the consumer has gone.
            if !handOff.put(2) { refused.signal() }
        }.start()
        Thread.sleep(forTimeInterval: 0.1)
        handOff.close()
        #expect(refused.wait(timeout: .now() + 10) == .success)
        #expect(!handOff.put(3))
        #expect(handOff.take() == nil)
    }
}
