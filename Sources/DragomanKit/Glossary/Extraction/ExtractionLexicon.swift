/// The few words term extraction needs to know per language: words that open sentences and
/// so are capitalised without being names, honorifics, calendar words, the lower-case words
/// allowed inside a name, and the heads of titles and organisations.
///
/// The lists only shape candidates and guess a category; which terms pair with which is left
/// to the association statistics. All words are match keys (``MatchKey``).
struct ExtractionLexicon: Sendable {
    /// Capitalised only because they open a sentence or a headline: never the start of a name.
    let openers: Set<String>
    /// `Mr`, `Frau`, `Bay`: dropped from the start of a name.
    let honorifics: Set<String>
    /// Days and months, capitalised in English and German but not names of their own.
    let calendar: Set<String>
    /// Lower-case words that may stand inside a name: `Union of Municipalities of Turkey`.
    let connectors: Set<String>
    /// Heads of titles, as key prefixes (`baskan` covers `Başkanı`) or, in German, key
    /// suffixes (`prasident` covers `US-Präsident`, `Präsidentin`).
    let titleHeads: [String]
    /// Heads of organisation names, matched like title heads.
    let organisationHeads: [String]
    let language: Language

    static func forLanguage(_ language: Language) -> ExtractionLexicon {
        switch language {
        case .english: english
        case .turkish: turkish
        case .german: german
        default:
            ExtractionLexicon(
                openers: [], honorifics: [], calendar: [], connectors: [], titleHeads: [],
                organisationHeads: [], language: language)
        }
    }

    /// Whether `key` (one word's match key) is the head of a title: `minister`, `baskani`,
    /// `aussenministerin`.
    func isTitleHead(_ key: String) -> Bool { hasHead(key, titleHeads) }

    func isOrganisationHead(_ key: String) -> Bool { hasHead(key, organisationHeads) }

    private static let germanEndings = ["", "in", "innen", "s", "es", "n", "en", "e", "er", "ern"]

    private func hasHead(_ key: String, _ heads: [String]) -> Bool {
        switch language {
        case .german:
            // Compounds put the head last: Außenministerin, Bundesregierung, US-Präsident.
            return heads.contains { head in
                Self.germanEndings.contains { key.hasSuffix(head + $0) }
            }
        case .turkish:
            return heads.contains { head in
                guard key.hasPrefix(head) else { return false }
                let rest = key.unicodeScalars.dropFirst(head.unicodeScalars.count).map(\.value)
                return rest.isEmpty || TurkishSuffixes.accepts(rest)
            }
        default:
            return heads.contains { head in
                key == head || key == head + "s" || key == head + "'s"
                    || (head.hasSuffix("y") && key == head.dropLast() + "ies")
            }
        }
    }

    static let english = ExtractionLexicon(
        openers: [
            "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "by", "for",
            "from", "to", "with", "after", "before", "but", "and", "or", "so", "if", "when",
            "while", "as", "it", "he", "she", "they", "we", "you", "his", "her", "their", "our",
            "its", "there", "here", "what", "why", "how", "who", "where", "some", "many", "more",
            "most", "all", "one", "two", "three", "new", "last", "first", "according", "under",
            "over", "about", "during", "since", "until", "however", "meanwhile", "also", "not",
            "no", "yes", "now", "then", "today", "yesterday", "tomorrow", "earlier", "later",
            "i", "my", "me", "former", "both", "each", "every", "other", "another", "such",
            "only", "even", "still", "just", "do", "does", "did", "is", "are", "was", "were",
            "will", "would", "can", "could", "should", "might", "must", "has", "have", "had",
            "be", "been", "says", "said", "read", "see", "watch", "despite", "although",
        ],
        honorifics: ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"],
        calendar: [
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december", "may", "i",
        ],
        connectors: ["of", "the", "for"],
        titleHeads: [
            "president", "minister", "mayor", "governor", "chancellor", "secretary", "senator",
            "king", "queen", "prince", "princess", "pope", "ambassador", "chairman",
            "chairwoman", "director", "spokesman", "spokeswoman", "spokesperson",
            "commissioner", "prosecutor", "judge", "sheriff", "speaker", "premier", "general",
            "commander", "chief", "congressman", "congresswoman", "representative",
            "councillor", "councilor", "am", "mp", "mep", "ceo",
        ],
        organisationHeads: [
            "ministry", "department", "party", "union", "council", "commission", "parliament",
            "assembly", "court", "agency", "bank", "university", "association", "committee",
            "office", "service", "police", "army", "company", "corporation", "group",
            "organisation", "organization", "federation", "institute", "foundation", "club",
            "government", "senate", "congress", "municipality", "authority", "board", "bureau",
            "league", "fund", "network", "airlines", "news", "times", "post", "journal",
        ],
        language: .english)

