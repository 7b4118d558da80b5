/// The words around numbers that the number checks understand, per language, as match keys
/// (lower case, diacritics folded, Turkish ı as i): numerals, ordinals, scale words,
/// percent, currencies, months and clock words.
///
/// Languages other than Turkish, English and German get the signs only (`%`, `€`, `$`).
struct NumberWords: Sendable {
    /// Cardinals that may be spelled out instead of written in digits.
    let cardinals: [String: Double]
    /// Ordinal words (`third`, `üçüncü`, `dritte`), read as their number.
    let ordinals: [String: Double]
    /// Words that multiply the number before them: `million`, `milyar`, `Mrd`.
    let scales: [String: Double]
    /// Words for "one" that only count before a scale word (`a million`, `bir milyon`).
    let articles: Set<String>
    /// Words after a number that make it a percentage.
    let percentAfter: Set<String>
    /// Words before a number that make it a percentage (Turkish `yüzde`).
    let percentBefore: Set<String>
    /// Currency words after an amount, to the currency family.
    let currencies: [String: String]
    /// Words that may stand between an amount and its currency (`ABD doları`, `US dollars`).
    let currencyAdjectives: Set<String>
    /// Month names and abbreviations, to the month's number.
    let months: [String: Int]
    /// Whether Turkish endings may be glued to a word (`milyonluk`, `Ekimde`, `ikisi`).
    let takesTurkishEndings: Bool
    /// Whether numerals compound into one word (`einundzwanzig`, `dreihundert`).
    var compoundsNumerals = false
    /// Units of measurement, imperial and metric, to tell a converted measure from a changed
    /// number.
    var imperialUnits: Set<String> = []
    var metricUnits: Set<String> = []

    /// What a Turkish word that takes endings stands for.
    private enum TurkishEntry: Sendable {
        case number(Double)
        case scale(Double)
        case month(Int)
        case currency(String)
        case unit(UnitSystem)
    }

    /// Turkish words that take endings, by first letter: numerals and units of three letters
    /// or more (shorter ones, `on`, `km`, would match too many words), months of four or
    /// more, every scale and currency word.
    private static let turkishIndex: [Character: [(word: String, entry: TurkishEntry)]] = {
        let words = turkish
        var entries: [(String, TurkishEntry)] = []
        for (word, value) in words.cardinals.merging(
            words.ordinals, uniquingKeysWith: { a, _ in a })
        where word.count >= 3 {
            entries.append((word, .number(value)))
        }
        entries += words.scales.map { ($0.key, .scale($0.value)) }
        entries += words.months.filter { $0.key.count > 3 }.map { ($0.key, .month($0.value)) }
        entries += words.currencies.map { ($0.key, .currency($0.value)) }
        entries += words.metricUnits.filter { $0.count >= 3 }.map { ($0, .unit(.metric)) }
        entries += words.imperialUnits.filter { $0.count >= 3 }.map { ($0, .unit(.imperial)) }
        return Dictionary(grouping: entries.map { (word: $0.0, entry: $0.1) }) { $0.word.first! }
    }()

    /// The entries whose word starts `key` with a Turkish ending (or `-lik`) after it.
    private static func turkishMatches(_ key: String) -> [TurkishEntry] {
        guard let first = key.first, let candidates = turkishIndex[first] else { return [] }
        var matches: [TurkishEntry] = []
        for (word, entry) in candidates where key.count > word.count && key.hasPrefix(word) {
            let ending = key.dropFirst(word.count)
            // -lik makes a measure (5 milyonluk), -ken a clause (yüzde otuz sekizken).
            if ending == "lik" || ending == "luk" || ending == "ken" || isTurkishEnding(ending) {
                matches.append(entry)
            }
        }
        return matches
    }

    static func forLanguage(_ language: Language) -> NumberWords {
        switch language {
        case .english: english
        case .turkish: turkish
        case .german: german
        default: neutral
        }
    }

