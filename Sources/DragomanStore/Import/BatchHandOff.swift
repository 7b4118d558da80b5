import Foundation

/// A bounded first-in, first-out hand-off between one producing thread and one consuming
/// thread.
///
/// An import reads its file on one thread and writes the memory on another. The reader may
/// run ahead of the writer by ``capacity`` items only, so the memory an import holds stays
/// bounded whatever the size of the file, and a reader faster than the writer waits instead
/// of piling units up. Either side can end the exchange: the producer with ``finish()`` when
/// it has nothing more, the consumer with ``close()`` when it gives up (a unit it cannot
/// store), which wakes a producer waiting for room and makes its next ``put(_:)`` return
/// false so that it stops reading.
final class BatchHandOff<Item: Sendable>: @unchecked Sendable {
    // Unchecked: every stored property is read and written only with `condition` locked.
    private let condition = NSCondition()
    /// Oldest first; never more than ``capacity``, so removing from the front costs little.
    private var items: [Item] = []
    private var finished = false
    private var closed = false
    /// The most items held at once.
    let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "a hand-off must hold at least one item")
        self.capacity = capacity
    }

    /// Appends `item`, waiting while ``capacity`` items are held; returns false, without
    /// appending, once the consumer has closed the hand-off.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !closed && items.count >= capacity { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Tells the consumer that no item follows those put so far.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
    }

    /// Removes and returns the oldest item, waiting while there is none; nil once the
    /// producer has finished and every item was taken, or once the hand-off is closed.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while !closed && items.isEmpty && !finished { condition.wait() }
        guard !closed, !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Ends the exchange from the consumer's side: items held are dropped, a producer
    /// waiting for room wakes, and later puts return false.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        items.removeAll()
        condition.broadcast()
    }
}
