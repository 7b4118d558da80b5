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
///
/// A pipe cannot be read again, so for one the bytes the scanner drops are remembered in a
/// form libxml2 can read in their place when the scanner gives up (see ``replay``): the bytes
/// before the content of `<body>` as they are, and the units after them as text of the same
/// length, lines and columns, so that libxml2's messages name the same places.
final class TMXScanInput {
    /// Where the bytes come from.
    private enum Source {
        /// A regular file, read with `pread(2)` from `offset`; closed at the end when `owned`.
        case descriptor(Int32, offset: Int, owned: Bool)
        case bytes([UInt8], offset: Int)
        /// A pipe (or anything else read once) with `read(2)`, after the bytes of `head`
        /// from `offset` on.
        case stream(Int32, head: [UInt8], offset: Int)
    }

    /// For a stream: what libxml2 reads when the scanner gives up, instead of the bytes the
    /// scanner dropped.
    ///
    /// The bytes after the head are written as text between the units of the body, which
    /// the builder passes over: spaces, the line feeds, and on the last line as many
    /// characters as it had, in as many bytes. libxml2 counts lines by line feeds and columns
    /// by characters, so it names the same places; and the bytes it reads next stand where
    /// they stood in the input, so its input is cut into the same chunks around them (where
    /// it was cut decides how libxml2 reports some errors).
    struct Replay {
        /// The bytes before the content of `<body>`, as read.
        var head: [UInt8] = []
        /// The bytes after the head.
        var bytes = 0
        /// Line feeds in them.
        var lines = 0
        /// Characters and bytes after the last line feed.
        var columns = 0
        var lastLineBytes = 0
        /// Units that ended in the bytes dropped.
        var units = 0
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
    /// Whether the input can be read only once (a pipe): then the scanner drops bytes only
    /// between the units of `<body>`, and records them in ``replay``.
    var isStream: Bool {
        if case .stream = source { return true }
        return false
    }
    /// The place in the input where the content of `<body>` begins, once the scanner knows
    /// it.
    var bodyContentStart: Int?
    /// What a stream's dropped bytes were.
    private(set) var replay = Replay()
    /// Bytes of ``storage`` before this index are the names kept in front by the last
    /// ``shift(from:prefix:)``, not input.
    private(set) var inputStart = 0

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

    /// Reads a pipe or another descriptor that cannot be read again, after `head`, bytes of
    /// it already read; the descriptor is not closed.
    init(stream descriptor: Int32, head: [UInt8], buffer: TMXReader.ScanBuffer) {
        source = .stream(descriptor, head: head, offset: 0)
        totalBytes = nil
        limit = max(buffer.limit, buffer.size, 16)
        capacity = max(16, buffer.size)
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
        case .stream(let descriptor, let head, let offset):
            if offset < head.count {
                let count = min(room, head.count - offset)
                head.withUnsafeBufferPointer {
                    _ = memcpy(storage + filled, $0.baseAddress! + offset, count)
                }
                source = .stream(descriptor, head: head, offset: offset + count)
                filled += count
                return true
            }
            while true {
                let count = read(descriptor, storage + filled, room)
                if count > 0 {
                    filled += count
                    return true
                }
                if count < 0 && errno == EINTR { continue }
                // The end, or an error: libxml2 reads on from here and reports it.
                ended = true
                return false
            }
        }
    }

    /// The bytes libxml2 reads when the scanner of a stream gives up: the replay of what was
    /// dropped, then the bytes held, then the rest of the stream from its descriptor.
    func rest() -> (replay: Replay, held: [UInt8], descriptor: Int32) {
        var descriptor: Int32 = -1
        var held = Array(
            UnsafeBufferPointer(start: storage + inputStart, count: filled - inputStart))
        if case .stream(let streamDescriptor, let head, let offset) = source {
            descriptor = streamDescriptor
            // Bytes of the head not read yet come before the descriptor's.
            if offset < head.count { held += head[offset...] }
        }
        return (replay, held, descriptor)
    }

    /// Drops the bytes before `start` that are no longer needed: the buffer then holds
    /// `prefix` followed by the bytes from `start` on.
    func shift(from start: Int, prefix: [UInt8], unitsEnded: Int = 0) {
        precondition(start >= prefix.count && start <= filled)
        if isStream { record(inputStart..<start, unitsEnded: unitsEnded) }
        let rest = filled - start
        if rest > 0 { memmove(storage + prefix.count, storage + start, rest) }
        prefix.withUnsafeBufferPointer {
            if !$0.isEmpty { _ = memcpy(storage, $0.baseAddress!, $0.count) }
        }
        filled = prefix.count + rest
        base += start - prefix.count
        inputStart = prefix.count
    }

    /// Records the bytes at `range` of the buffer, about to be dropped: those before the
    /// content of `<body>` as they are, the rest as the lines and columns they span.
    private func record(_ range: Range<Int>, unitsEnded: Int) {
        guard !range.isEmpty else { return }
        replay.units = unitsEnded
        var index = range.lowerBound
        if let bodyContentStart {
            // The head ends where the body's content begins.
            let headEnd = min(range.upperBound, max(index, bodyContentStart - base))
            replay.head.append(
                contentsOf: UnsafeBufferPointer(start: storage + index, count: headEnd - index))
            index = headEnd
        } else {
            replay.head.append(
                contentsOf: UnsafeBufferPointer(start: storage + index, count: range.count))
            return
        }
        // Line feeds found by memchr; characters counted on the last line only.
        let end = storage + range.upperBound
        var lineStart = storage + index
        replay.bytes += end - lineStart
        while lineStart < end, let found = memchr(lineStart, 0x0A, end - lineStart) {
            replay.lines += 1
            replay.columns = 0
            replay.lastLineBytes = 0
            lineStart = found.assumingMemoryBound(to: UInt8.self) + 1
        }
        replay.lastLineBytes += end - lineStart
        // A character is one column, whatever its length in UTF-8.
        while lineStart < end {
            if lineStart.pointee & 0xC0 != 0x80 { replay.columns += 1 }
            lineStart += 1
        }
    }

    private func grow(to newCapacity: Int) {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: filled)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}
