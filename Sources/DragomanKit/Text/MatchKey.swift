/// Search keys under which spellings that a reader would call "the same word" meet.
///
/// A match key is the text after, in order:
/// 1. NFKC normalization (ligatures, full-width letters, superscripts to plain forms);
/// 2. case folding, Turkish-aware: I and ı, İ and i fold together in any language;
///    German ß folds to ss;
/// 3. diacritics removed (canonical decomposition, combining marks dropped): ü→u, ş→s,
///    ğ→g, é→e, å→a; letters with a stroke or ligature are spelled out (ø→o, ł→l, đ→d,
///    æ→ae, œ→oe, þ→th); dotless ı→i;
/// 4. quotes and apostrophes unified: ’ ‘ ‛ ʼ ´ ` ′ become ', and “ ” „ ‟ « » ‹ › ″
///    become "; dashes (‐ ‑ ‒ – — ―) become -;
/// 5. whitespace runs collapsed to one space, trimmed.
///
/// So `izmir`, `IZMIR`, `İzmir` and `İZMİR` share the key `izmir`; `Muller` and `Müller` share
/// `muller`; `Sahin` and `Şahin` share `sahin`; `İzmir’de` and `Izmir'de` share `izmir'de`.
/// German transliterations with e (`Mueller`) stay distinct: `mueller`.
public enum MatchKey {
    public static func make(_ text: String) -> String {
        // Text made only of ASCII and of the Latin and punctuation scalars of the table (the
        // letters of Turkish, English, German and most European languages, quotes, dashes)
        // is keyed byte by byte, with no ICU call and no string in between; any other
        // scalar sends the whole text through the full transform.
        var text = text
        let fast = text.withUTF8 { utf8 -> String? in
            guard let key = tableKey(utf8) else { return nil }
            return String(decoding: key, as: UTF8.self)
        }
        if let fast { return fast }
        return makeWithICU(text)
    }

    /// The key by the full transform, with no shortcut: what the fast paths of ``make(_:)``
    /// must agree with, byte for byte (the tests compare both on the shared news sentences).
    static func makeWithICU(_ text: String) -> String {
        let compatible = ICUStrings.normalize(text, form: .nfkc)
        // Turkic folding sends I→ı and İ→i; ı is unified with i below, so the key does not
        // depend on the text's language.
        let folded = ICUStrings.foldCase(compatible, turkic: true)
        let decomposed = ICUStrings.normalize(folded, form: .nfd)
        return finish(decomposed.unicodeScalars)
    }

