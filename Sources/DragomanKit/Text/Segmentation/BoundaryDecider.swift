/// Decides, candidate by candidate and left to right, where sentences start.
///
/// Candidates are ICU's boundaries plus the places ICU never proposes (a period before a
/// digit or a lower-case word, a bullet, the next item of a numbered list). Each decision
/// looks at a few words around the candidate: the punctuation cluster before it, the token
/// the punctuation is attached to, and the word after it.
struct BoundaryDecider {
    private let u: UnsafeMutableBufferPointer<UInt16>
    private let n: Int
    private let rules: SegmentationRules
    /// Where the sentence being built starts.
    private var sentenceStart = 0
    /// Starts of list items found ahead of the current position ("1. … 2. … 3. …").
    private var pendingItems: [ListMarker] = []
    /// How far a search for a list item found nothing, per expected marker.
    private var searchedUpTo: [ListMarker.Key: Int] = [:]

    /// How far back a rule looks for the token before a period.
    private static let tokenReach = 64
    /// How far ahead a list item may follow the previous one.
    private static let listReach = 1_000

    init(units: UnsafeMutableBufferPointer<UInt16>, rules: SegmentationRules) {
        u = units
        n = units.count
        self.rules = rules
    }

    mutating func decide(proposed: [Int]) -> [Int] {
        let candidates = Self.mergeSorted(proposed, extraCandidates())
        var starts: [Int] = []
        expectListContinuation(after: 0)
        var index = 0
        while true {
            let candidate = index < candidates.count ? candidates[index] : Int.max
            let forced = pendingItems.first?.start ?? Int.max
            if candidate == Int.max && forced == Int.max { break }
            if forced <= candidate {
                let item = pendingItems.removeFirst()
                if candidate == forced { index += 1 }
                if item.start > sentenceStart && item.start < n {
                    starts.append(item.start)
                    sentenceStart = item.start
                }
                findNextItem(after: item)
                continue
            }
            index += 1
            guard let start = boundary(near: candidate), start > sentenceStart, start < n
            else { continue }
            starts.append(start)
            sentenceStart = start
            expectListContinuation(after: start)
        }
        return starts
    }

    // MARK: - Candidates ICU does not propose

    private func extraCandidates() -> [Int] {
        var extra: [Int] = []
        var i = 0
        while i < n {
            let x = u[i]
            // Only periods, ellipses and bullets (all from U+2022 up) start a candidate.
            if x != CodeUnit.period && x < 0x2022 {
                i += 1
                continue
            }
            if x == CodeUnit.period || x == 0x2026 {
                var j = i + 1
                while j < n && (CodeUnit.isTerminator(u[j]) || CodeUnit.isCloser(u[j])) { j += 1 }
                if j < n && CodeUnit.isWhite(u[j]) {
                    var k = j
                    while k < n && CodeUnit.isWhite(u[k]) { k += 1 }
                    if k < n && (CodeUnit.isDigit(u[k]) || CodeUnit.isLower(u[k])) {
                        extra.append(k)
                    }
                    i = k
                    continue
                }
                if rules.gluedPeriodEnds && j == i + 1 && x == CodeUnit.period && j < n
                    && CodeUnit.isLower(u[j])
                {
                    extra.append(j)
                }
                i = j
                continue
            }
            if CodeUnit.isBullet(x) && i > 0 && CodeUnit.isWhite(u[i - 1]) { extra.append(i) }
            i += 1
        }
        return extra
    }

