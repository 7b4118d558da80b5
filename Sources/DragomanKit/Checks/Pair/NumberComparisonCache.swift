import Foundation

/// The last pair's ``NumberComparison``, shared by the four number checks.
///
/// A check engine runs every check on one pair before the next; the four number checks
/// (`numbers`, `numbers.percent`, `numbers.currency`, `numbers.date`) each report a part of
/// one comparison, so reading the numbers once per pair instead of four times keeps them
/// fast. One entry is enough for that, and is safe from several threads (a thread that finds
/// another pair in it computes its own).
final class NumberComparisonCache: @unchecked Sendable {
    static let shared = NumberComparisonCache()

    private let lock = NSLock()
    private var pair: SegmentPair?
    private var comparison: NumberComparison?

    func comparison(for pair: SegmentPair) -> NumberComparison {
        lock.lock()
        if let comparison, self.pair == pair {
            lock.unlock()
            return comparison
        }
        lock.unlock()
        let fresh = NumberComparison(pair)
        lock.lock()
        self.pair = pair
        comparison = fresh
        lock.unlock()
        return fresh
    }
}
