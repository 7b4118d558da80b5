/// Turkish words and names that begin with dotted İ when capitalised: the list the dotted-I
/// check reads a capital `I` against. Written as match keys (lower case, `i`), stems that
/// take suffixes with or without an apostrophe.
///
/// A capital I without a dot is right in Turkish for words that begin with ı (`Irak`,
/// `Isparta`, `Işık`, `Iğdır`) and in foreign names (`Instagram`, `Iowa`), so only words known
/// to begin with i are flagged.
enum TurkishIWords {
    /// Stems: a word is flagged when its key is the stem or the stem plus a Turkish suffix.
    static let stems: Set<String> = [
        // Places.
        "istanbul", "izmir", "izmit", "iskenderun", "inegol", "iznik", "ispir",
        "ingiltere", "iskocya", "irlanda", "izlanda", "ispanya", "italya", "isvec", "isvicre",
        "iran", "israil",
        // Peoples and languages.
        "ingiliz", "ingilizce", "italyan", "italyanca", "ispanyol", "ispanyolca", "isvecli",
        "isvicreli", "iranli", "israilli", "irlandali", "iskoc",
        // Words that often open a sentence or a headline.
        "icin", "iki", "ilk", "ilce", "insan", "insanlar", "isci", "isciler",
        "isletme", "ihracat", "ithalat", "iktidar", "ilan", "iletisim", "inceleme", "isim",
        "istihdam", "ikinci", "ilgili", "itibaren", "ihale", "ilkokul", "imar", "ilac",
        "ileri", "iyi", "icinde", "icerisinde", "icisleri", "ittifak", "iddia", "ifade",
        "ihtiyac", "ilave", "inanc", "insaat", "internet", "iptal", "isyan", "itfaiye",
        "izin", "iklim", "istasyon", "istatistik", "ihlal", "iade", "icra", "idare", "iliski",
        "iliskin", "imza", "intihar",
    ]

    /// Short stems flagged only with a suffix after an apostrophe (`Il'de`): a longer word
    /// that begins with them is another word (`Ilgaz` is not `il` + `gaz`), and the bare word
    /// may be foreign.
    static let shortWords: Set<String> = ["il", "is", "ic", "ici", "iz"]

    /// Turkish suffix beginnings after a stem, written as match keys: enough to tell an
    /// inflected form (`İstanbul'da`, `İşçilerin`) from an unrelated longer word.
    static let suffixStarts = [
        "'", "de", "da", "te", "ta", "den", "dan", "ten", "tan", "in", "un", "nin", "nun",
        "e", "a", "ye", "ya", "i", "u", "yi", "yu", "le", "la", "ler", "lar", "li", "lu",
        "deki", "daki", "si", "su", "ce", "ca",
    ]

    /// Whether `key` (the match key of a word that begins with capital I) is a word of the
    /// list, bare or inflected.
    static func contains(_ key: String) -> Bool {
        let base = key.split(separator: "'", maxSplits: 1).first.map(String.init) ?? key
        if stems.contains(base) { return true }
        // Bare, a short word may be a foreign one (French Il, Is in English names).
        if shortWords.contains(base) { return base != key }
        for stem in stems where stem.count >= 4 && base.hasPrefix(stem) {
            let rest = base.dropFirst(stem.count)
            if suffixStarts.contains(where: { rest.hasPrefix($0) }) { return true }
        }
        return false
    }
}