    static func mergeSorted(_ a: [Int], _ b: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let next: Int
            if j >= b.count || (i < a.count && a[i] <= b[j]) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            if result.last != next { result.append(next) }
        }
        return result
    }

    // MARK: - One candidate

    /// The start of the next sentence if a sentence ends at `candidate`, else nil.
    private func boundary(near candidate: Int) -> Int? {
        // The whitespace run around the candidate; the new sentence starts after it.
        var w = candidate
        while w > sentenceStart && CodeUnit.isWhite(u[w - 1]) { w -= 1 }
        var f = candidate
        while f < n && CodeUnit.isWhite(u[f]) { f += 1 }
        guard f < n, f > sentenceStart else { return nil }
        let newlines = countLineBreaks(w..<f)
        if newlines >= 2 { return f }
        if CodeUnit.isBullet(u[f]) && f > w { return f }

        var c = w
        while c > sentenceStart && CodeUnit.isCloser(u[c - 1]) { c -= 1 }
        var t = c
        while t > sentenceStart {
            let x = u[t - 1]
            if CodeUnit.isTerminator(x) {
                t -= 1
            } else if x == CodeUnit.space && t - 2 >= sentenceStart && u[t - 2] == CodeUnit.period
                && t < c && u[t] == CodeUnit.period
            {
                t -= 1  // a spaced ellipsis ". . ."
            } else {
                break
            }
        }
        let next = NextWord(u, at: f)
        if t == c {
            // No sentence punctuation: a line break, or a boundary ICU found by its own rules.
            if newlines == 1 { return next.isLower || lineIsWrapped(before: w) ? nil : f }
            return w < f ? f : nil
        }
        if newlines == 1 { return f }
        if w == f { return gluedBoundary(t: t, c: c, f: f, next: next) }

        var dots = 0
        var strong = false
        var ellipsis = false
        var spaced = false
        for i in t..<c {
            switch u[i] {
            case CodeUnit.period: dots += 1
            case 0x2026: ellipsis = true
            case CodeUnit.space: spaced = true
            default: strong = strong || CodeUnit.isStrongTerminator(u[i])
            }
        }
        if strong {
            // "Sınırı açın!" diye; Yahoo! in: a lower-case word continues the sentence.
            if next.isLower { return nil }
            return insideShortQuotation(t: t, f: f) ? nil : f
        }
        if dots >= 2 || ellipsis {
            return ellipsisBoundary(t: t, f: f, dots: dots, spaced: spaced, next: next)
        }
        return periodBoundary(t: t, f: f, next: next)
    }

    private func ellipsisBoundary(t: Int, f: Int, dots: Int, spaced: Bool, next: NextWord) -> Int? {
        if t > 0 && (u[t - 1] == 0x5B || u[t - 1] == 0x28) { return nil }  // "[...]", "(...)"
        if t == sentenceStart { return nil }  // an ellipsis opening a sentence
        if spaced {
            if CodeUnit.isWhite(u[t - 1]) {
                // ". . . ." after a space ends a sentence; ". . ." marks an omission.
                return dots >= 4 && next.isUpper ? f : nil
            }
            // "compounds. . . . The": the attached period ends the sentence, and the
            // omission ". . ." opens the next one.
            return dots >= 4 && next.isUpper ? t + 2 : nil
        }
        if next.isLower { return rules.ellipsisEndsBeforeLowercase ? f : nil }
        // "Yani... Başkanın": a single word trailing off is not a sentence of its own.
        if wordCount(in: sentenceStart..<t, upTo: 2) <= 1 { return nil }
        return f
    }

    /// A period with no space after it: only Turkish "vardı.değil" ends a sentence.
    private func gluedBoundary(t: Int, c: Int, f: Int, next: NextWord) -> Int? {
        guard rules.gluedPeriodEnds, c == t + 1, u[t] == CodeUnit.period, next.isLower,
            next.skippedOpeners == 0, next.wordLength >= 2,
            !next.matches(SegmentationRules.nonBoundarySuffixes, lowercased: true)
        else { return nil }
        var a = t
        while a > sentenceStart && CodeUnit.isLower(u[a - 1]) && t - a < Self.tokenReach { a -= 1 }
        guard t - a >= 2,
            a == sentenceStart || CodeUnit.isWhite(u[a - 1]) || CodeUnit.isOpener(u[a - 1])
        else { return nil }
        // "www.izmir.bel.tr", "rapor.final.pdf": a second period in the token makes it a name.
        var e = f
        while e < n && !CodeUnit.isWhite(u[e]) && e - f < Self.tokenReach {
            if u[e] == CodeUnit.period && e + 1 < n && CodeUnit.isLetter(u[e + 1]) { return nil }
            if u[e] == 0x40 || u[e] == 0x2F { return nil }  // @ and /
            e += 1
        }
        if rules.abbreviation(UnsafeBufferPointer(rebasing: u[a..<t + 1])) != nil { return nil }
        return f
    }

    private func periodBoundary(t: Int, f: Int, next: NextWord) -> Int? {
        var a = t
        while a > sentenceStart && !CodeUnit.isWhite(u[a - 1]) {
            a -= 1
            if t - a > Self.tokenReach { return next.isLower ? nil : f }  // a URL or the like
        }
        var k = a
        while k < t && !CodeUnit.isLetter(u[k]) && !CodeUnit.isDigit(u[k]) { k += 1 }
        if k == t { return next.isLower ? nil : f }
        // "(7.)." and "suchen".": the period follows a closed bracket or quotation.
        if CodeUnit.isCloser(u[t - 1]) { return next.isLower ? nil : f }
        if next.isLower { return nil }
        if containsAddress(a..<t) { return f }

        if let kind = abbreviation(from: k, to: t) {
            switch kind {
            case .prefix: return nil
            case .beforeNumber: return next.isDigit ? nil : f
            case .ambiguous: return opensSentence(next) ? f : nil
            case .time:
                // "At 5 a.m. Mr. Smith went" and "at 7 p.m. ET tonight" go on; "… at 6 P.M.
                // Mr. Smith then went" ends: late in a sentence, a title or a sentence opener
                // after the time starts a new sentence.
                if wordCount(in: sentenceStart..<a, upTo: 3) <= 2 { return nil }
                return opensSentence(next) || isTitle(at: f) ? f : nil
            }
        }

        let core = k..<t
        if isNumber(core) {
            return numberBoundary(a: a, k: k, t: t, f: f, next: next)
        }
        if CodeUnit.isDigit(u[t - 1]) { return f }  // "Jahr10.", "MG3.": a footnote or a model
        if core.count == 1 || (core.count == 2 && u[k] >= 0xD800 && u[k] < 0xDC00) {
            if atSentenceStart(a) { return nil }  // "a. The first item"
            if CodeUnit.isUpper(u[k]) { return opensSentence(next) || next.isQuoted ? f : nil }
            return opensSentence(next) ? f : nil
        }
        if isDottedAcronym(core) { return opensSentence(next) || next.isQuoted ? f : nil }
        return f
    }

    private func numberBoundary(a: Int, k: Int, t: Int, f: Int, next: NextWord) -> Int? {
        if atSentenceStart(a) { return nil }  // a list item "1. Dies ist …" or "40. Dünya …"
        if next.isDigit || next.isDash { return nil }
        var digits = 0
        var separated = false
        for i in k..<t {
            if CodeUnit.isDigit(u[i]) { digits += 1 } else { separated = true }
        }
        // "1.000.000.", "1:3.", "im Jahr 1980.": quantities, scores and years end sentences.
        if separated || digits >= 4 { return f }
        let previous = previousToken(before: a)
        // "Kirchplatz Nr. 4.", "S. 12.": a number that an abbreviation refers to is no ordinal.
        if previous.isReferenceAbbreviation { return next.isUpper ? f : nil }
        if k > a && CodeUnit.isDash(u[k - 1]) { return nil }  // "1. -3. Jahrhundert"
        if next.matches(rules.months, lowercased: true) { return nil }
        switch rules.numberPolicy {
        case .sentenceEnd:
            return f
        case .ordinalUnlessQuantity:
            if previous.isNumber || previous.isIn(rules.numberContextWords) {
                return f
            }
            return nil
        case .ordinalAfterDeterminer:
            if k > a && u[k - 1] == 0x28 { return nil }  // "(77. Berheide)"
            if previous.isIn(rules.numberContextWords) {
                return nil
            }
            return opensSentence(next) ? f : nil
        }
    }

    // MARK: - Word-level helpers

    /// A short quotation embedded in a sentence ("'Isırdı beni! Isırdı beni!' diye bağırdı")
    /// is not cut: an opening quote shortly before `t` is closed shortly after `f` by a quote
    /// that a lower-case word or a comma follows.
    private func insideShortQuotation(t: Int, f: Int) -> Bool {
        let reach = 100
        var open = -1
        var i = t
        while i > max(sentenceStart, t - reach) {
            i -= 1
            let x = u[i]
            guard CodeUnit.isQuote(x) else { continue }
            let before = i == sentenceStart ? CodeUnit.space : u[i - 1]
            if CodeUnit.isWhite(before) || CodeUnit.isOpener(before) || before == 0x3A {
                open = i
                break
            }
            return false  // a closing quote: the quotation before the candidate has ended
        }
        guard open >= 0 else { return false }
        var j = f
        while j < min(n, f + reach) {
            let x = u[j]
            if CodeUnit.isNewline(x) { return false }
            if CodeUnit.isQuote(x) || CodeUnit.isCloser(x), j > f, !CodeUnit.isWhite(u[j - 1]) {
                var k = j + 1
                while k < n && CodeUnit.isCloser(u[k]) { k += 1 }
                if k < n && u[k] == 0x2C { return true }
                guard k + 1 < n, CodeUnit.isWhite(u[k]) else { return false }
                return CodeUnit.isLower(u[k + 1])
            }
            j += 1
        }
        return false
    }

    /// A title abbreviation ("Mr.", "Dr.", "Prof.") starts at `position`.
    private func isTitle(at position: Int) -> Bool {
        var e = position
        while e < n && CodeUnit.isLetter(u[e]) && e - position < 8 { e += 1 }
        guard e > position, e < n, u[e] == CodeUnit.period else { return false }
        return rules.abbreviation(UnsafeBufferPointer(rebasing: u[position..<e + 1])) == .prefix
    }

    private func opensSentence(_ next: NextWord) -> Bool {
        next.matches(rules.sentenceStarters, lowercased: false)
    }

    private func abbreviation(from k: Int, to t: Int) -> SegmentationRules.AbbreviationKind? {
        // Longest first: "i. d. R.", "z. B.", then the token alone ("Dr.", "z.B.").
        var starts = [k]
        var start = k
        while starts.count < 3 && start >= sentenceStart + 3 && u[start - 1] == CodeUnit.space
            && u[start - 2] == CodeUnit.period
        {
            var b = start - 2
            while b > sentenceStart && CodeUnit.isLetter(u[b - 1]) && start - b < 8 { b -= 1 }
            guard b < start - 2, b == sentenceStart || CodeUnit.isWhite(u[b - 1]) else { break }
            starts.insert(b, at: 0)
            start = b
        }
        for start in starts where t + 1 - start <= ShortKey.capacity {
            if let kind = rules.abbreviation(UnsafeBufferPointer(rebasing: u[start..<t + 1])) {
                return kind
            }
        }
        return nil
    }

    /// Digits with inner separators: `5`, `1.000.000`, `6.229,21`, `1:3`.
    private func isNumber(_ range: Range<Int>) -> Bool {
        guard CodeUnit.isDigit(u[range.lowerBound]), CodeUnit.isDigit(u[range.upperBound - 1])
        else { return false }
        for i in range {
            let x = u[i]
            if !(CodeUnit.isDigit(x) || x == 0x2E || x == 0x2C || x == 0x3A) { return false }
        }
        return true
    }

    /// `U.S.A`, `A.Ş`, `a.m`: letters in groups of one or two, joined by periods.
    private func isDottedAcronym(_ range: Range<Int>) -> Bool {
        var group = 0
        var periods = 0
        for i in range {
            if u[i] == CodeUnit.period {
                if group == 0 { return false }
                group = 0
                periods += 1
            } else if CodeUnit.isLetter(u[i]) {
                group += 1
                if group > 2 { return false }
            } else {
                return false
            }
        }
        return periods > 0
    }

    /// An e-mail address (`@`), a URL (`://`) or a host name (`www.`).
    private func containsAddress(_ range: Range<Int>) -> Bool {
        for i in range {
            switch u[i] {
            case 0x40: return true
            case 0x3A:
                if i + 2 < range.upperBound && u[i + 1] == 0x2F && u[i + 2] == 0x2F { return true }
            case 0x77, 0x57:
                if i + 3 < range.upperBound && (u[i + 1] | 0x20) == 0x77
                    && (u[i + 2] | 0x20) == 0x77
                    && u[i + 3] == CodeUnit.period
                {
                    return true
                }
            default: continue
            }
        }
        return false
    }

    /// Only whitespace, bullets and opening brackets or quotes lie between the start of the
    /// sentence and `position`.
    private func atSentenceStart(_ position: Int) -> Bool {
        var i = position
        while i > sentenceStart {
            let x = u[i - 1]
            guard
                CodeUnit.isWhite(x) || CodeUnit.isBullet(x) || CodeUnit.isOpener(x)
                    || CodeUnit.isDash(x)
            else { return false }
            i -= 1
            if position - i > 16 { return false }
        }
        return true
    }

    /// Whitespace-separated words in `range`, counted from its end, stopping past `limit`.
    private func wordCount(in range: Range<Int>, upTo limit: Int) -> Int {
        var count = 0
        var inWord = false
        var i = range.upperBound
        while i > range.lowerBound {
            i -= 1
            if CodeUnit.isWhite(u[i]) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    private struct PreviousToken {
        /// The token lower-cased, if it is a word of letters.
        var word: ShortKey?
        var isNumber = false
        var isReferenceAbbreviation = false

        func isIn(_ words: Set<ShortKey>) -> Bool { word.map(words.contains) ?? false }
    }

    /// The whitespace-separated token before `position`, as a lower-cased word if it is one.
    private func previousToken(before position: Int) -> PreviousToken {
        var e = position
        while e > sentenceStart && CodeUnit.isWhite(u[e - 1]) { e -= 1 }
        var b = e
        while b > sentenceStart && !CodeUnit.isWhite(u[b - 1]) && e - b < 32 { b -= 1 }
        guard b < e else { return PreviousToken() }
        var result = PreviousToken()
        if CodeUnit.isDigit(u[e - 1])
            || (e - b > 1 && u[e - 1] == CodeUnit.period && CodeUnit.isDigit(u[e - 2]))
        {
            result.isNumber = true
        }
        var letters = b
        while letters < e && CodeUnit.isLetter(u[letters]) { letters += 1 }
        if letters == e {
            result.word = ShortKey(UnsafeBufferPointer(rebasing: u[b..<e]), lowercased: true)
        }
        if u[e - 1] == CodeUnit.period && letters == e - 1 {
            result.isReferenceAbbreviation =
                rules.abbreviation(UnsafeBufferPointer(rebasing: u[b..<e])) == .beforeNumber
        }
        return result
    }

    /// A line that ends in a comma, a hyphen or a function word goes on on the next line.
    private func lineIsWrapped(before end: Int) -> Bool {
        guard end > sentenceStart else { return false }
        let last = u[end - 1]
        if last == 0x2C || CodeUnit.isDash(last) { return true }
        var b = end
        while b > sentenceStart && CodeUnit.isLetter(u[b - 1]) && end - b < 16 { b -= 1 }
        guard b < end,
            let word = ShortKey(UnsafeBufferPointer(rebasing: u[b..<end]), lowercased: true)
        else { return false }
        return rules.continuationWords.contains(word)
    }

    private func countLineBreaks(_ range: Range<Int>) -> Int {
        var count = 0
        for i in range where CodeUnit.isNewline(u[i]) {
            // CR LF is one line break.
            if u[i] == CodeUnit.carriageReturn && i + 1 < n && u[i + 1] == CodeUnit.lineFeed {
                continue
            }
            count += 1
        }
        return count
    }

    // MARK: - Lists

    /// If a list whose first item is marked "1." (or "a)", "1.)" ...) starts at `start`, finds
    /// where its next item starts.
    private mutating func expectListContinuation(after start: Int) {
        guard let marker = ListMarker.parse(u, at: start, limit: n), marker.isFirst else { return }
        // "1. The first item 2. The second": only where a period after a number is no ordinal.
        if marker.style == .period && rules.numberPolicy != .sentenceEnd { return }
        findNextItem(after: marker)
    }

    private mutating func findNextItem(after marker: ListMarker) {
        let key = marker.successorKey
        var i = max(marker.end, searchedUpTo[key] ?? 0)
        let limit = min(n, marker.end + Self.listReach)
        var lineBreaks = 0
        while i < limit {
            let x = u[i]
            if CodeUnit.isNewline(x) {
                lineBreaks += 1
                if lineBreaks >= 2 { break }
            } else if !CodeUnit.isWhite(x) {
                lineBreaks = 0
            }
            if i > 0 && CodeUnit.isWhite(u[i - 1]) && !CodeUnit.isWhite(x),
                let item = ListMarker.parse(u, at: i, limit: n), item.follows(marker)
            {
                let position =
                    pendingItems.firstIndex { $0.start > item.start } ?? pendingItems.count
                pendingItems.insert(item, at: position)
                return
            }
            i += 1
        }
        searchedUpTo[key] = i
    }
}

/// The first word after a candidate boundary, past any opening quotes or brackets.
private struct NextWord {
    private var range = 0..<0
    private let units: UnsafeMutableBufferPointer<UInt16>
    var skippedOpeners = 0
    var isQuoted = false
    var isUpper = false
    var isLower = false
    var isDigit = false
    var isDash = false

    /// Whether the word (its letters) is one of `words`.
    func matches(_ words: Set<ShortKey>, lowercased: Bool) -> Bool {
        guard !range.isEmpty,
            let key = ShortKey(UnsafeBufferPointer(rebasing: units[range]), lowercased: lowercased)
        else { return false }
        return words.contains(key)
    }

    var wordLength: Int { range.count }

    init(_ u: UnsafeMutableBufferPointer<UInt16>, at position: Int) {
        units = u
        var i = position
        let n = u.count
        while i < n && CodeUnit.isOpener(u[i]) && skippedOpeners < 4 {
            if CodeUnit.isQuote(u[i]) { isQuoted = true }
            skippedOpeners += 1
            i += 1
        }
        // German low quotes are also typed as two commas: ,,Das
        while i + 1 < n && u[i] == 0x2C && u[i + 1] == 0x2C && skippedOpeners < 4 {
            isQuoted = true
            skippedOpeners += 1
            i += 2
        }
        guard i < n else { return }
        let first = u[i]
        isUpper = CodeUnit.isUpper(first)
        isLower = CodeUnit.isLower(first)
        isDigit = CodeUnit.isDigit(first)
        isDash = CodeUnit.isDash(first)
        var e = i
        while e < n && CodeUnit.isLetter(u[e]) && e - i < 32 { e += 1 }
        range = i..<e
    }
}
