/// The bytes of a TMX file being written, gathered in memory reserved once until they go to
/// the sink in large blocks.
///
/// An object over raw memory rather than an array: the writer appends several dozen pieces per
/// unit (tags, escaped texts, digits), and an array checks for a shared buffer and for room at
/// every append. Here room is made once per piece, for its largest size, and the piece is
/// copied or written straight into place. Only the writer that made it uses it, never two
/// threads.
final class TMXOutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

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

    @inline(__always)
    func append(_ string: StaticString) {
        append(string.utf8Start, count: string.utf8CodeUnitCount)
    }

    /// Appends `string` as it is (markup stored as written, or text known to need no escaping).
    ///
    /// Labelled so that a string literal goes to the `StaticString` form, which a literal
    /// would otherwise not reach: Swift makes literals `String` first.
    func append(contentsOf string: String) {
        var string = string
        string.withUTF8 { utf8 in
            guard let start = utf8.baseAddress else { return }
            append(start, count: utf8.count)
        }
    }

    /// Appends `string` escaped by `escaping`, for character data or an attribute value.
    func append(_ string: String, escapedBy escaping: inout XMLEscaping, attribute: Bool) {
        var string = string
        string.withUTF8 { utf8 in
            let target = reserve(utf8.count * XMLEscaping.maximumGrowth)
            count += escaping.write(utf8, attribute: attribute, to: target)
        }
    }

    /// Appends `value` in decimal.
    func append(decimal value: Int) {
        var magnitude = value.magnitude
        // 20 digits and a sign at most.
        let target = reserve(21)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let written = withUnsafeMutableBytes(of: &digits) { scratch in
            var end = scratch.count
            repeat {
                end -= 1
                scratch[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                end -= 1
                scratch[end] = UInt8(ascii: "-")
            }
            let length = scratch.count - end
            UnsafeMutableRawPointer(target).copyMemory(
                from: scratch.baseAddress! + end, byteCount: length)
            return length
        }
        count += written
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
