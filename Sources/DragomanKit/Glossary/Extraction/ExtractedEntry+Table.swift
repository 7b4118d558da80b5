extension ExtractedEntry {
    /// The columns of a proposal table: the glossary's own (`id`, `category`, the languages,
    /// `note`) and the evidence, which `glossary import` keeps as entry properties.
    public static func columns(languages: [Language]) -> [GlossaryTable.Column] {
        [.id, .category] + languages.map { .terms($0, name: $0.code) } + [.note]
            + ["score", "dice", "frequency", "example_unit", "example_text"].map {
                .property($0)
            }
    }

    /// The proposals as a glossary table a reviewer edits and imports.
    public static func table(
        _ entries: [ExtractedEntry], languages: [Language], format: GlossaryTable.Format = .tsv
    ) -> String {
        var ids: Set<String> = []
        let rows = entries.map { entry in
            var id = entry.suggestedID(pivot: languages.first ?? .english)
            var number = 2
            while ids.contains(id) {
                id = entry.suggestedID(pivot: languages.first ?? .english) + "-\(number)"
                number += 1
            }
            ids.insert(id)
            return entry.glossaryEntry(id: id)
        }
        return GlossaryTable.write(rows, format: format, columns: columns(languages: languages))
    }

    /// The category and the pivot term as a slug: `person-theresa-may`.
    public func suggestedID(pivot: Language) -> String {
        let text = terms[pivot] ?? terms.values.sorted().first ?? "term"
        var slug = ""
        for scalar in MatchKey.make(text).unicodeScalars {
            let isAlphanumeric =
                (scalar.value >= 0x61 && scalar.value <= 0x7A)
                || (scalar.value >= 0x30 && scalar.value <= 0x39)
            if isAlphanumeric {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (category?.rawValue ?? "term") + "-" + (slug.isEmpty ? "x" : slug)
    }

    /// The entry as it would stand in the glossary, its evidence as properties.
    public func glossaryEntry(id: String) -> GlossaryEntry {
        let ordered = terms.keys.sorted { Language.displayOrder($0) < Language.displayOrder($1) }
        return GlossaryEntry(
            id: id, category: category,
            terms: ordered.map {
                GlossaryTerm(
                    language: $0, text: terms[$0]!,
                    partOfSpeech: category == .title ? .noun : .properNoun)
            },
            properties: [
                "score": Self.rounded(score, places: 1), "dice": Self.rounded(dice, places: 3),
                "frequency": String(frequency), "example_unit": exampleUnit,
                "example_text": exampleText,
            ])
    }

    private static func rounded(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let whole = (value * scale).rounded()
        let integer = Int(whole / scale)
        let fraction = Int(abs(whole.truncatingRemainder(dividingBy: scale)))
        let digits = String(fraction)
        return "\(integer)." + String(repeating: "0", count: places - digits.count) + digits
    }
}
