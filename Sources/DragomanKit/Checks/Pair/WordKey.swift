/// A cheap match key for the short words the pair checks look up (numerals, months, units,
/// function words): lower case, Turkish dotted and dotless i alike, the diacritics of Turkish
/// and German letters dropped, ß as ss.
///
/// ``MatchKey`` does the same through ICU for any script; the checks read every word of
/// every pair, and this table-driven fold keeps them fast.
enum WordKey {
    static func make(_ word: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                key.append(
                    scalar.properties.isUppercase
                        ? Unicode.Scalar(scalar.value + 32)! : scalar)
                continue
            }
            if let folded = folds[scalar] {
                key.append(contentsOf: folded.unicodeScalars)
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            for part in lower {
                if let folded = folds[part] {
                    key.append(contentsOf: folded.unicodeScalars)
                } else if part.properties.generalCategory != .nonspacingMark {
                    key.append(part)
                }
            }
        }
        return String(key)
    }

    private static let folds: [Unicode.Scalar: String] = [
        "ı": "i", "İ": "i", "ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g", "ö": "o", "Ö": "o",
        "ş": "s", "Ş": "s", "ü": "u", "Ü": "u", "ä": "a", "Ä": "a", "ß": "ss", "ẞ": "ss",
        "â": "a", "Â": "a", "î": "i", "Î": "i", "û": "u", "Û": "u", "é": "e", "É": "e",
        "è": "e", "È": "e", "ê": "e", "à": "a", "á": "a", "ó": "o", "í": "i", "ú": "u",
        "ñ": "n", "’": "'",
    ]
}
