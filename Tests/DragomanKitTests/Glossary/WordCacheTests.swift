import Testing

@testable import DragomanKit

struct WordCacheTests {
    static func insert(
        _ word: String, _ values: [Int], into cache: inout WordCache<Int>
    )
        -> Range<Int>
    {
        let key = word.unicodeScalars.map(\.value)
        return key.withUnsafeBufferPointer { key in
            var hash = ScalarKeyTable.seed
            for value in key { hash = ScalarKeyTable.hash(hash, value) }
            return cache.insert(key, hash: hash, values: values)
        }
    }

    static func lookup(_ word: String, in cache: WordCache<Int>) -> [Int]? {
        let key = word.unicodeScalars.map(\.value)
        return key.withUnsafeBufferPointer { key in
            var hash = ScalarKeyTable.seed
            for value in key { hash = ScalarKeyTable.hash(hash, value) }
            return cache.lookup(key, hash: hash).map { Array(cache.values[$0]) }
        }
    }

    /// The scan keeps ranges into the cache's list for a whole text, so a full cache must
    /// not forget anything until the next text starts.
    @Test func rangesStayValidUntilTheNextText() {
        var cache = WordCache<Int>(capacity: 2)
        cache.startText()
        let kent = Self.insert("kent", [1, 2], into: &cache)
        let stadt = Self.insert("stadt", [], into: &cache)
        let city = Self.insert("city", [3], into: &cache)
        let mark = cache.append([4, 5])
        #expect(Array(cache.values[kent]) == [1, 2])
        #expect(stadt.isEmpty)
        #expect(Array(cache.values[city]) == [3])
        #expect(Array(cache.values[mark]) == [4, 5])
        #expect(Self.lookup("kent", in: cache) == [1, 2])
        #expect(Self.lookup("stadt", in: cache) == [])
        #expect(Self.lookup("şehir", in: cache) == nil)

        cache.startText()
        #expect(Self.lookup("kent", in: cache) == nil)
        #expect(cache.values.isEmpty)
    }

    /// Below its capacity the cache keeps its words from text to text.
    @Test func wordsAreKeptAcrossTextsBelowCapacity() {
        var cache = WordCache<Int>(capacity: 10)
        cache.startText()
        _ = Self.insert("Stadt", [7], into: &cache)
        cache.startText()
        #expect(Self.lookup("Stadt", in: cache) == [7])
    }
}
