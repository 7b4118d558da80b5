#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes gathered in memory kept from use to use: the text of one segment, prop or note at a
/// time while a unit is read, and the output of the writer until it goes to the sink in large
/// blocks (see `TMXByteBuffer+Writing.swift`).
///
/// An object over raw memory rather than an array: the builder appends and empties it several
/// times per unit and the writer appends several dozen pieces per unit, and an array checks
/// for a shared buffer and for room at each change and empties itself through its general
/// replacing path. Here room is made once per piece, for its largest size, and the piece is
/// copied or written straight into place. Only its owner uses it, never two threads.
final class TMXByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes gathered, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Empties the buffer and keeps its memory.
    func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes and returns where they go; ``commit(_:)`` then counts
    /// those written.
    @inline(__always)
    func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count + extra > capacity { grow(to: count + extra) }
        return base + count
    }

    /// Counts `written` bytes put where ``reserve(_:)`` pointed.
    @inline(__always)
    func commit(_ written: Int) { count += written }

    @inline(__always)
    func append(_ bytes: UnsafePointer<UInt8>, count extra: Int) {
        reserve(extra).update(from: bytes, count: extra)
        count += extra
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        append(source, count: bytes.count)
    }

    private func grow(to needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }
}
