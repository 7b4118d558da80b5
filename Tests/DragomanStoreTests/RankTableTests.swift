import Testing

@testable import DragomanStore

/// The rank table must add what a plain sum over the lists gives, whichever way a list is
/// added: taken in, probed by reading the list, or probed by galloping over sorted candidates.
struct RankTableTests {
    /// `count` distinct sorted text numbers below `capacity`, the same for the same seed.
    static func list(_ count: Int, below capacity: Int, seed: UInt64) -> [UInt32] {
        var random = SplitMix(seed: seed)
        var texts = Set<UInt32>()
        while texts.count < count { texts.insert(UInt32(random.next() % UInt64(capacity))) }
        return texts.sorted()
    }

    @Test(arguments: [(60, 3_000), (400, 40_000), (2_500, 4_000_000)])
    func ranksAreTheSumsOfTheListsThatHoldEachText(joining: Int, capacity: Int) {
        let table = RankTable(capacity: capacity)
        let weights = [UInt16](repeating: 100, count: capacity)
        // Two lists taken in (so the candidates are out of order), then lists probed: long
        // ones (galloping over the sorted candidates) and short ones (read once).
        let joined = [
            Self.list(joining, below: capacity, seed: 1),
            Self.list(joining, below: capacity, seed: 2),
        ]
        let probed = [
            Self.list(40 * joining, below: capacity, seed: 3),
            Self.list(joining / 2, below: capacity, seed: 4),
            Self.list(20 * joining, below: capacity, seed: 5),
        ]
        var expected: [UInt32: Float] = [:]
        for (k, list) in joined.enumerated() {
            list.withUnsafeBufferPointer { postings in
                weights.withUnsafeBufferPointer { weights in
                    table.add(
                        postings, weight: Float(k + 1), weights: weights, queryWeight: 100,
                        scale: 0.01)
                }
            }
            for text in list { expected[text, default: 0] += Float(k + 1) }
        }
        for (k, list) in probed.enumerated() {
            let weight = Float(10 * (k + 1))
            list.withUnsafeBufferPointer { table.probe($0, weight: weight) }
            for text in list where expected[text] != nil { expected[text]! += weight }
        }
        #expect(table.count == expected.count)
        let best = table.best(expected.count)
        let ranked = expected.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        #expect(best == ranked.map(\.key))
        // The pool's k-th best is a floor of the k-th best of all.
        let tenth = table.kthBest(10)
        #expect(tenth == ranked[9].value)
        table.keepTop(tenth)
        #expect(table.pooledKthBest(10) == tenth)
        #expect(table.pooledKthBest(expected.count + 1) == -.infinity)
    }
}
