/// The key under which two sentences count as the same for the consistency checks: the match
/// key (case, diacritics, quotes, spacing folded) without the final punctuation, so that
/// `İzmir’de` and `Izmir'de.` meet while any change of words keeps two sentences apart.
enum ConsistencyKey {
    static func make(_ text: String) -> String {
        var key = MatchKey.make(text)
        while let last = key.unicodeScalars.last,
            last.properties.generalCategory.isPunctuation || last == " "
        {
            key.unicodeScalars.removeLast()
        }
        return key
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }
}
