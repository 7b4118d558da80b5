#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Strings of prop values that come back unit after unit (a document's URL, the file of each
/// language's source spans), made once and then shared.
///
/// A Dragoman export repeats them for every unit of a news item; sharing one string costs a
/// hash and a comparison of its bytes, where making it again costs an allocation, a check of
/// its UTF-8 and, when the unit is dropped, a release. Strings of up to fifteen bytes are
/// stored inline and made without allocating, so they are made each time, as are values
/// longer than ``maxLength``.
struct TMXStringCache {
    private static let slots = 64
    private static let maxLength = 96
    private var hashes = [UInt64](repeating: 0, count: slots)
    private var strings = [String](repeating: "", count: slots)

    /// The string of the UTF-8 `bytes`.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        guard count > 15, count <= Self.maxLength, let start = bytes.baseAddress else {
            return String(decoding: bytes, as: UTF8.self)
        }
        let raw = UnsafeRawPointer(start)
        let first = raw.loadUnaligned(as: UInt64.self)
        let middle = raw.loadUnaligned(fromByteOffset: count / 2 - 4, as: UInt64.self)
        let last = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        var hash = (first ^ UInt64(count) << 56) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ middle) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ last) &* 0x94D0_49BB_1331_11EB
        let slot = Int(truncatingIfNeeded: hash >> 58)
        if hashes[slot] == hash {
            var candidate = strings[slot]
            if candidate.utf8.count == count,
                candidate.withUTF8({ memcmp($0.baseAddress!, start, count) == 0 })
            {
                return candidate
            }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        strings[slot] = string
        return string
    }
}
