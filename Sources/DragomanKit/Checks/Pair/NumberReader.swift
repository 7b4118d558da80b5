/// Finds the numbers in one language's sentence and reads them as values, with what stands
/// around them: a percent sign or word, a currency, a scale word, a month, a clock word.
///
/// Reading is done per language (`1.250` is 1250 in Turkish and German but 1.25 in English),
/// keeping every reading an ambiguous number may have; numbers spelled out in words are read
/// too, as soft mentions that may answer a number but are never reported.
struct NumberReader: Sendable {
    let language: Language
    private let words: NumberWords

    init(language: Language) {
        self.language = language
        words = NumberWords.forLanguage(language)
    }

    /// The numbers in `scalars` in text order, leaving out tokens that start inside
    /// `excluded` (web addresses, whose digits are checked as part of the address), and the
    /// systems of the units of measurement the text names.
    func read(
        _ scalars: [Unicode.Scalar], excluding excluded: [Range<Int>] = []
    )
        -> (mentions: [NumericMention], units: Set<NumberWords.UnitSystem>)
    {
        let tokens = PairToken.scan(scalars)
        var scan = Scan(
            tokens: tokens, scalars: scalars,
            keys: tokens.map { $0.kind == .word ? MatchKey.make($0.text) : $0.text })
        scan.months = scan.keys.indices.map { index in
            tokens[index].kind == .word ? words.month(scan.keys[index]) : nil
        }
        var units = Set<NumberWords.UnitSystem>()
        for (index, token) in tokens.enumerated() {
            if token.kind == .word, let system = words.unit(scan.keys[index]) {
                units.insert(system)
            } else if token.text == "°" || token.text == "º", let next = scan.token(index + 1),
                !next.spaceBefore
            {
                if next.text == "F" { units.insert(.imperial) }
                if next.text == "C" { units.insert(.metric) }
            }
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if excluded.contains(where: { $0.contains(token.start) }) {
                index += 1
                continue
            }
            switch token.kind {
            case .number: index = readNumber(at: index, &scan)
            case .word: index = readWords(at: index, &scan)
            case .mark: index += 1
            }
        }
        for (index, month) in scan.months.enumerated() {
            guard let month, !excluded.contains(where: { $0.contains(tokens[index].start) })
            else { continue }
            let token = tokens[index]
            let capitalised = token.text.unicodeScalars.first!.properties.isUppercase
            scan.mentions.append(
                NumericMention(
                    kind: .month, values: [Double(month)], currency: nil,
                    span: token.start..<token.end, text: token.text, digits: "",
                    isSoft: !(capitalised && scan.strictMonths.contains(index))))
        }
        var mentions = scan.mentions.sorted { $0.span.lowerBound < $1.span.lowerBound }
        spreadPercent(&mentions, scalars)
        return (mentions, units)
    }

    /// Words that join the ends of a range: `30 and 43 percent`, `yüzde 30 ila 43`.
    private static let rangeWords: Set<String> = [
        "-", "–", "to", "and", "or", "ila", "ile", "ve", "veya", "bis", "und", "oder",
    ]

    /// Makes both ends of a range percentages when the percent sign or word stands at one end
    /// only: `30 to 43 percent`, `yüzde 30 ila 43`, `30 bis 43 Prozent`.
    private func spreadPercent(_ mentions: inout [NumericMention], _ scalars: [Unicode.Scalar]) {
        guard mentions.count > 1 else { return }
        for index in mentions.indices.dropLast() {
            let first = mentions[index]
            let second = mentions[index + 1]
            guard !first.isSoft, !second.isSoft, first.span.upperBound <= second.span.lowerBound,
                (first.kind == .percent) != (second.kind == .percent),
                first.kind == .plain || second.kind == .plain
            else { continue }
            var between = String.UnicodeScalarView()
            between.append(contentsOf: scalars[first.span.upperBound..<second.span.lowerBound])
            let pieces = String(between).split(whereSeparator: \.isWhitespace)
            guard pieces.count == 1, Self.rangeWords.contains(MatchKey.make(String(pieces[0])))
            else { continue }
            // The sign or word after the second number (30 to 43 percent) or before the first
            // (yüzde 30 ila 43, %30-43).
            let signAfter = second.kind == .percent && second.text.first?.isNumber == true
            let signBefore = first.kind == .percent && first.text.first?.isNumber == false
            if signAfter { mentions[index].kind = .percent }
            if signBefore { mentions[index + 1].kind = .percent }
        }
    }

    /// The state of one pass over a sentence.
    private struct Scan {
        let tokens: [PairToken]
        let scalars: [Unicode.Scalar]
        let keys: [String]
        var months: [Int?] = []
        /// Month names next to a day or a year.
        var strictMonths: Set<Int> = []
        var mentions: [NumericMention] = []

