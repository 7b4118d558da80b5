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
    /// Whether the candidates are in ascending order of text number, as galloping needs:
    /// taking a text in breaks the order, dropping one keeps it.
    private var inOrder = true
    /// Room for the ranks that ``kthBest(_:atLeast:)`` reorders.
    private let scratch: UnsafeMutablePointer<Float>
    /// Room for the candidates as ``sortCandidates()`` sorts them.
    private let sortScratch: UnsafeMutablePointer<UInt32>
    /// The candidates that ranked in the top when ``keepTop(_:)`` last looked: the best of
    /// these bound the `k`-th best of all (``pooledKthBest(_:)``) at a fraction of the cost.
    private let pool: UnsafeMutablePointer<UInt32>
    private var poolCount = 0
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
        sortScratch = .allocate(capacity: size)
        pool = .allocate(capacity: size)
    }

    deinit {
        slots.deallocate()
        written.deallocate()
        candidates.deallocate()
        scratch.deallocate()
        sortScratch.deallocate()
        pool.deallocate()
    }

    /// Empties the slots written, for the next look-up.
    func reset() {
        let slots = self.slots
        for k in 0..<writtenCount { slots[Int(written[k])] = .nan }
        writtenCount = 0
        count = 0
        poolCount = 0
        inOrder = true
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
        if count > self.count { inOrder = false }
        self.maximum = maximum
        self.count = count
        self.writtenCount = writtenCount
    }

    /// Sorts the candidates by text number, as galloping in ``probe(_:weight:)`` needs, unless
    /// they are in order already.
    ///
    /// Least significant digit first, eleven bits at a time: text numbers are bounded by the
    /// table's capacity, and thousands of candidates are sorted in two passes where the
    /// standard library's comparison sort spent a tenth of a look-up.
    func sortCandidates() {
        guard !inOrder else { return }
        inOrder = true
        let count = self.count
        guard count > 64 else {
            var buffer = UnsafeMutableBufferPointer(start: candidates, count: count)
            buffer.sort()
            return
        }
        let bits = UInt32.bitWidth - UInt32(Swift.max(capacity - 1, 1)).leadingZeroBitCount
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2048) { counts in
            var from = candidates
            var to = sortScratch
            var shift = 0
            while shift < bits {
                counts.initialize(repeating: 0)
                for k in 0..<count { counts[Int((from[k] >> UInt32(shift)) & 2047)] += 1 }
                var start = 0
                for d in 0..<2048 {
                    let n = counts[d]
                    counts[d] = start
                    start += n
                }
                for k in 0..<count {
                    let d = Int((from[k] >> UInt32(shift)) & 2047)
                    to[counts[d]] = from[k]
                    counts[d] += 1
                }
                swap(&from, &to)
                shift += 11
            }
            if from != candidates { candidates.update(from: from, count: count) }
        }
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
        sortCandidates()
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
    ///
    /// `floor` is a floor of it known before (an earlier `k`-th best): only ranks that reach
    /// it are selected from, which after the first lists are a few of the candidates, where
    /// selecting among all of them after every list cost a sixth of a look-up. Without one,
    /// a floor is taken from the first candidates.
    func kthBest(_ k: Int, atLeast floor: Float = -.infinity) -> Float {
        // Without a floor, the candidates that joined first (from the rarest lists, most of
        // the best among them) give one: the `k`-th best of some is at most that of all.
        var floor = floor
        if floor == -.infinity, count > 8 * k {
            let some = Swift.min(count / 8, 4_096)
            for i in 0..<some { scratch[i] = slots[Int(candidates[i])] }
            floor = Self.select(
                k - 1, descendingIn: UnsafeMutableBufferPointer(start: scratch, count: some))
        }
        var n = 0
        for i in 0..<count {
            let rank = slots[Int(candidates[i])]
            scratch[n] = rank
            if rank >= floor { n += 1 }
        }
        // Fewer than `k` reach the floor only if it was not one; then all of them count.
        if n < k {
            n = count
            for i in 0..<count { scratch[i] = slots[Int(candidates[i])] }
        }
        return Self.select(
            k - 1, descendingIn: UnsafeMutableBufferPointer(start: scratch, count: n))
    }

    /// Keeps as the pool the candidates ranked at least `floor`, which should be at most the
    /// `k`-th best rank (``kthBest(_:atLeast:)``) so that the pool holds at least `k`.
    func keepTop(_ floor: Float) {
        var kept = 0
        for k in 0..<count where slots[Int(candidates[k])] >= floor {
            pool[kept] = candidates[k]
            kept += 1
        }
        poolCount = kept
    }

    /// The `k`-th best rank within the pool (``keepTop(_:)``), minus infinity when the pool
    /// holds fewer: the pool's candidates are some of the candidates, so their `k`-th best
    /// is at most the `k`-th best of all, and ranks only grow, so it is a floor for the final
    /// `k`-th best as ``kthBest(_:atLeast:)`` is. Dropped candidates count as minus infinity.
    func pooledKthBest(_ k: Int) -> Float {
        guard poolCount >= k else { return -.infinity }
        for i in 0..<poolCount { scratch[i] = slots[Int(pool[i])] }
        return Self.select(
            k - 1, descendingIn: UnsafeMutableBufferPointer(start: scratch, count: poolCount))
    }

    /// The best `limit` candidates by rank, best first; equal ranks by text number.
    func best(_ limit: Int) -> [UInt32] {
        let floor = count > 4 * limit ? kthBest(limit, atLeast: pooledKthBest(limit)) : -.infinity
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
