/// A hash table keyed by scalar values (a word's match key, as the glossary scan holds it in
/// a buffer), so that a word seen before is found without building a string. Each key carries
/// a 64-bit payload for the caller.
///
/// A probe reads one slot, which holds the key's entry and 32 bits of its hash, so that a
/// slot of another key is passed over without reading its entry; a hit then reads the entry
/// and the key's scalars once each.
struct ScalarKeyTable {
    struct Entry {
        var start: Int32
        var length: Int32
        var payload: UInt64
    }

    /// Open addressing, at most half full: the hash's high 32 bits over entry + 1; 0 is free.
    private var slots: [UInt64] = Array(repeating: 0, count: 1 << 12)
    private var entries: [Entry] = []
    private var pool: [UInt32] = []

    var count: Int { entries.count }

    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// FNV-1a over the scalar values; the scan computes it as it reads a word.
    @inline(__always)
    static func hash(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// The payload of `key`, whose hash is `hash`, or nil.
    @inline(__always)
    func payload(of key: UnsafeBufferPointer<UInt32>, hash: UInt64) -> UInt64? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let tag = hash & 0xFFFF_FFFF_0000_0000
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let value = slots[slot]
                if value == 0 { return nil }
                if value & 0xFFFF_FFFF_0000_0000 == tag {
                    let entry = entries[Int(value & 0xFFFF_FFFF) - 1]
                    if Int(entry.length) == key.count && matches(key, at: Int(entry.start)) {
                        return entry.payload
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<UInt32>, at start: Int) -> Bool {
        pool.withUnsafeBufferPointer { pool in
            for offset in 0..<key.count where pool[start + offset] != key[offset] {
                return false
            }
            return true
        }
    }

    /// Adds a key not in the table with its payload.
    mutating func insert(_ key: UnsafeBufferPointer<UInt32>, hash: UInt64, payload: UInt64) {
        if (entries.count + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: 0, count: slots.count * 2)
            for value in old where value != 0 { place(value) }
        }
        entries.append(Entry(start: Int32(pool.count), length: Int32(key.count), payload: payload))
        pool += key
        place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(entries.count), hash: hash)
    }

    /// Puts a slot value back after growing; its hash's low bits are not kept, so the key's
    /// hash is computed again from the pool.
    private mutating func place(_ value: UInt64) {
        let entry = entries[Int(value & 0xFFFF_FFFF) - 1]
        var hash = Self.seed
        for offset in 0..<Int(entry.length) {
            hash = Self.hash(hash, pool[Int(entry.start) + offset])
        }
        place(value, hash: hash)
    }

    private mutating func place(_ value: UInt64, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = value
    }

    /// Forgets every key.
    mutating func removeAll() {
        slots = Array(repeating: 0, count: 1 << 12)
        entries.removeAll(keepingCapacity: true)
        pool.removeAll(keepingCapacity: true)
    }
}
