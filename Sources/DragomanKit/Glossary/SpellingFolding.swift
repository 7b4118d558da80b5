/// Case folding of a text word scalar by scalar, with its diacritics, to tell whether the
/// word is spelled as a term (`İzmir`) or differs in more than case (`Izmir`).
///
/// The matcher compares the words of every match with the term's spelling folded by
/// ``TermForm/folded(_:_:)`` (NFC, then ICU's full case folding, Turkish or not). For
/// scalars below U+0250 that is the same, scalar by scalar, as folding the whole word: such
/// scalars are NFC starters that compose with nothing but combining marks, and case folding
/// looks at no context. So their foldings are kept in a table, made with `TermForm.folded`
/// itself, and a word of such scalars is compared without a string or a call to ICU; a word
/// with any other scalar (a combining mark, Greek, Cyrillic) goes the string way.
struct SpellingFolding: Sendable {
    /// Scalars of the folding of each scalar below U+0250, three slots each.
    private let values: [UInt32]
    /// How many of the three slots hold the folding; 0xFF where it takes more.
    private let counts: [UInt8]

    static let limit: UInt32 = 0x250
    static let turkic = SpellingFolding(language: .turkish)
    static let other = SpellingFolding(language: .english)

    /// The table for `language`'s folding (Turkish and Azerbaijani fold I to ı).
    static func forLanguage(_ language: Language) -> SpellingFolding {
        language.isTurkic ? turkic : other
    }

    private init(language: Language) {
        var values: [UInt32] = []
        var counts: [UInt8] = []
        for value in 0..<Self.limit {
            let folded = Unicode.Scalar(value).map {
                Array(TermForm.folded(String($0), language).unicodeScalars)
            }
            if let folded, folded.count <= 3 {
                counts.append(UInt8(folded.count))
                values += folded.map(\.value) + Array(repeating: 0, count: 3 - folded.count)
            } else {
                counts.append(0xFF)
                values += [0, 0, 0]
            }
        }
        self.values = values
        self.counts = counts
    }

    /// Whether the word in `bytes` (valid UTF-8), folded, starts with `prefix`; nil when the
    /// word has a scalar the table does not hold.
    func word(
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>, startsWith prefix: ArraySlice<Unicode.Scalar>
    ) -> Bool? {
        var index = bytes.startIndex
        var matched = prefix.startIndex
        var result = true
        while index < bytes.endIndex {
            let lead = bytes[index]
            var value: UInt32
            if lead < 0x80 {
                value = UInt32(lead)
                index += 1
            } else if lead < 0xE0 {
                guard index + 1 < bytes.endIndex else { return nil }
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                return nil
            }
            guard value < Self.limit else { return nil }
            let count = counts[Int(value)]
            guard count != 0xFF else { return nil }
            // Read on to the end of the word even after a verdict: a scalar further on may
            // not be in the table, and then the verdict is the string way's.
            for slot in 0..<Int(count) where result && matched < prefix.endIndex {
                if prefix[matched].value != values[Int(value) * 3 + slot] { result = false }
                matched += 1
            }
        }
        return result && matched == prefix.endIndex
    }
}