    /// Currency signs written before (or after) an amount, in every language.
    static let currencySigns: [String: String] = [
        "$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₺": "lira", "₹": "rupee",
        "₽": "rouble", "₣": "franc",
    ]

    /// Currency codes written before or after an amount, in every language.
    static let currencyCodes: [String: String] = [
        "usd": "dollar", "eur": "euro", "gbp": "pound", "try": "lira", "tl": "lira",
        "ytl": "lira", "jpy": "yen", "cny": "yuan", "rmb": "yuan", "chf": "franc",
        "inr": "rupee", "rub": "rouble",
    ]

    /// The currency family of a word, trying Turkish endings (`dolarlık`, `avroya`) where the
    /// language takes them.
    func currency(_ key: String) -> String? {
        if let family = currencies[key] { return family }
        guard takesTurkishEndings else { return nil }
        for case .currency(let family) in Self.turkishMatches(key) { return family }
        return nil
    }

    /// The factor of a scale word, Turkish endings included (`milyonluk`, `bine`).
    func scale(_ key: String) -> Double? {
        if let factor = scales[key] { return factor }
        guard takesTurkishEndings else { return nil }
        for case .scale(let factor) in Self.turkishMatches(key) { return factor }
        return nil
    }

    /// The month of a word (`Ekimde`, `Oktober`, `Oct`).
    func month(_ key: String) -> Int? {
        if let month = months[key] { return month }
        guard takesTurkishEndings else { return nil }
        for case .month(let month) in Self.turkishMatches(key) { return month }
        return nil
    }

    /// The number a spelled word stands for: a cardinal, an ordinal, a Turkish numeral with
    /// an ending (`ikisi`, `üçüncüsü`), a German compound (`einundzwanzig`, `dreihundert`).
    func spelled(_ key: String) -> Double? {
        if percentBefore.contains(key) { return nil }  // yüzde is not yüz·de
        if let value = cardinals[key] ?? ordinals[key] { return value }
        if takesTurkishEndings {
            for case .number(let value) in Self.turkishMatches(key) { return value }
            return nil
        }
        if compoundsNumerals,
            key.hasSuffix("zig") || key.hasSuffix("ssig") || key.hasSuffix("er")
                || key.hasSuffix("ern") || key.hasSuffix("hundert") || key.hasSuffix("tausend")
        {
            // German compounds: "einundzwanzig", "dreihundert", "zweitausend".
            let letters = Array(key)
            for cut in letters.indices.dropFirst() where cut + 3 < letters.count {
                guard String(letters[cut..<(cut + 3)]) == "und",
                    let units = cardinals[String(letters[..<cut])], units < 10,
                    let tens = cardinals[String(letters[(cut + 3)...])], tens >= 20, tens < 100
                else { continue }
                return tens + units
            }
            // Decades of age: "in den Vierzigern".
            for ending in ["ern", "er"] where key.hasSuffix(ending) {
                if let tens = cardinals[String(key.dropLast(ending.count))], tens >= 20, tens < 100
                {
                    return tens
                }
            }
            for (word, factor) in [("hundert", 100.0), ("tausend", 1000.0)]
            where key.hasSuffix(word) && key.count > word.count {
                let head = String(key.dropLast(word.count))
                if let value = cardinals[head] { return value * factor }
            }
        }
        return nil
    }

    /// Whether a word names an imperial unit (`inches`, `mil`, `Meilen`) or a metric one
    /// (`km`, `santimetre`, `Zentimetern`); nil for any other word.
    func unit(_ key: String) -> UnitSystem? {
        if imperialUnits.contains(key) { return .imperial }
        if metricUnits.contains(key) { return .metric }
        guard takesTurkishEndings else { return nil }
        for case .unit(let system) in Self.turkishMatches(key) { return system }
        return nil
    }

    enum UnitSystem: Sendable, Hashable {
        case imperial
        case metric
    }