        func token(_ index: Int) -> PairToken? {
            index >= 0 && index < tokens.count ? tokens[index] : nil
        }

        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        /// Index after a Turkish ending written after an apostrophe (`2019'da`), or `index`.
        func skippingEnding(_ index: Int) -> Int {
            guard let mark = token(index), mark.text == "'" || mark.text == "’",
                !mark.spaceBefore, let ending = token(index + 1), ending.kind == .word,
                !ending.spaceBefore
            else { return index }
            return index + 2
        }
    }

    private func readNumber(at index: Int, _ scan: inout Scan) -> Int {
        let token = scan.tokens[index]
        var start = token.start
        var end = token.end
        var percent = false
        var currency: String?
        var factor: Double?
        var unitOrFactor: Double?
        var time = false
        var afternoon = false
        var morning = false
        var ordinal = false

        // What stands before: %5, yüzde 5, $5, US$5, EUR 5, saat 10.30.
        if let before = scan.token(index - 1) {
            if before.kind == .mark {
                if before.text == "%" && !token.spaceBefore {
                    percent = true
                    start = before.start
                } else if let family = NumberWords.currencySigns[before.text] {
                    currency = family
                    start = before.start
                    if let prefix = scan.token(index - 2), prefix.kind == .word,
                        !before.spaceBefore, prefix.text.unicodeScalars.count <= 2
                    {
                        start = prefix.start
                    }
                }
            } else if before.kind == .word {
                let key = scan.keys[index - 1]
                if words.percentBefore.contains(key) {
                    percent = true
                    start = before.start
                } else if before.text == before.text.uppercased(),
                    let family = NumberWords.currencyCodes[key]
                {
                    currency = family
                    start = before.start
                } else if key == "saat" && language == .turkish {
                    time = true
                }
            }
        }
        // A number glued to letters before it is part of a code (SS19, MH17, G20): it may
        // answer a number but is not reported, since translations spell codes out.
        let glued = !token.spaceBefore && scan.token(index - 1)?.kind == .word
        let next = scan.token(index + 1)
        let literal = NumberLiteral.read(
            token.text, language: language,
            followedByDot: next?.text == "." && next?.spaceBefore == false)
        var cursor = index + 1

        // Letters glued to the number: 3rd, 5bn, $3m, 10am, 5pc; units (5km) are passed over.
        if let suffix = scan.token(cursor), suffix.kind == .word, !suffix.spaceBefore {
            switch scan.keys[cursor] {
            case "st", "nd", "rd", "th": ordinal = true
            case "m", "mn": if currency != nil { factor = 1e6 } else { unitOrFactor = 1e6 }
            case "bn": factor = 1e9
            case "b": if currency != nil { factor = 1e9 }
            case "tn": factor = 1e12
            case "k": if currency != nil { factor = 1e3 } else { unitOrFactor = 1e3 }
            case "am", "pm":
                time = true
                afternoon = scan.keys[cursor] == "pm"
                morning = !afternoon
            case "pc": percent = true
            case let key:
                if let scale = words.scale(key) { factor = scale }  // €3.1billion
            }
            end = suffix.end
            cursor += 1
        }
        let beforeEnding = cursor
        cursor = scan.skippingEnding(cursor)
        // A percent sign after the number, unless an ending came first (2019'da %5) or the
        // sign opens the next number (%5).
        if cursor == beforeEnding, let sign = scan.token(cursor), sign.text == "%",
            !(scan.token(cursor + 1).map { $0.kind == .number && !$0.spaceBefore } ?? false)
        {
            percent = true
            end = sign.end
            cursor = scan.skippingEnding(cursor + 1)
        }
        // A scale word: 3 million, 3 milyon, 3 Mio., 2,5 Milliarden.
        if factor == nil, let word = scan.token(cursor), word.kind == .word,
            let scale = words.scale(scan.keys[cursor])
        {
            factor = scale
            end = word.end
            cursor += 1
            if let dot = scan.token(cursor), dot.text == ".", !dot.spaceBefore,
                ["mio", "mrd", "tsd", "bio", "mn"].contains(scan.keys[cursor - 1])
            {
                end = dot.end
                cursor += 1
            }
            cursor = scan.skippingEnding(cursor)
        }
        // Percent words: 5 percent, 5 per cent, 5 Prozent. Percentage points are a difference
        // of percentages, which a translation may give as points: counted as plain numbers.
        if !percent, let word = scan.token(cursor), word.kind == .word {
            let key = scan.keys[cursor]
            if key.hasPrefix("prozentpunkt") && words.compoundsNumerals {
                end = word.end
                cursor += 1
            } else if key == "percentage", let points = scan.token(cursor + 1),
                ["point", "points"].contains(scan.keys[cursor + 1])
            {
                end = points.end
                cursor += 2
            } else if words.percentAfter.contains(key)
                || (words.compoundsNumerals && key.hasPrefix("prozent"))
            {
                percent = true
                end = word.end
                cursor += 1
            } else if key == "per", language == .english, scan.token(cursor + 1) != nil,
                scan.keys[cursor + 1] == "cent"
            {
                percent = true
                end = scan.tokens[cursor + 1].end
                cursor += 2
            }
        }
        // A currency after the amount, past words such as "US" or "ABD": 3 milyon ABD doları.
        if !percent && currency == nil {
            var probe = cursor
            var skipped = 0
            while skipped < 2, let word = scan.token(probe), word.kind == .word,
                words.currencyAdjectives.contains(scan.keys[probe])
            {
                probe += 1
                skipped += 1
            }
            if let word = scan.token(probe) {
                if word.kind == .word,
                    let family = words.currency(scan.keys[probe])
                        ?? (word.text == word.text.uppercased()
                            ? NumberWords.currencyCodes[scan.keys[probe]] : nil),
                    // A pound or Pfund is a weight as well: money only after a scale word
                    // (3 million pounds), as "sterling" or with a sign.
                    family != "pound" || factor != nil || skipped > 0
                        || ["sterling", "sterlin"].contains(where: scan.keys[probe].hasPrefix)
                {
                    currency = family
                    end = word.end
                    cursor = probe + 1
                } else if word.kind == .mark, skipped == 0,
                    let family = NumberWords.currencySigns[word.text]
                {
                    currency = family
                    end = word.end
                    cursor = probe + 1
                }
            }
        }
        // Clock words: 10.30 Uhr, 10 a.m., 3 pm.
        if let word = scan.token(cursor), word.kind == .word {
            let key = scan.keys[cursor]
            if key == "uhr" && language == .german {
                time = true
            } else if key == "am" || key == "pm" {
                time = true
                afternoon = key == "pm"
                morning = !afternoon
            } else if key == "a" || key == "p", let dot = scan.token(cursor + 1), dot.text == ".",
                let m = scan.token(cursor + 2), m.text == "m", !m.spaceBefore
            {
                time = true
                afternoon = key == "p"
                morning = !afternoon
            }
        }

        var values: [Double]
        var bare = false
        switch literal {
        case .date(let year, let days, let months):
            if let year {
                scan.mentions.append(
                    NumericMention(
                        kind: .year, values: [Double(year)], currency: nil,
                        span: token.start..<token.end, text: token.text,
                        digits: Self.digits(token.text), isSoft: false))
            }
            for value in days + months {
                scan.mentions.append(
                    NumericMention(
                        kind: .day, values: [Double(value)], currency: nil,
                        span: token.start..<token.end, text: token.text, digits: "",
                        isSoft: true))
            }
            for month in months {
                scan.mentions.append(
                    NumericMention(
                        kind: .month, values: [Double(month)], currency: nil,
                        span: token.start..<token.end, text: token.text, digits: "",
                        isSoft: true))
            }
            return cursor
        case .separate:
            // Numbers that only touch (24/7, 27:37): each digit run on its own.
            var runStart: Int?
            for offset in token.start...token.end {
                let isDigit = offset < token.end && PairToken.isDigit(scan.scalars[offset])
                if isDigit && runStart == nil { runStart = offset }
                guard !isDigit, let first = runStart else { continue }
                runStart = nil
                let text = scan.text(first..<offset)
                let digits = Self.digits(text)
                scan.mentions.append(
                    NumericMention(
                        kind: .plain, values: [Double(digits)!], currency: nil,
                        span: first..<offset, text: text, digits: digits, isSoft: glued))
            }
            return cursor
        case .time(let value):
            time = true
            values = [value]
        case .number(let readings, let isBareInteger):
            values = readings
            bare = isBareInteger
            // The end of a range of years written short: 1950-53.
            if isBareInteger, token.text.unicodeScalars.count == 2,
                let dash = scan.token(index - 1), dash.text == "-" || dash.text == "–",
                !token.spaceBefore, let year = scan.token(index - 2), year.kind == .number,
                !dash.spaceBefore, year.text.unicodeScalars.count == 4, let first = Int(year.text)
            {
                var full = first / 100 * 100 + Int(values[0])
                if full < first { full += 100 }
                values.append(Double(full))
            }
        }
        // A time without a.m. or p.m. may be read on a twelve-hour clock: "saat 2" (in the
        // afternoon) is 14:00 in a language that counts to 24.
        if afternoon || (time && !morning) { values += values.filter { $0 < 12 }.map { $0 + 12 } }
        let unscaled = factor == nil ? [] : values
        if let factor { values = values.map { $0 * factor } }
        if let unitOrFactor { values += values.map { $0 * unitOrFactor } }

        let kind: NumericMention.Kind
        if percent {
            kind = .percent
        } else if currency != nil {
            kind = .currency
        } else if time {
            kind = .time
        } else if bare, factor == nil, !ordinal, isDay(values[0], at: index, cursor, &scan) {
            kind = .day
        } else if bare, factor == nil, !ordinal, token.text.unicodeScalars.count == 4,
            (1000...2100).contains(values[0])
        {
            kind = .year
            markMonth(before: index, &scan)
        } else {
            kind = .plain
        }
        scan.mentions.append(
            NumericMention(
                kind: kind, values: values, currency: currency, span: start..<end,
                text: scan.text(start..<end), digits: Self.digits(token.text), isSoft: glued,
                unscaled: unscaled))
        return cursor
    }

