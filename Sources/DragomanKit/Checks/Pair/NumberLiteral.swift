/// How a run of digits and separators reads in a language: one value (possibly ambiguous), a
/// clock time, a numeric date, or several numbers side by side.
enum NumberLiteral: Sendable, Hashable {
    /// A number; `values` holds every reading, the language's preferred one first.
    case number(values: [Double], isBareInteger: Bool)
    /// `10:30`: the value is hour + minute / 100, which is also how `10.30` reads.
    case time(Double)
    /// `3.10.2019`, `10/3/2019`, `2019-10-03`: the year when written, the numbers that may be
    /// the day and those that may be the month.
    case date(year: Int?, days: [Int], months: [Int])
    /// Numbers that only touch (`24/7`, a list written `1,2,3` that fits no other reading).
    case separate([Double])

    /// Reads `text` (the text of a number token). `followedByDot` tells a German or Turkish
    /// short date (`3.10.`) from a decimal.
    static func read(
        _ text: String, language: Language, followedByDot: Bool = false
    )
        -> NumberLiteral
    {
        let scalars = Array(text.unicodeScalars)
        if scalars.count == 10, scalars[4] == "-" {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) {
                return .date(year: parts[0], days: [parts[2]], months: [parts[1]])
            }
        }
        if text.contains("/") { return slashed(text) }
        if text.contains(":") { return colon(text, language: language) }
        return grouped(scalars, language: language, followedByDot: followedByDot)
    }

    private static func slashed(_ text: String) -> NumberLiteral {
        let parts = text.split(separator: "/").map(String.init)
        let integers = parts.compactMap { Int($0) }
        if parts.count == 3, integers.count == 3, parts[2].count == 4 || parts[2].count == 2,
            (1...31).contains(integers[0]), (1...31).contains(integers[1])
        {
            let year = parts[2].count == 4 ? integers[2] : 2000 + integers[2]
            let months = [integers[0], integers[1]].filter { (1...12).contains($0) }
            return .date(year: year, days: [integers[0], integers[1]], months: months)
        }
        return .separate(parts.compactMap { Double(digitsOnly($0)) })
    }

    private static func colon(_ text: String, language: Language) -> NumberLiteral {
        let parts = text.split(separator: ":").map(String.init)
        if parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 24, minute <= 59
        {
            return .time(Double(hour) + Double(minute) / 100)
        }
        // A match clock past the hour (27:37) is often given as the minute it falls in.
        if parts.count == 2, parts[1].count == 2, let minutes = Int(parts[0]),
            let seconds = Int(parts[1]), minutes > 24, seconds <= 59
        {
            let value = Double(minutes)
            return .number(
                values: [value + Double(seconds) / 100, value, value + 1], isBareInteger: false)
        }
        return .separate(
            parts.flatMap { part -> [Double] in
                switch grouped(Array(part.unicodeScalars), language: language) {
                case .number(let values, _): [values[0]]
                case .separate(let values): values
                default: []
                }
            })
    }

    /// Digits grouped by `.`, `,` and thin or no-break spaces.
    private static func grouped(
        _ scalars: [Unicode.Scalar], language: Language, followedByDot: Bool = false
    ) -> NumberLiteral {
        var groups: [String] = [""]
        var separators: [Unicode.Scalar] = []
        for scalar in scalars {
            if PairToken.isDigit(scalar) {
                groups[groups.count - 1].unicodeScalars.append(
                    Unicode.Scalar(UInt8(ascii: "0") + UInt8(scalar.properties.numericValue!)))
            } else {
                separators.append(scalar == "." || scalar == "," ? scalar : " ")
                groups.append("")
            }
        }
        let whole = groups.joined()
        if separators.isEmpty {
            return .number(values: [Double(whole)!], isBareInteger: true)
        }
        let marks = Set(separators)
        let tail = groups.dropFirst()
        // Only spaces, or one kind of mark used more than once: thousands groups.
        if marks == [" "] || (marks.count == 1 && separators.count > 1) {
            if tail.allSatisfy({ $0.count == 3 }) && groups[0].count <= 3 {
                return .number(values: [Double(whole)!], isBareInteger: false)
            }
            if marks == ["."], groups.count == 3, let day = Int(groups[0]),
                let month = Int(groups[1]), (1...31).contains(day), (1...12).contains(month),
                groups[2].count == 4 || groups[2].count == 2, let year = Int(groups[2])
            {
                return .date(
                    year: groups[2].count == 4 ? year : 2000 + year, days: [day], months: [month])
            }
            return .separate(groups.compactMap { Double($0) })
        }
        if separators.count == 1 {
            let mark = separators[0]
            let decimal = Double(groups[0] + "." + groups[1])!
            if mark == ".", followedByDot, let day = Int(groups[0]), let month = Int(groups[1]),
                (1...31).contains(day), (1...12).contains(month),
                language == .german || language == .turkish
            {
                return .date(year: nil, days: [day], months: [month])
            }
            // One mark before three digits: a thousands group or a decimal, by language.
            if groups[1].count == 3, (1...3).contains(groups[0].count), groups[0] != "0" {
                let thousands = Double(whole)!
                let groupsFirst: Bool
                switch language {
                case .english: groupsFirst = mark == ","
                case .turkish, .german: groupsFirst = mark == "."
                default: groupsFirst = mark == ","
                }
                return .number(
                    values: groupsFirst ? [thousands, decimal] : [decimal, thousands],
                    isBareInteger: false)
            }
            return .number(values: [decimal], isBareInteger: false)
        }
        // Both marks: the last one is the decimal mark, the others group thousands.
        let decimalMark = separators.last!
        let grouping = separators.dropLast()
        let integerGroups = groups.dropLast()
        if grouping.allSatisfy({ $0 != decimalMark }),
            integerGroups.dropFirst().allSatisfy({ $0.count == 3 }), integerGroups[0].count <= 3
        {
            let value = Double(integerGroups.joined() + "." + groups.last!)!
            return .number(values: [value], isBareInteger: false)
        }
        return .separate(groups.compactMap { Double($0) })
    }

    private static func digitsOnly(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { PairToken.isDigit($0) }))
    }
}