    /// Where `key` (a match key) first occurs in `text` at the start of a word, as a range of
    /// `text`'s Unicode scalars: the concordance's highlight of `istanbul` in `İSTANBUL'da` is
    /// `İSTANBUL`. The match may end inside a word (suffixes: `İzmir'de`, `İzmirli`).
    public static func locate(_ key: String, in text: String) -> Range<Int>? {
        let needle = Array(key.unicodeScalars)
        guard !needle.isEmpty else { return nil }
        var folded: [Unicode.Scalar] = []
        var origin: [Int] = []
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isWhitespace {
                if let last = folded.last, last != " " {
                    folded.append(" ")
                    origin.append(index)
                }
                continue
            }
            for piece in make(String(scalar)).unicodeScalars {
                folded.append(piece)
                origin.append(index)
            }
        }
        guard folded.count >= needle.count else { return nil }
        func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.numericType != nil
        }
        for start in 0...(folded.count - needle.count)
        where folded[start] == needle[0] && (start == 0 || !isWordCharacter(folded[start - 1]))
            && Array(folded[start..<start + needle.count]) == needle
        {
            return origin[start]..<origin[start + needle.count - 1] + 1
        }
        return nil
    }

    /// The key of `utf8` from ``table``, or nil when it holds a scalar the table lacks.
    ///
    /// The table holds each scalar's key as `finish` would write it on its own, with a space
    /// byte for each whitespace scalar of the key: spaces are collapsed here, as `finish`
    /// collapses them, so the result is the same bytes.
    private static func tableKey(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        var index = 0
        let count = utf8.count
        let table = Self.table
        while index < count {
            let lead = utf8[index]
            let entry: Int
            if lead < 0x80 {
                index += 1
                switch lead {
                case 0x41...0x5A:
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lead | 0x20)
                    continue
                case 0x61...0x7A, 0x30...0x39:
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(lead)
                    continue
                default: entry = Int(lead)
                }
            } else if lead < 0xE0 {
                // Two bytes: U+0080 to U+07FF; the table ends at U+024F.
                guard lead >= 0xC2, lead <= 0xC9, index + 1 < count else { return nil }
                entry = Int(lead & 0x1F) << 6 | Int(utf8[index + 1] & 0x3F)
                guard entry < 0x250 else { return nil }
                index += 2
            } else if lead == 0xE2 {
                // Three bytes: only U+2000 to U+206F (E2 80 80 to E2 81 AF).
                guard index + 2 < count else { return nil }
                let second = utf8[index + 1]
                guard second == 0x80 || second == 0x81 else { return nil }
                let value = 0x2000 | Int(second & 0x3F) << 6 | Int(utf8[index + 2] & 0x3F)
                guard value < 0x2070 else { return nil }
                entry = value - 0x2000 + 0x250
                index += 3
            } else {
                return nil
            }
            let range = table.offsets[entry]..<table.offsets[entry + 1]
            for byte in table.bytes[range] {
                if byte == 0x20 {
                    pendingSpace = true
                } else {
                    if pendingSpace && !out.isEmpty { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
        }
        return out
    }

    /// The keys of U+0000 to U+024F, then of U+2000 to U+206F, as UTF-8 bytes one after the
    /// other, each made by the full transform (so both paths give the same keys).
    private static let table: (bytes: [UInt8], offsets: [Int]) = {
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        for value in Array(0..<0x250) + Array(0x2000..<0x2070) {
            bytes += finishedBytes(scalarKey(value))
            offsets.append(bytes.count)
        }
        return (bytes, offsets)
    }()

    /// What `finish` writes for `scalars`, with a space byte for each whitespace scalar and
    /// no space collapsed or trimmed.
    private static func finishedBytes(_ key: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in key.unicodeScalars {
            if scalar.properties.isWhitespace {
                out.append(0x20)
            } else {
                // A scalar that is not whitespace is never trimmed or collapsed by `finish`.
                out += Array(finish(String.UnicodeScalarView([scalar])).utf8)
            }
        }
        return out
    }

    /// A scalar's key before `finish`: NFKC, Turkic case folding, NFD.
    private static func scalarKey(_ value: Int) -> String {
        let scalar = Unicode.Scalar(UInt32(value))!
        let single = String(scalar)
        let folded = ICUStrings.foldCase(ICUStrings.normalize(single, form: .nfkc), turkic: true)
        var view = String.UnicodeScalarView()
        for s in ICUStrings.normalize(folded, form: .nfd).unicodeScalars {
            // Spaces and controls stay for `finish` to collapse and drop.
            view.append(s)
        }
        return String(view)
    }

    private static func finish(_ scalars: String.UnicodeScalarView) -> String {
        // UTF-8 is built by hand: appending to a String scalar by scalar is the slow part.
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 8)
        var pendingSpace = false
        func emit(_ s: Unicode.Scalar) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            let v = s.value
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                out.append(UInt8(0xF0 | (v >> 18)))
                out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                switch v {
                case 0x41...0x5A: emit(Unicode.Scalar(v + 0x20)!)
                case 0x60: emit("'")
                case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: pendingSpace = true
                case 0x00...0x1F, 0x7F: continue
                default: emit(s)
                }
                continue
            }
            let properties = s.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.isWhitespace {
                pendingSpace = true
                continue
            }
            switch v {
            case 0x0131: emit("i")
            case 0x2019, 0x2018, 0x201B, 0x02BC, 0x00B4, 0x2032: emit("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x2033: emit("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015: emit("-")
            case 0x00F8: emit("o")
            case 0x0142: emit("l")
            case 0x0111: emit("d")
            case 0x0127: emit("h")
            case 0x00E6:
                emit("a")
                emit("e")
            case 0x0153:
                emit("o")
                emit("e")
            case 0x00FE:
                emit("t")
                emit("h")
            case 0x00AD, 0x200B, 0x2060, 0xFEFF: continue
            default:
                if properties.generalCategory == .control || properties.generalCategory == .format {
                    continue
                }
                emit(s)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
