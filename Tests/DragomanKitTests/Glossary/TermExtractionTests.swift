import DragomanKit
import Testing

/// Term extraction on small aligned units of our own about municipalities.
struct TermExtractionTests {
    /// Units in en, tr and de about a district mayor, her ministry and her district.
    static let units: [ExtractionUnit] = [
        (
            "Yesterday the mayor of Karşıyaka, Selin Aksoy, opened a new park by the sea.",
            "Karşıyaka Belediye Başkanı Selin Aksoy dün sahilde yeni bir park açtı.",
            "Gestern eröffnete die Bürgermeisterin von Karşıyaka, Selin Aksoy, einen neuen Park am Meer."
        ),
        (
            "The park was built with funds from the Ministry of Environment.",
            "Park, Çevre Bakanlığı'nın verdiği fonla yapıldı.",
            "Der Park wurde mit Mitteln des Umweltministeriums gebaut."
        ),
        (
            "According to Selin Aksoy, the council of Karşıyaka will plant two thousand trees.",
            "Selin Aksoy'a göre Karşıyaka meclisi iki bin ağaç dikecek.",
            "Laut Selin Aksoy wird der Rat von Karşıyaka zweitausend Bäume pflanzen."
        ),
        (
            "Residents of Karşıyaka welcomed the plan of the Ministry of Environment.",
            "Çevre Bakanlığı'nın planı Karşıyaka'da memnuniyetle karşılandı.",
            "Die Einwohner von Karşıyaka begrüßten den Plan des Umweltministeriums."
        ),
        (
            "Next week Selin Aksoy will meet officials in Ankara.",
            "Selin Aksoy gelecek hafta Ankara'da yetkililerle görüşecek.",
            "Nächste Woche trifft Selin Aksoy Vertreter in Ankara."
        ),
        (
            "The bus network of Karşıyaka is growing fast.",
            "Otobüs ağı Karşıyaka'da hızla büyüyor.",
            "Das Busnetz von Karşıyaka wächst schnell."
        ),
        (
            "In Bayraklı the mayor opened a library for children.",
            "Bayraklı'da belediye başkanı çocuklar için bir kütüphane açtı.",
            "In Bayraklı eröffnete der Bürgermeister eine Bibliothek für Kinder."
        ),
        (
            "Buses will be free on the holiday.",
            "Bayramda otobüsler ücretsiz olacak.",
            "Am Feiertag fahren die Busse kostenlos."
        ),
    ].enumerated().map { index, texts in
        ExtractionUnit(
            id: "u\(index + 1)", texts: [.english: texts.0, .turkish: texts.1, .german: texts.2])
    }

    static func texts(_ language: Language, _ text: String) throws -> [String] {
        try TermCandidateFinder(language: language).candidates(in: text).map(\.text)
    }

    @Test func turkishEndingsAreCutAndTitlesSplitFromNames() throws {
        let found = try TermCandidateFinder(language: .turkish).candidates(
            in:
                "Dün Bornova Belediye Başkanı Ayşe Demir, Ankara'da Çevre Bakanlığı'nı ziyaret etti."
        )
        let byText = Dictionary(found.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["Bornova Belediye Başkanı"]?.isTitle == true)
        #expect(byText["Ayşe Demir"]?.isTitle == false)
        #expect(byText["Ankara"]?.ending == "da")
        #expect(byText["Çevre Bakanlığı"]?.isOrganisation == true)
        #expect(byText["Çevre Bakanlığı"]?.ending == "ni")
        // "Dün" opens the sentence and is a word of its own, not a name.
        #expect(!found.contains { $0.text.hasPrefix("Dün") })
    }

    @Test func offsetsPointAtTheNameWithoutItsEnding() throws {
        let text = "Yarın İzmir'de toplanacaklar."
        let found = try TermCandidateFinder(language: .turkish).candidates(in: text)
        let izmir = try #require(found.first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[izmir.start..<izmir.end])) == "İzmir")
    }

    @Test func englishNamesKeepInnerFunctionWords() throws {
        let found = try Self.texts(
            .english,
            "The Union of Municipalities of Turkey met the Mayor of Bornova on Monday.")
        #expect(found.contains("Union of Municipalities of Turkey"))
        #expect(found.contains("Mayor of Bornova"))
        #expect(!found.contains("Monday"))
        #expect(!found.contains { $0.hasPrefix("The") })
    }

    @Test func englishSentenceOpenersAreNotNames() throws {
        let found = try Self.texts(
            .english, "Buses run late. Yesterday Prime Minister Ela Kaya spoke in Ankara.")
        #expect(!found.contains("Buses"))
        #expect(found.contains("Prime Minister"))
        #expect(found.contains("Ela Kaya"))
        #expect(found.contains("Ankara"))
        #expect(!found.contains("Yesterday"))
    }

