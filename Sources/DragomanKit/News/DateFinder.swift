/// Reads calendar dates as news pages write them, in Turkish, English and German, and gives
/// them as ISO 8601 (`2026-10-14`).
///
/// Understood: `2026-10-14` (also at the start of a timestamp), `14.10.2026`, `14 Ekim 2026`,
/// `14. Oktober 2026`, `14 October 2026`, `October 14, 2026`, `Oct. 14th 2026`, with month
/// names and their usual abbreviations in the three languages. A date without a year
/// ("am 14. Oktober") is not a publication date and is not read.
enum DateFinder {
    /// The first complete date in the text.
    static func firstDate(in text: String) -> String? {
        let tokens = tokenize(text)
        for i in tokens.indices {
            if let date = date(at: i, in: tokens) { return date }
        }
        return nil
    }

    private struct Token {
        enum Kind { case number, word, mark }
        var kind: Kind
        var text: String
        var start: Int
        var end: Int
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            let kind: Token.Kind
            if ("0"..."9").contains(scalar) {
                kind = .number
            } else if scalar.properties.isAlphabetic {
                kind = .word
            } else if scalar.properties.isWhitespace {
                continue
            } else {
                kind = .mark
            }
            if kind != .mark, var last = tokens.last, last.kind == kind, last.end == offset {
                last.text.unicodeScalars.append(scalar)
                last.end = offset + 1
                tokens[tokens.count - 1] = last
            } else {
                tokens.append(
                    Token(kind: kind, text: String(scalar), start: offset, end: offset + 1))
            }
        }
        return tokens
    }

    private static func date(at i: Int, in t: [Token]) -> String? {
        func token(_ k: Int) -> Token? { k < t.count ? t[k] : nil }
        func mark(_ k: Int, _ text: String, touching: Bool = true) -> Bool {
            guard let m = token(k), m.kind == .mark, m.text == text else { return false }
            return !touching || (t[k - 1].end == m.start && token(k + 1)?.start == m.end)
        }
        func number(_ k: Int, digits: ClosedRange<Int>) -> Int? {
            guard let n = token(k), n.kind == .number, digits.contains(n.text.count) else {
                return nil
            }
            return Int(n.text)
        }
        func month(_ k: Int) -> Int? {
            guard let w = token(k), w.kind == .word else { return nil }
            return months[MatchKey.make(w.text)]
        }

        // 2026-10-14
        if let year = number(i, digits: 4...4), mark(i + 1, "-"),
            let m = number(i + 2, digits: 1...2), mark(i + 3, "-"),
            let d = number(i + 4, digits: 1...2)
        {
            return iso(year, m, d)
        }
        // 14.10.2026
        if let d = number(i, digits: 1...2), mark(i + 1, "."),
            let m = number(i + 2, digits: 1...2), mark(i + 3, "."),
            let year = number(i + 4, digits: 4...4)
        {
            return iso(year, m, d)
        }
        // 14 Ekim 2026, 14. Oktober 2026, 14 Oct. 2026
        if let d = number(i, digits: 1...2) {
            var k = i + 1
            if mark(k, ".", touching: false) { k += 1 }
            if let m = month(k) {
                k += 1
                if mark(k, ".", touching: false) || mark(k, ",", touching: false) { k += 1 }
                if let year = number(k, digits: 4...4) { return iso(year, m, d) }
            }
        }
        // October 14, 2026; Oct. 14th 2026
        if let m = month(i) {
            var k = i + 1
            if mark(k, ".", touching: false) { k += 1 }
            if let d = number(k, digits: 1...2) {
                k += 1
                if let suffix = token(k), suffix.kind == .word,
                    ["st", "nd", "rd", "th"].contains(suffix.text.lowercased())
                {
                    k += 1
                }
                if mark(k, ",", touching: false) { k += 1 }
                if let year = number(k, digits: 4...4) { return iso(year, m, d) }
            }
        }
        return nil
    }

    private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1900...2199).contains(year), (1...12).contains(month) else { return nil }
        let lengths = [
            31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
        ]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Month names and abbreviations by match key (diacritics and case folded).
    private static let months: [String: Int] = {
        let names: [[String]] = [
            ["january", "jan", "ocak", "januar", "janner"],
            ["february", "feb", "subat", "februar", "feber"],
            ["march", "mar", "mart", "marz", "maerz", "mrz"],
            ["april", "apr", "nisan", "nis"],
            ["may", "mayis", "mai"],
            ["june", "jun", "haziran", "haz", "juni"],
            ["july", "jul", "temmuz", "tem", "juli"],
            ["august", "aug", "agustos", "agu"],
            ["september", "sep", "sept", "eylul", "eyl"],
            ["october", "oct", "ekim", "eki", "oktober", "okt"],
            ["november", "nov", "kasim", "kas"],
            ["december", "dec", "aralik", "ara", "dezember", "dez"],
        ]
        var table: [String: Int] = [:]
        for (index, list) in names.enumerated() {
            for name in list { table[name] = index + 1 }
        }
        return table
    }()
}