    /// Whether the integer at `index` is a day next to a month name (`3 October`,
    /// `3. Oktober`, `3rd of October`, `October 3`, `Oct. 3`); marks that month as a date's.
    private func isDay(_ value: Double, at index: Int, _ cursor: Int, _ scan: inout Scan) -> Bool {
        guard (1...31).contains(value) else { return false }
        var after = cursor
        if let dot = scan.token(after), dot.text == ".", !dot.spaceBefore { after += 1 }
        if language == .english, scan.token(after)?.text == "of" { after += 1 }
        if scan.token(after) != nil, scan.months[after] != nil {
            scan.strictMonths.insert(after)
            return true
        }
        return markMonth(before: index, &scan)
    }

    /// Marks a month name just before the number at `index` (`October 3`, `Ekim 2019`,
    /// `Oct. 3`) as a date's.
    @discardableResult
    private func markMonth(before index: Int, _ scan: inout Scan) -> Bool {
        var before = index - 1
        if let dot = scan.token(before), dot.text == "." { before -= 1 }
        guard scan.token(before) != nil, scan.months[before] != nil else { return false }
        scan.strictMonths.insert(before)
        return true
    }

    /// Reads numbers spelled in words (`twenty-five`, `yirmi beş`, `drei Millionen`, `a
    /// million`) as soft mentions.
    private func readWords(at index: Int, _ scan: inout Scan) -> Int {
        var total = 0.0
        var current = 0.0
        var cursor = index
        var end = scan.tokens[index].end
        var read = false
        while let word = scan.token(cursor), word.kind == .word {
            let key = scan.keys[cursor]
            if let value = words.spelled(key) {
                if value == 100 {
                    current = max(current, 1) * 100
                } else if current == 0
                    || (current >= 10 && current < 100
                        && current.truncatingRemainder(dividingBy: 10) == 0
                        && value < 10)
                    || (current >= 100 && value < 100)
                {
                    current += value
                } else {
                    break
                }
            } else if read || current > 0, let scale = words.scale(key) {
                total += max(current, 1) * scale
                current = 0
            } else if !read, words.articles.contains(key), let following = scan.token(cursor + 1),
                following.kind == .word, words.scale(scan.keys[cursor + 1]) != nil
            {
                current = 1
            } else {
                break
            }
            read = true
            end = word.end
            cursor += 1
            // twenty-five
            if let hyphen = scan.token(cursor), hyphen.text == "-", !hyphen.spaceBefore,
                let following = scan.token(cursor + 1), following.kind == .word,
                !following.spaceBefore, words.spelled(scan.keys[cursor + 1]) != nil
            {
                cursor += 1
            }
        }
        guard read else { return index + 1 }
        var percent = false
        if let before = scan.token(index - 1), before.kind == .word,
            words.percentBefore.contains(scan.keys[index - 1])
        {
            percent = true
        }
        if let after = scan.token(cursor), after.kind == .word,
            words.percentAfter.contains(scan.keys[cursor])
                || (words.compoundsNumerals && scan.keys[cursor].hasPrefix("prozent"))
        {
            percent = true
        }
        let start = scan.tokens[index].start
        scan.mentions.append(
            NumericMention(
                kind: percent ? .percent : .plain, values: [total + current], currency: nil,
                span: start..<end, text: scan.text(start..<end), digits: "", isSoft: true))
        return cursor
    }

    private static func digits(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.compactMap { scalar in
                    PairToken.isDigit(scalar)
                        ? Unicode.Scalar(UInt8(ascii: "0") + UInt8(scalar.properties.numericValue!))
                        : nil
                }))
    }
}
