/// A short word (up to 16 UTF-16 units) packed into four integers, for set and dictionary
/// look-ups straight from the UTF-16 buffer, without building a String per candidate.
struct ShortKey: Hashable, Sendable {
    static let capacity = 16
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count: UInt8 = 0

    /// nil when longer than ``capacity``. `lowercased` maps upper-case letters to lower case
    /// (İ to i, as in Turkish; letters whose lower case is not one unit stay as they are).
    init?(_ units: UnsafeBufferPointer<UInt16>, lowercased: Bool = false) {
        guard units.count <= Self.capacity else { return nil }
        for (i, unit) in units.enumerated() {
            let bits = UInt64(lowercased ? Self.lower(unit) : unit) << UInt64((i & 3) * 16)
            switch i >> 2 {
            case 0: words.0 |= bits
            case 1: words.1 |= bits
            case 2: words.2 |= bits
            default: words.3 |= bits
            }
        }
        count = UInt8(units.count)
    }

    init?(_ string: String, lowercased: Bool = false) {
        let units = Array(string.utf16)
        guard let key = units.withUnsafeBufferPointer({ ShortKey($0, lowercased: lowercased) })
        else { return nil }
        self = key
    }

    static func == (a: ShortKey, b: ShortKey) -> Bool {
        a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1
            && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
        hasher.combine(count)
    }

    @inline(__always) static func lower(_ u: UInt16) -> UInt16 {
        if u < 0x80 { return u >= 0x41 && u <= 0x5A ? u + 0x20 : u }
        if u == 0x130 { return 0x69 }  // İ
        guard let scalar = Unicode.Scalar(u), scalar.properties.isUppercase else { return u }
        let lower = scalar.properties.lowercaseMapping.utf16
        return lower.count == 1 ? lower.first! : u
    }
}

extension Set where Element == ShortKey {
    /// Keys of the given words (lower-cased when asked); words too long to be keys are left
    /// out, which no rule depends on.
    init(words: some Sequence<String>, lowercased: Bool) {
        self.init(words.compactMap { ShortKey($0, lowercased: lowercased) })
    }
}
