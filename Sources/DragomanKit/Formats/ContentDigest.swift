/// FNV-1a over UTF-8, 64 bits; two with different offsets and multipliers make the 128-bit
/// content id.
struct ContentDigest {
    var value: UInt64
    let prime: UInt64

    init(offset: UInt64, prime: UInt64) {
        value = offset
        self.prime = prime
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= prime
        }
        value ^= 0xFF
        value &*= prime
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension ContentDigest {
    /// `prefix` and the 128-bit digest of `texts` in hex: an id that stays the same for the
    /// same texts, from one file or another.
    static func id(_ prefix: String, of texts: [String]) -> String {
        var first = ContentDigest(offset: 0xcbf2_9ce4_8422_2325, prime: 0x100_0000_01b3)
        var second = ContentDigest(offset: 0x8422_2325_cbf2_9ce4, prime: 0x9E37_79B9_7F4A_7C15)
        for text in texts {
            first.add(text)
            second.add(text)
        }
        return prefix + first.hex + second.hex
    }
}
