/// What the glossary scan learned about each distinct word: the list of values (the term
/// forms a word is a form of) found for it, under its key scalars.
///
/// News repeats its words, and a word's candidates depend on its key alone, so each distinct
/// word is looked up in the character trie and has its endings judged once; after that it
/// costs a hash of its key, computed while the scan reads it, and one probe. The cache starts
/// afresh after `capacity` words, so memory stays bounded on any input.
struct WordCache<Value> {
    private var table = ScalarKeyTable()
    private(set) var values: [Value] = []
    let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
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
        if table.count >= capacity {
            table.removeAll()
            values.removeAll(keepingCapacity: true)
        }
        let start = values.count
        values += list
        table.insert(key, hash: hash, payload: UInt64(start) << 32 | UInt64(values.count))
        return start..<values.count
    }
}