    /// Whether `ending` is an inflection chain a Turkish word may carry.
    static func isTurkishEnding(_ ending: Substring) -> Bool {
        let letters = ending.unicodeScalars.map(\.value)
        return TurkishSuffixes.accepts(letters)
    }

    private static let englishMonths: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
        "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]

    static let english = NumberWords(
        cardinals: [
            "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
            "half": 0.5, "once": 1, "twice": 2, "both": 2, "single": 1, "double": 2, "pair": 2,
            "couple": 2, "century": 100, "triple": 3,
        ],
        ordinals: [
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
        ],
        scales: [
            "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
            "billions": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9, "tn": 1e12, "decade": 10,
            "decades": 10,
        ],
        articles: ["a", "an", "one"],
        percentAfter: ["percent", "pc", "percentage"],  // percentage points: see NumberReader
        percentBefore: [],
        currencies: [
            "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro",
            "pound": "pound", "pounds": "pound", "sterling": "pound", "lira": "lira",
            "liras": "lira", "yen": "yen", "yuan": "yuan", "renminbi": "yuan", "franc": "franc",
            "francs": "franc", "rupee": "rupee", "rupees": "rupee", "rouble": "rouble",
            "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
        ],
        currencyAdjectives: [
            "us", "american", "australian", "canadian", "hong", "kong", "new", "zealand",
            "singapore", "british", "turkish", "swiss", "indian", "russian",
        ],
        months: englishMonths,
        takesTurkishEndings: false,
        imperialUnits: [
            "inch", "inches", "foot", "feet", "ft", "mile", "miles", "mph", "yard", "yards",
            "gallon", "gallons", "acre", "acres", "ounce", "ounces", "oz", "lb", "lbs",
            "fahrenheit", "pound", "pounds",
        ],
        metricUnits: [
            "centimetre", "centimetres", "centimeter", "centimeters", "cm", "millimetre",
            "millimetres", "millimeter", "millimeters", "mm", "kilometre", "kilometres",
            "kilometer", "kilometers", "km", "metre", "metres", "meter", "meters", "kilogram",
            "kilograms", "kg", "gram", "grams", "litre", "litres", "liter", "liters", "hectare",
            "hectares", "celsius", "tonne", "tonnes", "kmh",
        ])

