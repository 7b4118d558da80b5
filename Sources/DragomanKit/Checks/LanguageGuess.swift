/// Which of Turkish, English and German a text reads as, from its function words: enough to
/// tell a sentence left in the source language from a translation, with no model to ship.
///
/// The lists hold frequent words of one language that are not words of the other two
/// (`in`, `an`, `also`, `da` are left out for that reason).
enum LanguageGuess {
    static let functionWords: [Language: Set<String>] = [
        .english: [
            "the", "and", "of", "to", "is", "are", "was", "were", "that", "with", "for", "this",
            "it", "they", "he", "she", "have", "has", "been", "from", "which", "would", "will",
            "not", "but", "by", "their", "said", "who", "on", "at", "or", "be", "had", "its",
            "after", "there", "what", "when", "we", "you", "our", "than", "more", "about",
        ],
        .german: [
            "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "ein",
            "eine", "einen", "einer", "sich", "auf", "für", "zu", "wird", "werden", "hat",
            "haben", "sie", "er", "auch", "wurde", "dass", "nach", "bei", "aus", "wie", "noch",
            "oder", "sind", "war", "im", "zum", "zur", "über", "vor", "nur", "es", "wir",
        ],
        .turkish: [
            "ve", "bir", "bu", "için", "ile", "olarak", "olan", "daha", "çok", "gibi", "ama",
            "ancak", "değil", "kadar", "sonra", "her", "ki", "mi", "ise", "diye", "dedi",
            "oldu", "var", "yok", "göre", "tarafından", "arasında", "şu", "olduğunu", "de",
            "büyük", "yeni", "ayrıca", "önce", "üzere", "ilk", "iki", "bin", "milyon",
        ],
    ]

    /// Counts of function words of each language among `words` (lower-cased word tokens).
    static func counts(_ words: [String]) -> [Language: Int] {
        var result: [Language: Int] = [:]
        for (language, list) in functionWords {
            result[language] = words.reduce(0) { $0 + (list.contains($1) ? 1 : 0) }
        }
        return result
    }
}
