#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A short list of names as written in the source, each with its meaning, looked up by the
/// UTF-8 bytes of a name: how ``TMXElementKind`` and ``TMXAttributeName`` are found.
///
/// A linear search: the lists are short and each reader looks a distinct name up once.
struct StaticNameTable<Meaning: Sendable>: Sendable {
    private let entries: [(StaticString, Meaning)]

    init(_ entries: [(StaticString, Meaning)]) { self.entries = entries }

    /// The meaning of the name whose UTF-8 is `bytes`, or nil when the list lacks it.
    func meaning(of bytes: UnsafeBufferPointer<UInt8>) -> Meaning? {
        for (name, meaning) in entries
        where name.utf8CodeUnitCount == bytes.count
            && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0
        {
            return meaning
        }
        return nil
    }

    /// The meaning of `name`, or nil when the list lacks it.
    func meaning(of name: String) -> Meaning? {
        var name = name
        return name.withUTF8 { meaning(of: $0) }
    }
}