    static let turkish = NumberWords(
        cardinals: [
            "sifir": 0, "bir": 1, "iki": 2, "uc": 3, "dort": 4, "bes": 5, "alti": 6, "yedi": 7,
            "sekiz": 8, "dokuz": 9, "on": 10, "yirmi": 20, "otuz": 30, "kirk": 40, "elli": 50,
            "altmis": 60, "yetmis": 70, "seksen": 80, "doksan": 90, "yuz": 100, "dusine": 12,
            "yarim": 0.5, "yari": 0.5, "cift": 2, "ikili": 2, "uclu": 3, "onyil": 10,
            "yuzyil": 100,
        ],
        ordinals: [
            "ilk": 1, "birinci": 1, "ikinci": 2, "ucuncu": 3, "dorduncu": 4, "besinci": 5,
            "altinci": 6, "yedinci": 7, "sekizinci": 8, "dokuzuncu": 9, "onuncu": 10,
        ],
        scales: ["bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12, "mn": 1e6],
        articles: ["bir"],
        percentAfter: [],
        percentBefore: ["yuzde"],
        currencies: [
            "dolar": "dollar", "dolari": "dollar", "avro": "euro", "euro": "euro",
            "sterlin": "pound", "pound": "pound", "lira": "lira", "liralik": "lira",
            "yen": "yen", "yuan": "yuan", "frank": "franc", "rupi": "rupee", "ruble": "rouble",
        ],
        currencyAdjectives: [
            "abd", "amerikan", "avustralya", "kanada", "hong", "kong", "yeni", "zelanda",
            "ingiliz", "turk", "isvicre", "hint", "rus",
        ],
        months: [
            "ocak": 1, "subat": 2, "mart": 3, "nisan": 4, "mayis": 5, "haziran": 6, "temmuz": 7,
            "agustos": 8, "eylul": 9, "ekim": 10, "kasim": 11, "aralik": 12,
        ],
        takesTurkishEndings: true,
        imperialUnits: [
            "inc", "mil", "fit", "yarda", "galon", "akre", "ons", "libre", "fahrenhayt",
            "fahrenheit", "pound",
        ],
        metricUnits: [
            "santimetre", "cm", "milimetre", "mm", "kilometre", "km", "metre", "kilogram", "kg",
            "kilo", "gram", "litre", "hektar", "santigrat", "celsius", "ton",
        ])

    static let german = NumberWords(
        cardinals: [
            "null": 0, "eins": 1, "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1,
            "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8,
            "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12, "dreizehn": 13, "vierzehn": 14,
            "funfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
            "zwanzig": 20, "dreissig": 30, "vierzig": 40, "funfzig": 50, "sechzig": 60,
            "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "dutzend": 12,
            "halb": 0.5, "halbe": 0.5, "halben": 0.5, "beide": 2, "beiden": 2, "zweimal": 2,
            "dreimal": 3, "doppelt": 2, "jahrhundert": 100,
            "paar": 2,
        ],
        ordinals: Dictionary(
            uniqueKeysWithValues: [
                ("erst", 1.0), ("zweit", 2), ("dritt", 3), ("viert", 4), ("funft", 5),
                ("sechst", 6), ("siebt", 7), ("acht", 8), ("neunt", 9), ("zehnt", 10),
                ("elft", 11), ("zwolft", 12),
            ].flatMap { stem, value in
                ["e", "en", "er", "es", "em"].map { (stem + $0, value) }
            }),
        scales: [
            "tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
            "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12,
            "billionen": 1e12, "bio": 1e12, "jahrzehnt": 10, "jahrzehnte": 10,
            "jahrzehnten": 10,
        ],
        articles: ["ein", "eine", "einer"],
        percentAfter: [
            "prozent", "prozentpunkt", "prozentpunkte", "prozentpunkten", "prozentige",
            "prozentigen", "prozentiger",
        ],
        percentBefore: [],
        currencies: [
            "dollar": "dollar", "euro": "euro", "pfund": "pound", "lira": "lira",
            "yen": "yen", "yuan": "yuan", "franken": "franc", "rupien": "rupee",
            "rupie": "rupee", "rubel": "rouble",
        ],
        currencyAdjectives: [
            "us", "amerikanische", "amerikanischen", "australische", "australischen",
            "kanadische", "kanadischen", "hongkong", "britische", "britischen", "turkische",
            "turkischen", "schweizer", "indische", "indischen", "russische", "russischen",
        ],
        months: [
            "januar": 1, "janner": 1, "februar": 2, "marz": 3, "april": 4, "mai": 5, "juni": 6,
            "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
            "dezember": 12, "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
            "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12,
        ],
        takesTurkishEndings: false, compoundsNumerals: true,
        imperialUnits: [
            "zoll", "meile", "meilen", "fuss", "yard", "yards", "gallone", "gallonen", "acre",
            "unze", "unzen", "fahrenheit",
        ],
        metricUnits: [
            "zentimeter", "zentimetern", "cm", "millimeter", "millimetern", "mm", "kilometer",
            "kilometern", "km", "meter", "metern", "kilogramm", "kilo", "kg", "gramm", "liter",
            "litern",
            "hektar", "celsius", "tonne", "tonnen",
        ])

    static let neutral = NumberWords(
        cardinals: [:], ordinals: [:], scales: [:], articles: [], percentAfter: [],
        percentBefore: [], currencies: [:], currencyAdjectives: [], months: [:],
        takesTurkishEndings: false)
}