    static let turkish = ExtractionLexicon(
        openers: [
            "bu", "su", "o", "bir", "ve", "ama", "fakat", "ancak", "cunku", "ile", "icin",
            "gibi", "daha", "en", "cok", "her", "hic", "ne", "neden", "nasil", "kim", "bunu",
            "bunun", "buna", "bunlar", "onun", "ona", "onu", "onlar", "biz", "ben", "sen", "siz",
            "de", "da", "ki", "ise", "eger", "sonra", "once", "simdi", "bugun", "dun", "yarin",
            "ayrica", "yine", "hala", "artik", "boyle", "soyle", "oysa", "yani", "evet",
            "hayir", "bazi", "birkac", "tum", "butun", "diger", "yeni", "eski", "son", "ilk",
        ],
        honorifics: ["bay", "bayan", "sayin", "sn", "dr", "prof", "doc"],
        calendar: [
            "pazartesi", "sali", "carsamba", "persembe", "cuma", "cumartesi", "pazar", "ocak",
            "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim",
            "kasim", "aralik",
        ],
        // Names quoted in English: Game of Thrones.
        connectors: ["of", "the"],
        titleHeads: [
            "baskan", "bakan", "basbakan", "cumhurbaskan", "vali", "buyukelci", "sekreter",
            "mudur", "kral", "kralice", "prens", "papa", "senator", "milletvekil", "vekil",
            "general", "komutan", "yargic", "hakim", "savci", "sozcu", "lider", "sansolye",
            "baskonsolos",
        ],
        organisationHeads: [
            "bakanlig", "parti", "birlig", "konsey", "komisyon", "meclis", "parlamento",
            "mahkeme", "ajans", "banka", "universite", "dernek", "dernegi", "komite", "ofis",
            "polis", "ordu", "sirket", "grub", "grup", "orgut", "federasyon", "enstitu",
            "vakf", "vakif", "kulub", "hukumet", "senato", "kongre", "belediye", "kurum",
            "kurul", "teskilat", "servis",
        ],
        language: .turkish)

    static let german = ExtractionLexicon(
        openers: [
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
            "eines", "im", "am", "in", "an", "auf", "aus", "bei", "mit", "nach", "von", "vor",
            "zu", "zum", "zur", "fur", "uber", "unter", "und", "oder", "aber", "doch", "denn",
            "wenn", "als", "wie", "was", "wer", "wo", "warum", "es", "er", "sie", "wir", "ich",
            "ihr", "sein", "seine", "ihre", "dies", "diese", "dieser", "dieses", "jetzt",
            "heute", "gestern", "morgen", "auch", "noch", "nur", "nicht", "kein", "keine",
            "so", "da", "dann", "damit", "dass", "laut", "nun", "viele", "alle", "andere",
            "neue", "neuen", "letzte", "erste", "bis", "seit", "wahrend", "trotz", "wegen",
            "ob", "man", "mehr", "ja", "nein", "hier", "dort",
        ],
        honorifics: ["herr", "frau", "dr", "prof"],
        calendar: [
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
            "januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september",
            "oktober", "november", "dezember",
        ],
        connectors: ["fur", "der", "des", "von", "of", "the"],
        titleHeads: [
            "prasident", "minister", "burgermeister", "kanzler", "gouverneur", "sekretar",
            "senator", "konig", "prinz", "prinzessin", "papst", "botschafter", "vorsitzende",
            "chef", "direktor", "sprecher", "general", "richter", "kommissar", "staatsanwalt",
            "premier", "abgeordnete", "kommandeur", "konigin",
        ],
        organisationHeads: [
            "ministerium", "partei", "union", "rat", "kommission", "parlament", "versammlung",
            "gericht", "agentur", "bank", "universitat", "verband", "ausschuss", "amt",
            "dienst", "polizei", "armee", "konzern", "gruppe", "organisation", "verein",
            "institut", "stiftung", "club", "regierung", "senat", "kongress", "gemeinde",
            "behorde", "bund", "liga", "fonds",
        ],
        language: .german)
}
