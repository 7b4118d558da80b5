/// The ranks of one look-up's candidates in a table with a slot per text of a language, and
/// the list of the candidates still in reach of the top.
///
/// Adding a list of postings costs a step per posting: a slot is found by the text's number,
/// with no merge of sorted lists that copies every candidate again for each term (that copy
/// was most of a look-up's time in a memory of a million units, where even rare terms are
/// found in thousands of texts). A text's length penalty is taken once, when it joins.
///
/// A slot holds NaN while the text has not joined, and minus infinity once it is dropped, so
/// that later lists neither take it in again nor lift it; ``reset()`` empties only the slots
/// written. Used by one look-up at a time.
final class RankTable: @unchecked Sendable {
    let capacity: Int
    private let slots: UnsafeMutablePointer<Float>
    /// Every slot written since the last reset: at most one entry per slot.
    private let written: UnsafeMutablePointer<UInt32>
    private var writtenCount = 0
    /// The candidates in reach; sorted once probing begins. At most one entry per slot.
    private let candidates: UnsafeMutablePointer<UInt32>
    private(set) var count = 0
    /// Room for the ranks that ``kthBest(_:)`` reorders.
    private let scratch: UnsafeMutablePointer<Float>
    /// The highest rank of any candidate.
    private(set) var maximum: Float = -.infinity

    // The lists are buffers of the table's size rather than arrays: appending to an array
    // kept in a class checks exclusive access at every element, which cost as much as the
    // ranking itself. The loops below work on local copies of the counts for the same reason.

    init(capacity: Int) {
        self.capacity = capacity
        let size = Swift.max(capacity, 1)
        slots = .allocate(capacity: size)
        slots.initialize(repeating: .nan, count: size)
        written = .allocate(capacity: size)
        candidates = .allocate(capacity: size)
        scratch = .allocate(capacity: size)
    }

    deinit {
        slots.deallocate()
        written.deallocate()
        candidates.deallocate()
        scratch.deallocate()
    }

    /// Empties the slots written, for the next look-up.
    func reset() {
        let slots = self.slots
        for k in 0..<writtenCount { slots[Int(written[k])] = .nan }
        writtenCount = 0
        count = 0
        maximum = -.infinity
    }

    /// Adds `weight` to every text of `postings`, taking in those not yet present with
    /// their penalty for a weight unlike the query's, `|weights[text] - queryWeight| *
    /// scale`. Postings out of the table's range (a damaged file) are skipped.
    ///
    /// The penalty is reckoned here rather than by a closure the caller passes: a call
    /// through a closure for every text that joins cost more than the join itself.
    func add(
        _ postings: UnsafeBufferPointer<UInt32>, weight: Float,
        weights: UnsafeBufferPointer<UInt16>, queryWeight: Float, scale: Float
    ) {
        var maximum = self.maximum
        var count = self.count
        var writtenCount = self.writtenCount
        let slots = self.slots
        let candidates = self.candidates
        let written = self.written
        let capacity = self.capacity
        let reach = Swift.min(capacity, weights.count)
        for text in postings where Int(text) < reach {
            let slot = slots + Int(text)
            let rank = slot.pointee
            if rank.isNaN {
                let joined = weight - abs(Float(weights[Int(text)]) - queryWeight) * scale
                slot.pointee = joined
                written[writtenCount] = text
                writtenCount += 1
                candidates[count] = text
                count += 1
                maximum = Swift.max(maximum, joined)
            } else {
                let sum = rank + weight
                slot.pointee = sum
                maximum = Swift.max(maximum, sum)
            }
        }
        self.maximum = maximum
        self.count = count
        self.writtenCount = writtenCount
    }

    /// Sorts the candidates by text number, as ``probe(_:weight:)`` needs.
    func sortCandidates() {
        var buffer = UnsafeMutableBufferPointer(start: candidates, count: count)
        buffer.sort()
    }

    /// Adds `weight` to the candidates found in `postings`, taking in none: a galloping
    /// search from the last position, since both are sorted (``sortCandidates()`` first).
    func probe(_ postings: UnsafeBufferPointer<UInt32>, weight: Float) {
        var maximum = self.maximum
        let slots = self.slots
        // Many candidates against a short list: reading the list once and adding to the
        // slots that hold a candidate (a finite rank; NaN is no candidate, minus infinity
        // one dropped) costs less than a search per candidate, and adds the same.
        if count >= postings.count / 8 {
            let capacity = self.capacity
            for text in postings where Int(text) < capacity {
                let rank = slots[Int(text)]
                if rank.isFinite {
                    let sum = rank + weight
                    slots[Int(text)] = sum
                    maximum = Swift.max(maximum, sum)
                }
            }
            self.maximum = maximum
            return
        }
        var position = 0
        for k in 0..<count {
            let target = candidates[k]
            var step = 1
            var hi = position
            while hi < postings.count && postings[hi] < target {
                position = hi + 1
                hi += step
                step *= 2
            }
            var lo = position
            hi = Swift.min(hi, postings.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if postings[mid] < target { lo = mid + 1 } else { hi = mid }
            }
            position = lo
            if position == postings.count { break }
            if postings[position] == target {
                let sum = slots[Int(target)] + weight
                slots[Int(target)] = sum
                maximum = Swift.max(maximum, sum)
            }
        }
        self.maximum = maximum
    }

    /// Drops the candidates that cannot reach `threshold` even with `slack` more weight.
    func prune(below threshold: Float, slack: Float) {
        guard threshold > -Float.infinity else { return }
        let slots = self.slots
        var kept = 0
        for k in 0..<count {
            let text = candidates[k]
            if slots[Int(text)] + slack >= threshold {
                candidates[kept] = text
                kept += 1
            } else {
                slots[Int(text)] = -.infinity
            }
        }
        count = kept
    }

    /// The `k`-th best rank among the candidates; ranks only grow as lists are added, so
    /// this is a floor for the final `k`-th best.
    func kthBest(_ k: Int) -> Float {
        for i in 0..<count { scratch[i] = slots[Int(candidates[i])] }
        return Self.select(
            k - 1, descendingIn: UnsafeMutableBufferPointer(start: scratch, count: count))
    }

    /// The best `limit` candidates by rank, best first; equal ranks by text number.
    func best(_ limit: Int) -> [UInt32] {
        let floor = count > 4 * limit ? kthBest(limit) : -.infinity
        var ranked: [(UInt32, Float)] = []
        for k in 0..<count where slots[Int(candidates[k])] >= floor {
            ranked.append((candidates[k], slots[Int(candidates[k])]))
        }
        ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return ranked.prefix(limit).map(\.0)
    }

    /// The element that would stand at `index` if `values` were sorted in descending order
    /// (quickselect; `values` is reordered).
    private static func select(
        _ index: Int, descendingIn values: UnsafeMutableBufferPointer<Float>
    ) -> Float {
        var lo = 0
        var hi = values.count - 1
        while lo < hi {
            let pivot = values[(lo + hi) / 2]
            var i = lo
            var j = hi
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if index <= j {
                hi = j
            } else if index >= i {
                lo = i
            } else {
                return values[index]
            }
        }
        return values[lo]
    }
}
