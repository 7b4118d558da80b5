#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes gathered and emptied again for every element (the text of one segment, prop or
/// note at a time), in memory kept from one to the next.
///
/// An object rather than an array: the unit builder appends and empties it several times per
/// unit, and an array checks for a shared buffer at each change and empties itself through
/// its general replacing path, which cost more than the bytes copied. Only the builder that
/// made it uses it, never two threads.
final class TMXByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes gathered, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            var grown = capacity * 2
            while grown < count + bytes.count { grown *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            capacity = grown
        }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Empties the buffer and keeps its memory.
    func removeAll() { count = 0 }
}
