#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes ``TMXByteScanner`` reads, a window of the input at a time, read with `pread(2)`
/// into a buffer of bounded size rather than mapped into memory.
///
/// A mapped file that another program truncates while it is read (a tool still writing its
/// export, a sync client replacing it) kills the reader with SIGBUS when a page past the new
/// end is touched; read into a buffer, such a file just ends early, and the scanner leaves it
/// to libxml2, which reports where it ends. The buffer starts at ``TMXReader/ScanBuffer/size``
/// and grows only as far as one unit needs, up to ``TMXReader/ScanBuffer/limit``.
final class TMXScanInput {
    /// Where the bytes come from.
    private enum Source {
        /// A regular file, read with `pread(2)` from `offset`; closed at the end when `owned`.
        case descriptor(Int32, offset: Int, owned: Bool)
        case bytes([UInt8], offset: Int)
    }

    private var source: Source
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes of ``storage`` that hold input.
    private(set) var filled = 0
    /// Whether the input has no more bytes (or could not be read further).
    private(set) var ended = false
    /// The place in the input of ``storage``'s first byte, for progress: the bytes kept in
    /// front of the input's by ``shift(from:prefix:)`` are counted off.
    private(set) var base = 0
    /// The size of the input when known when reading began.
    let totalBytes: Int?
    /// The size the buffer does not grow beyond.
    let limit: Int

    /// Reads the regular file open at `descriptor` from `offset`, of `size` bytes from there,
    /// and closes it at the end when `owned`. The descriptor's own offset is left as it is,
    /// so that libxml2 can read on from there (standard input) when the scanner gives up.
    init(descriptor: Int32, offset: Int, size: Int, owned: Bool, buffer: TMXReader.ScanBuffer) {
        source = .descriptor(descriptor, offset: offset, owned: owned)
        totalBytes = size
        limit = max(buffer.limit, buffer.size, 16)
        // A small file needs no more than its size (and a byte to see its end).
        capacity = max(16, min(buffer.size, size + 1))
        storage = .allocate(capacity: capacity)
    }

    /// Reads bytes in memory, window by window as a file.
    init(bytes: [UInt8], buffer: TMXReader.ScanBuffer) {
        source = .bytes(bytes, offset: 0)
        totalBytes = bytes.count
        limit = max(buffer.limit, buffer.size, 16)
        capacity = max(16, min(buffer.size, bytes.count + 1))
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
        if case .descriptor(let descriptor, _, true) = source { _ = close(descriptor) }
    }

    /// Reads more input after the bytes held, growing the buffer when it is full, up to its
    /// limit. Returns false when no byte was added: the input ended, or the limit was reached
    /// (then ``ended`` is false).
    func readMore() -> Bool {
        guard !ended else { return false }
        if filled == capacity {
            guard capacity < limit else { return false }
            grow(to: min(limit, capacity * 2))
        }
        let room = capacity - filled
        switch source {
        case .descriptor(let descriptor, let offset, let owned):
            while true {
                let count = pread(descriptor, storage + filled, room, off_t(offset))
                if count > 0 {
                    filled += count
                    source = .descriptor(descriptor, offset: offset + count, owned: owned)
                    return true
                }
                if count < 0 && errno == EINTR { continue }
                // The end, or an error: libxml2 reads the file again and reports it.
                ended = true
                return false
            }
        case .bytes(let bytes, let offset):
            let count = min(room, bytes.count - offset)
            guard count > 0 else {
                ended = true
                return false
            }
            bytes.withUnsafeBufferPointer {
                _ = memcpy(storage + filled, $0.baseAddress! + offset, count)
            }
            source = .bytes(bytes, offset: offset + count)
            filled += count
            return true
        }
    }

    /// Drops the bytes before `start` that are no longer needed: the buffer then holds
    /// `prefix` followed by the bytes from `start` on.
    func shift(from start: Int, prefix: [UInt8]) {
        precondition(start >= prefix.count && start <= filled)
        let rest = filled - start
        if rest > 0 { memmove(storage + prefix.count, storage + start, rest) }
        prefix.withUnsafeBufferPointer {
            if !$0.isEmpty { _ = memcpy(storage, $0.baseAddress!, $0.count) }
        }
        filled = prefix.count + rest
        base += start - prefix.count
    }

    private func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: filled)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}
