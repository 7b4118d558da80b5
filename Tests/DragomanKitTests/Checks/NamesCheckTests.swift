import DragomanKit
import Testing

@Suite struct NamesCheckTests {
    @Test func lostDiacriticsAreAnError() throws {
        let source = "Belediye Başkanı Tunç Soyer yeni parkı açtı."
        let target = "Mayor Tunc Soyer opened the new park."
        let found = try CheckFixtures.run(NamesCheck(), .turkish, .english, source, target)
        #expect(found.map(\.check) == ["names"])
        #expect(found.first?.severity == .error)
        #expect(CheckFixtures.text(found.first?.source, source) == "Tunç")
        #expect(CheckFixtures.text(found.first?.target, target) == "Tunc")
    }

    @Test func missingNameIsAWarning() throws {
        let source = "The report was written by Anna Lindqvist and Ömer Aksoy."
        let found = try CheckFixtures.run(
            NamesCheck(), .english, .turkish, source, "Raporu Anna Lindqvist yazdı.")
        #expect(found.map(\.severity) == [.warning])
        #expect(CheckFixtures.text(found.first?.source, source) == "Ömer Aksoy")
    }

    @Test(arguments: [
        // Turkish suffixes, genitive s, a name translated through the glossary, German nouns.
        (
            Language.english, Language.turkish, "The speech by Tunç Soyer was short.",
            "Tunç Soyer'in konuşması kısaydı."
        ),
        (
            .turkish, .german, "Konuşmayı Tunç Soyer yaptı.",
            "Die Rede hielt Tunç Soyers Stellvertreter."
        ),
        (
            .english, .german, "Students from Cologne visited Munich.",
            "Schüler aus Köln besuchten München."
        ),
        (
            .german, .english, "Die Stadt baut neue Wohnungen und Schulen.",
            "The city is building new flats and schools."
        ),
        (
            .english, .turkish, "The talks with Anna Lindqvist ended on Monday.",
            "Anna Lindqvist ile görüşmeler pazartesi sona erdi."
        ),
        (
            .english, .german, "He met officials in North Korea.",
            "Er traf Beamte in Nordkorea."
        ),
        // Place names spelled the target language's way.
        (
            .english, .turkish, "The storm reached Mexico and California on Friday.",
            "Fırtına cuma günü Meksika'ya ve Kaliforniya'ya ulaştı."
        ),
        (
            .english, .german, "Voters in Macedonia and Indonesia went to the polls.",
            "Wähler in Makedonien und Indonesien gingen zur Wahl."
        ),
    ])
    func correctTranslationsStayClean(
        from: Language, to: Language, source: String, target: String
    ) throws {
        #expect(try CheckFixtures.run(NamesCheck(), from, to, source, target).isEmpty)
    }

    @Test func unrelatedWordsDoNotPassForAName() throws {
        #expect(NamesCheck.soundsAlike("mexico", "meksika"))
        #expect(NamesCheck.soundsAlike("indonesia", "endonezya"))
        #expect(NamesCheck.soundsAlike("philadelphia", "filadelfiya"))
        #expect(!NamesCheck.soundsAlike("wales", "galler"))
        #expect(!NamesCheck.soundsAlike("london", "lindqvist"))
        let source = "The mayor of Bergkamen met the mayor of Konak."
        let found = try CheckFixtures.run(
            NamesCheck(), .english, .turkish, source, "Bergamo belediye başkanı Konak'ta görüştü.")
        #expect(found.map(\.severity) == [.warning])
        #expect(CheckFixtures.text(found.first?.source, source) == "Bergkamen")
    }

    @Test func germanSourceNeedsForeignLettersForAMissingName() throws {
        let found = try CheckFixtures.run(
            NamesCheck(), .german, .turkish, "Die Rede hielt Şule Yılmaz im Rathaus.",
            "Konuşmayı belediye binasında yaptı.")
        #expect(found.map(\.severity) == [.warning])
    }
}
