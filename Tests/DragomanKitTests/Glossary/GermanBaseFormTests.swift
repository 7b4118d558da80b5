import Testing

@testable import DragomanKit

/// German names proposed in the nominative: the adjective's strong ending by the gender the
/// articles before the name show, the noun without its genitive or dative ending.
struct GermanBaseFormTests {
    typealias Sighting = GermanBaseForm.Sighting

    /// Sightings written as "article|words", the article empty where none stands.
    static func sightings(_ list: [String]) -> [Sighting: Int] {
        var result: [Sighting: Int] = [:]
        for item in list {
            let parts = item.split(separator: "|", omittingEmptySubsequences: false)
            let sighting = Sighting(
                words: parts[1].split(separator: " ").map(String.init),
                preceding: String(parts[0]))
            result[sighting, default: 0] += 1
        }
        return result
    }

    /// (sightings, the spelling seen most, the form to propose)
    static let cases: [([String], String, String)] = [
        // Masculine: der + -e is the nominative; the genitive -es of the noun goes.
        (
            [
                "des|Deutschen Wetterdienstes", "der|Deutsche Wetterdienst",
                "vom|Deutschen Wetterdienst", "des|Deutschen Wetterdienstes",
            ], "Deutschen Wetterdienstes", "Deutscher Wetterdienst"
        ),
        // Feminine: die + -e, zur.
        (
            [
                "der|Europäischen Zentralbank", "die|Europäische Zentralbank",
                "zur|Europäischen Zentralbank", "der|Europäischen Zentralbank",
            ], "Europäischen Zentralbank", "Europäische Zentralbank"
        ),
        // Neuter: das.
        (
            ["des|Roten Kreuzes", "beim|Roten Kreuz", "das|Rote Kreuz", "des|Roten Kreuzes"],
            "Roten Kreuzes", "Rotes Kreuz"
        ),
        (
            ["im|Bayerischen Landtag", "den|Bayerischen Landtag", "der|Bayerische Landtag"],
            "Bayerischen Landtag", "Bayerischer Landtag"
        ),
        // Plural: die + -en; a dative plural loses its -n.
        (
            [
                "den|Vereinigten Arabischen Emiraten", "die|Vereinigten Arabischen Emirate",
                "die|Vereinigten Arabischen Emirate",
            ], "Vereinigten Arabischen Emirate", "Vereinigte Arabische Emirate"
        ),
        // A noun alone: the genitive goes when the nominative was seen too.
        (["des|Bundesrates", "im|Bundesrat", "des|Bundesrates"], "Bundesrates", "Bundesrat"),
        // Only genitives, masculine or neuter by the article: the -s goes by rule.
        (["des|Stadtrats", "des|Stadtrats"], "Stadtrats", "Stadtrat"),
        // Nothing tells the gender: the adjective stays as most often written.
        (["|Neuen Zeitung", "|Neue Zeitung", "|Neuen Zeitung"], "Neuen Zeitung", "Neuen Zeitung"),
        // People's names and names that end in -e do not decline.
        (["|Christine Vogel", "|Christine Vogel"], "Christine Vogel", "Christine Vogel"),
        (["|Lake Tahoe", "am|Lake Tahoe"], "Lake Tahoe", "Lake Tahoe"),
        (["|Merkels", "|Merkel", "|Merkels"], "Merkels", "Merkel"),
        // A plural after die keeps its -s: a singular seen once does not make it a genitive.
        (["die|Falcons", "der|Falcons", "die|Falcon"], "Falcons", "Falcons"),
        // An attribute after für keeps its case: only the head group changes.
        (
            ["des|Bundesamtes für Migration", "das|Bundesamt für Migration"],
            "Bundesamtes für Migration", "Bundesamt für Migration"
        ),
    ]

    @Test(arguments: cases)
    func baseForm(_ seen: [String], _ written: String, _ expected: String) {
        #expect(GermanBaseForm.base(of: Self.sightings(seen), written: written) == expected)
    }

    /// Units of our own in which three German names stand in several cases.
    static let units: [ExtractionUnit] = [
        (
            "The German Weather Service warned of storms on the coast.",
            "Alman Meteoroloji Servisi kıyıda fırtına uyarısı yaptı.",
            "Der Deutsche Wetterdienst warnte vor Stürmen an der Küste."
        ),
        (
            "According to the German Weather Service, the rain will last until Sunday.",
            "Alman Meteoroloji Servisi'ne göre yağmur pazara kadar sürecek.",
            "Nach Angaben des Deutschen Wetterdienstes hält der Regen bis Sonntag an."
        ),
        (
            "Data from the German Weather Service show a warm October.",
            "Alman Meteoroloji Servisi'nin verileri ılık bir ekim gösteriyor.",
            "Daten vom Deutschen Wetterdienst zeigen einen warmen Oktober."
        ),
        (
            "Volunteers of the Red Cross brought blankets to the families.",
            "Kızılhaç gönüllüleri ailelere battaniye getirdi.",
            "Freiwillige des Roten Kreuzes brachten den Familien Decken."
        ),
        (
            "In the evening the Red Cross opened a shelter near the station.",
            "Kızılhaç akşam istasyonun yakınında bir barınak açtı.",
            "Am Abend öffnete das Rote Kreuz eine Notunterkunft am Bahnhof."
        ),
        (
            "The donors were thanked by the Red Cross.",
            "Bağışçılara Kızılhaç teşekkür etti.",
            "Die Spender erhielten einen Dank vom Roten Kreuz."
        ),
        (
            "The European Central Bank left its rates unchanged.",
            "Avrupa Merkez Bankası faiz oranlarını değiştirmedi.",
            "Die Europäische Zentralbank ließ ihre Zinsen unverändert."
        ),
        (
            "Economists expect a cut from the European Central Bank.",
            "Ekonomistler Avrupa Merkez Bankası'ndan indirim bekliyor.",
            "Ökonomen erwarten eine Senkung von der Europäischen Zentralbank."
        ),
        (
            "Many banks follow the decisions of the European Central Bank.",
            "Birçok banka Avrupa Merkez Bankası'nın kararlarını izliyor.",
            "Viele Banken folgen den Entscheidungen der Europäischen Zentralbank."
        ),
    ].enumerated().map { index, texts in
        ExtractionUnit(
            id: "g\(index + 1)", texts: [.english: texts.0, .turkish: texts.1, .german: texts.2])
    }

    @Test func extractionProposesGermanNamesInTheNominative() throws {
        let entries = try TermExtractor(languages: [.english, .turkish, .german])
            .extract(Self.units)
        let byEnglish = Dictionary(
            entries.compactMap { entry in entry.terms[.english].map { ($0, entry) } },
            uniquingKeysWith: { a, _ in a })
        let weather = try #require(byEnglish["German Weather Service"])
        #expect(weather.terms[.german] == "Deutscher Wetterdienst")
        #expect(weather.terms[.turkish] == "Alman Meteoroloji Servisi")
        #expect(byEnglish["Red Cross"]?.terms[.german] == "Rotes Kreuz")
        let bank = try #require(byEnglish["European Central Bank"])
        #expect(bank.terms[.german] == "Europäische Zentralbank")
        #expect(bank.terms[.turkish] == "Avrupa Merkez Bankası")
    }

    @Test func theWordBeforeACandidateIsKept() throws {
        let found = try TermCandidateFinder(language: .german).candidates(
            in: "Ein Sprecher des Weißen Hauses widersprach, im Weißen Haus blieb es still.")
        let preceding = found.filter { $0.text.hasPrefix("Weiß") }.map(\.precedingWord)
        #expect(preceding == ["des", "im"])
    }
}
