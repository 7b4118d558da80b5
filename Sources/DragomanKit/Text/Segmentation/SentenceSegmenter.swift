/// A sentence of the input, with offsets in Unicode scalars of the text exactly as given.
public struct Sentence: Hashable, Sendable {
    /// Offset of the first scalar; leading whitespace is not part of the sentence.
    public let start: Int
    /// Offset past the last scalar; trailing whitespace is not part of the sentence.
    public let end: Int
    /// The input between `start` and `end`, unchanged (inner line breaks included).
    public let text: String
}

/// Splits text into sentences.
///
/// For Turkish, English and German, ICU's sentence break iterator proposes boundaries and
/// Dragoman's rules decide each one: abbreviations and titles ("Prof. Dr.", "z. B.", "vb."),
/// ordinals ("2. Dünya Savaşı", "am 3. Oktober") against numbers that end a sentence
/// ("yüzde 38.", "im Jahr 1980."), initials, quotations followed by a lower-case verb
/// ("açın!" diye), ellipses, numbered and bulleted lists. Rules also add boundaries ICU does
/// not see ("söyledi. 10 kişiden", "vardı.değil mi?"). A blank line is always a boundary.
/// Other languages get ICU's rules with its own abbreviation data.
///
/// A segmenter is cheap to copy and safe to share; each call works on its own ICU iterator.
///
/// - Complexity: O(n) in the length of the text; every rule looks at a bounded neighbourhood
///   of a candidate boundary.
public struct SentenceSegmenter: Sendable {
    public let language: Language
    /// Whether a colon or semicolon followed by a space also ends a segment: finer units, as
    /// some CAT tools' segmentation rules and some aligned corpora cut them.
    public let splitsClauses: Bool
    private let prototype: BreakPrototype
    private let rules: SegmentationRules?

    public init(language: Language, splitsClauses: Bool = false) throws {
        self.language = language
        self.splitsClauses = splitsClauses
        rules = SegmentationRules.rules(for: language)
        // Our own rules start from ICU's plain iterator; other languages use ICU's
        // abbreviation suppressions.
        let locale = rules == nil ? "\(language.code)@ss=standard" : language.code
        prototype = try BreakPrototype(kind: .sentence, locale: locale)
    }

    public func segment(_ text: String) -> [Sentence] {
        guard !text.isEmpty else { return [] }
        let units = UTF16Text(text)
        let starts = boundaries(in: units)
        var mapper = OffsetMapper(units)
        let utf8 = text.utf8
        var sentences: [Sentence] = []
        sentences.reserveCapacity(starts.count + 1)
        var begin = 0
        for end in starts + [units.count] {
            var lo = begin
            var hi = end
            while lo < hi && CodeUnit.isWhite(units[lo]) { lo += 1 }
            while hi > lo && CodeUnit.isWhite(units[hi - 1]) { hi -= 1 }
            begin = end
            guard lo < hi else { continue }
            mapper.advance(to: lo)
            let (startScalar, startByte) = (mapper.scalars, mapper.utf8)
            mapper.advance(to: hi)
            let lower = utf8.index(utf8.startIndex, offsetBy: startByte)
            let upper = utf8.index(utf8.startIndex, offsetBy: mapper.utf8)
            sentences.append(
                Sentence(start: startScalar, end: mapper.scalars, text: String(text[lower..<upper]))
            )
        }
        return sentences
    }

    /// UTF-16 offsets where sentences start, ascending, without 0 and the end.
    func boundaries(in units: UTF16Text) -> [Int] {
        guard let iterator = try? prototype.makeIterator(), (try? iterator.setText(units)) != nil
        else { return [] }
        var proposed: [Int] = []
        while let b = iterator.next(), b < units.count { proposed.append(b) }
        var decided = proposed
        if let rules {
            var decider = BoundaryDecider(units: units.buffer, rules: rules)
            decided = decider.decide(proposed: proposed)
        }
        return splitsClauses ? Self.addingClauseBoundaries(to: decided, in: units) : decided
    }

    /// Adds a boundary after each colon or semicolon that is followed by whitespace and more
    /// text ("Material: Friends", "Abstieg ; Abseilen"); "10:30", "http://" and a colon that
    /// ends the text are left alone.
    static func addingClauseBoundaries(to boundaries: [Int], in units: UTF16Text) -> [Int] {
        let count = units.count
        var result: [Int] = []
        result.reserveCapacity(boundaries.count)
        var next = boundaries.makeIterator()
        var pending = next.next()
        var i = 0
        while i < count {
            let u = units[i]
            i += 1
            guard u == 0x3A || u == 0x3B, i < count, CodeUnit.isWhite(units[i]) else { continue }
            var j = i
            while j < count && CodeUnit.isWhite(units[j]) { j += 1 }
            guard j < count else { break }
            while let b = pending, b <= j {
                if b < j { result.append(b) }
                pending = next.next()
            }
            result.append(j)
        }
        while let b = pending {
            result.append(b)
            pending = next.next()
        }
        return result
    }
}
