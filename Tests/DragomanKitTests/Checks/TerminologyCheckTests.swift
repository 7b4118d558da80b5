import DragomanKit
import Testing

@Suite struct TerminologyCheckTests {
    @Test func missingTermIsMarkedInTheSource() throws {
        let source = "The mayor visited the flooded streets on Sunday."
        let found = try CheckFixtures.run(
            TerminologyCheck(), .english, .turkish, source,
            "Başkan pazar günü sular altında kalan sokakları gezdi.")
        #expect(found.map(\.check) == ["terminology.missing"])
        #expect(found.first?.severity == .warning)
        #expect(CheckFixtures.text(found.first?.source, source) == "mayor")
        #expect(found.first?.message.contains("Belediye Başkanı") == true)
    }

    @Test(arguments: [
        // Inflected in Turkish and German, an admitted variant, a translated place name.
        (
            Language.english, Language.turkish, "The mayor spoke to the press.",
            "Belediye Başkanı'nın açıklaması basına dağıtıldı."
        ),
        (
            .turkish, .german, "Belediye Başkanı yeni parkı açtı.",
            "Die Bürgermeisterin eröffnete den neuen Park."
        ),
        (
            .english, .german, "The delegation from Munich arrived.",
            "Die Delegation aus München ist angekommen."
        ),
        (.turkish, .german, "Türkiye'nin ihracatı arttı.", "Die Exporte der Türkei stiegen."),
        (.english, .german, "The city council met.", "Die Stadträte trafen sich."),
    ])
    func correctTranslationsStayClean(
        from: Language, to: Language, source: String, target: String
    ) throws {
        #expect(try CheckFixtures.run(TerminologyCheck(), from, to, source, target).isEmpty)
    }

    @Test func forbiddenAndDeprecatedTermsInTheTarget() throws {
        let target = "Der Großstadtbürgermeister besuchte jeden Landkreis."
        let found = try CheckFixtures.run(
            TerminologyCheck(), .english, .german,
            "The metropolitan mayor visited every district.", target)
        #expect(found.map(\.check) == ["terminology.forbidden", "terminology.forbidden"])
        #expect(found.map(\.severity) == [.error, .warning])
        #expect(CheckFixtures.text(found[0].target, target) == "Großstadtbürgermeister")
        #expect(CheckFixtures.text(found[1].target, target) == "Landkreis")
        #expect(found[0].message.contains("Oberbürgermeister"))
    }

    @Test func variantSpellingWithoutDiacritics() throws {
        let target = "Die Delegation aus Munchen traf ein."
        let found = try CheckFixtures.run(
            TerminologyCheck(), .english, .german, "The delegation from Munich arrived.", target)
        #expect(found.map(\.check) == ["terminology.variant"])
        #expect(found.first?.severity == .error)
        #expect(CheckFixtures.text(found.first?.target, target) == "Munchen")
    }

    @Test func dottedIIsLeftToItsOwnCheck() throws {
        let found = try CheckFixtures.run(
            TerminologyCheck(), .english, .turkish, "The ferry to Izmir leaves hourly.",
            "Izmir'e giden vapur her saat kalkıyor.")
        #expect(found.isEmpty)
    }
}
