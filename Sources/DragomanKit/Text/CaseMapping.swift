/// Locale-aware case mapping: Turkish pairs İ/i and I/ı, German folds ß to ss.
public enum CaseMapping {
    /// Lower-cases with the language's rules: `İSTANBUL` → `istanbul` and `IRMAK` → `ırmak`
    /// in Turkish; `STRASSE` → `strasse` in German.
    public static func lowercase(_ text: String, language: Language) -> String {
        ICUStrings.lowercase(text, locale: language.code)
    }

    /// Upper-cases with the language's rules: `istanbul` → `İSTANBUL` in Turkish,
    /// `Straße` → `STRASSE` in German.
    public static func uppercase(_ text: String, language: Language) -> String {
        ICUStrings.uppercase(text, locale: language.code)
    }

    /// Case folding for caseless comparison within one language. Turkish and Azerbaijani fold
    /// I to ı and İ to i; every language folds ß to ss and final σ/ς alike.
    public static func fold(_ text: String, language: Language) -> String {
        ICUStrings.foldCase(text, turkic: language.isTurkic)
    }
}