    @Test func germanSingleNounsNeedEvidence() throws {
        let found = try TermCandidateFinder(language: .german).candidates(
            in:
                "Die Stadt Bornova baut mit dem Umweltministerium einen Park für die Europäische Union."
        )
        let byText = Dictionary(found.map { ($0.text, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byText["Bornova"]?.needsEvidence == true)
        #expect(byText["Park"]?.needsEvidence == true)
        #expect(byText["Europäische Union"]?.needsEvidence == false)
        #expect(byText["Europäische Union"]?.isOrganisation == true)
        let title = try TermCandidateFinder(language: .german).candidates(
            in: "Morgen spricht die Außenministerin in Bornova.")
        #expect(title.contains { $0.text == "Außenministerin" && $0.isTitle && !$0.needsEvidence })
    }

    // Hand-computed: 10 units; the first term in 4, the second in 3, both in 3. The table is
    // a=3, b=1, c=0, d=6; expected counts 1.2, 2.8, 1.8, 4.2;
    // G² = 2·(3·ln(3/1.2) + 1·ln(1/2.8) + 6·ln(6/4.2)) = 2·(2.748872 − 1.029619 + 2.140050)
    //    = 7.718605; Dice = 2·3/(4+3) = 0.857143.
    @Test func diceAndLogLikelihoodByHand() {
        let association = Association(both: 3, first: 4, second: 3, units: 10)
        #expect(abs(association.dice - 0.857143) < 1e-6)
        #expect(abs(association.logLikelihood - 7.718605) < 1e-6)
        // a=2, b=0, c=0, d=6: G² = 2·(2·ln 4 + 6·ln(6/4.5)) = 8.997362.
        let perfect = Association(both: 2, first: 2, second: 2, units: 8)
        #expect(perfect.dice == 1)
        #expect(abs(perfect.logLikelihood - 8.997362) < 1e-6)
        // Meeting once where chance expects 2.5 meetings is no evidence of translation.
        #expect(Association(both: 1, first: 5, second: 5, units: 10).logLikelihood == 0)
    }

    @Test func pairsNamesAcrossThreeLanguages() throws {
        let entries = try TermExtractor(languages: [.english, .turkish, .german])
            .extract(Self.units)
        func entry(_ english: String) -> ExtractedEntry? {
            entries.first { $0.terms[.english] == english }
        }
        let person = try #require(entry("Selin Aksoy"))
        #expect(person.terms[.turkish] == "Selin Aksoy")
        #expect(person.terms[.german] == "Selin Aksoy")
        #expect(person.category == .person)
        #expect(person.frequency == 3)

        let place = try #require(entry("Karşıyaka"))
        #expect(place.terms[.turkish] == "Karşıyaka")
        #expect(place.terms[.german] == "Karşıyaka")
        #expect(place.category == .place)
        #expect(place.pairs[.german]?.both == 4)

        let ministry = try #require(entry("Ministry of Environment"))
        #expect(ministry.terms[.turkish] == "Çevre Bakanlığı")
        #expect(ministry.terms[.german] == nil)
        #expect(ministry.category == .organisation)
        #expect(ministry.exampleUnit == "u2")

        // Each term is linked once: the name is not also the district's rendering.
        let turkish = entries.compactMap { $0.terms[.turkish] }
        #expect(Set(turkish).count == turkish.count)
        #expect(entries == entries.sorted { $0.score > $1.score })
    }

    @Test func minimumFrequencyAndGlossaryFilter() throws {
        // The ministry occurs in two units only; the name and the district in three or more.
        let strict = try TermExtractor(
            languages: [.english, .turkish], minimumFrequency: 3
        ).extract(Self.units)
        #expect(strict.contains { $0.terms[.english] == "Selin Aksoy" })
        #expect(strict.contains { $0.terms[.english] == "Karşıyaka" })
        #expect(!strict.contains { $0.terms[.english] == "Ministry of Environment" })

        let glossary = try Glossary(
            entries: GlossaryTable.read(
                "id\ten\ttr\nkarsiyaka\tKarşıyaka\tKarşıyaka\n", format: .tsv
            ).entries)
        let entries = try TermExtractor(languages: [.english, .turkish], glossary: glossary)
            .extract(Self.units)
        #expect(!entries.contains { $0.terms[.english] == "Karşıyaka" })
        #expect(entries.contains { $0.terms[.english] == "Selin Aksoy" })
    }

    @Test func tableImportsAsAGlossaryWithEvidence() throws {
        let languages: [Language] = [.english, .turkish, .german]
        let entries = try TermExtractor(languages: languages).extract(Self.units)
        let table = ExtractedEntry.table(entries, languages: languages)
        #expect(
            table.hasPrefix(
                "id\tcategory\ten\ttr\tde\tnote\tscore\tdice\tfrequency\texample_unit\texample_text\n"
            ))
        let read = try GlossaryTable.read(table, format: .tsv, file: "proposals.tsv")
        #expect(read.entries.count == entries.count)
        let person = try #require(read.entries.first { $0.id == "person-selin-aksoy" })
        #expect(person.terms(in: .turkish).first?.text == "Selin Aksoy")
        #expect(person.properties["frequency"] == "3")
        #expect(person.properties["example_unit"] != nil)
        #expect(Double(person.properties["score"] ?? "") ?? 0 > 0)
    }
}
