/// What the glossary scan learned about each distinct word: the list of values (the term
/// forms a word is a form of) found for it, under its key scalars.
///
/// News repeats its words, and a word's candidates depend on its key alone, so each distinct
/// word is looked up in the character trie and has its endings judged once; after that it
/// costs a hash of its key, computed while the scan reads it, and one probe. The scan refers
/// to a word's list by its range in ``values`` instead of copying it, so the lists stay put
/// while a text is read: the cache starts afresh only before a text, once it holds
/// `capacity` words, so memory stays bounded by the larger of that and one text's words.
struct WordCache<Value> {
    private var table = ScalarKeyTable()
    private(set) var values: [Value] = []
    let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Called before each text: forgets every word once the cache is full, never while a
    /// text's ranges are in use.
    mutating func startText() {
        guard table.count >= capacity else { return }
        table.removeAll()
        values.removeAll(keepingCapacity: true)
    }

    /// The range in ``values`` of the word's list, or nil for a word not seen yet.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt32>, hash: UInt64) -> Range<Int>? {
        guard let payload = table.payload(of: key, hash: hash) else { return nil }
        return Int(payload >> 32)..<Int(payload & 0xFFFF_FFFF)
    }

    /// Stores the list of a word not seen yet; returns its range in ``values``.
    mutating func insert(
        _ key: UnsafeBufferPointer<UInt32>, hash: UInt64, values list: some Collection<Value>
    ) -> Range<Int> {
        let range = append(list)
        table.insert(
            key, hash: hash, payload: UInt64(range.lowerBound) << 32 | UInt64(range.upperBound))
        return range
    }

    /// Stores a list under no key (a punctuation mark's candidates), so that the scan can
    /// refer to it like a word's; returns its range in ``values``.
    mutating func append(_ list: some Collection<Value>) -> Range<Int> {
        let start = values.count
        values += list
        return start..<values.count
    }
}
