/// A number found in one side of a pair, read as a value: `1.250,5` (German) and `1,250.5`
/// (English) are both 1250.5, `$3 million` and `3 milyon dolar` both 3,000,000 dollars.
///
/// A number whose reading is ambiguous carries every value it may mean, the language's reading
/// first: English `1.250` is 1.25 or 1250; which one the writer meant is settled by what the
/// other side of the pair contains.
struct NumericMention: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A count, measure, ordinal or score.
        case plain
        /// A year of four digits (1000–2100) standing alone.
        case year
        /// A day of the month, next to a month name (`3 October`, `3. Oktober`, `3 Ekim`).
        case day
        /// A clock time (`10:30`, `10.30 Uhr`, `3pm`); its values are hour + minute / 100.
        case time
        case percent
        /// An amount of money; ``NumericMention/currency`` names the currency.
        case currency
        /// A month name next to a day or a year; its value is the month's number.
        case month
    }

    var kind: Kind
    /// The values the text may mean, the preferred reading first.
    var values: [Double]
    /// The currency family (`dollar`, `euro`, `pound`, `lira`, ...) of an amount of money.
    var currency: String?
    /// Unicode-scalar offsets of the whole expression (`%5`, `$3 million`, `3. Oktober`'s 3).
    var span: Range<Int>
    /// The expression as written.
    var text: String
    /// The digits as written, without separators: what a typo changes.
    var digits: String
    /// A number spelled in words (`two`, `iki`, `zwei`) or a part of a numeric date: it may
    /// answer a number on the other side but is never reported itself.
    var isSoft: Bool
    /// The values before a scale word multiplied them (`3` of `3 million`): what a language
    /// whose scale words Dragoman does not know shows of the same amount.
    var unscaled: [Double] = []

    /// The check that reports this mention when it has no counterpart.
    var checkID: String {
        switch kind {
        case .plain: NumbersCheck.checkID
        case .percent: NumbersCheck.percentID
        case .currency: NumbersCheck.currencyID
        case .year, .day, .time, .month: NumbersCheck.dateID
        }
    }

    /// Whether the two mentions may stand for the same quantity. Months answer only months;
    /// everything else meets on a shared value, whatever its kind (a percentage written
    /// without its sign is reported separately).
    ///
    /// With `unscaled`, a scaled amount also meets its bare digits: for a pair with a language
    /// other than Turkish, English and German, whose `millions` and `milliards` are not read.
    func sharesValue(with other: NumericMention, unscaled: Bool = false) -> Bool {
        guard (kind == .month) == (other.kind == .month) else { return false }
        let mine = unscaled ? values + self.unscaled : values
        let theirs = unscaled ? other.values + other.unscaled : other.values
        for a in mine {
            for b in theirs where Self.same(a, b) { return true }
        }
        return false
    }

    /// Whether this mention, a soft one, may answer `strict`: a spelled number answers a
    /// count or an amount, never a clock time, a year or a day (Turkish `bir`, "a", answers
    /// nearly any 1); the parts of a numeric date answer days; a percentage answers only a
    /// percentage when spelled (`yüzde otuz sekiz`), a count as well (`40 percentage points`
    /// = `yüzde kırk`).
    func mayAnswer(_ strict: NumericMention) -> Bool {
        guard isSoft else { return true }
        switch strict.kind {
        case .time, .year: return false
        case .day: return kind == .day
        case .percent: return kind == .percent
        case .month: return kind == .month
        case .plain, .currency: return kind != .month
        }
    }

    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
