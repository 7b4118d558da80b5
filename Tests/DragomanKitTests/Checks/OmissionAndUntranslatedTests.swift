import DragomanKit
import Testing

@Suite struct OmissionCheckTests {
    @Test func emptyTargetIsAnOmission() throws {
        let found = try CheckFixtures.run(
            OmissionCheck(), .english, .german, "Volunteers cleaned the beach on Saturday.", "")
        #expect(found.map(\.check) == ["omission"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.source == 0..<41)
    }

    @Test func farShorterAndFarLongerTargets() throws {
        let short = try CheckFixtures.run(
            OmissionCheck(), .english, .turkish,
            "The new bridge will shorten the journey between the two districts by twenty minutes.",
            "Yeni köprü yolu kısaltacak.")
        #expect(short.map(\.check) == ["omission"])
        #expect(short.first?.severity == .warning)
        let long = try CheckFixtures.run(
            OmissionCheck(), .turkish, .german, "Kütüphane yarın açılıyor.",
            "Die Bibliothek öffnet morgen, und es gibt Lesungen, ein Kinderprogramm und ein Konzert."
        )
        #expect(long.map(\.check) == ["addition"])
    }

    @Test func ordinaryLengthsStayClean() throws {
        #expect(
            try CheckFixtures.run(
                OmissionCheck(), .english, .german,
                "The market takes place every Saturday on the square.",
                "Der Markt findet jeden Samstag auf dem Platz statt."
            ).isEmpty)
    }
}

@Suite struct UntranslatedCheckTests {
    @Test func copiedOrSourceLanguageTarget() throws {
        let copied = try CheckFixtures.run(
            UntranslatedCheck(), .english, .turkish, "The library stays open until midnight.",
            "The library stays open until midnight.")
        #expect(copied.map(\.check) == ["untranslated"])
        let english = try CheckFixtures.run(
            UntranslatedCheck(), .english, .german, "Residents can apply until the end of May.",
            "Residents can apply for the grant until the end of this month.")
        #expect(english.map(\.severity) == [.error])
    }

    @Test(arguments: [
        ("Ankara, 3 Ekim", "Ankara, 3 October"),
        ("Il faut bien le faire.", "Il faut bien le faire."),
        ("Kütüphane gece yarısına kadar açık.", "The library stays open until midnight."),
    ])
    func namesNumbersAndQuotationsStayClean(source: String, target: String) throws {
        #expect(
            try CheckFixtures.run(UntranslatedCheck(), .turkish, .english, source, target)
                .isEmpty)
    }
}
