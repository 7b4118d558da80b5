import DragomanKit
import Testing

@Suite struct MemoryChecksTests {
    let memory = DictionaryMemory(entries: [
        "The city council meets on Tuesday.": "Der Stadtrat tagt am Dienstag."
    ])

    @Test func differentTranslationFromTheMemory() throws {
        let found = try CheckFixtures.run(
            MemoryConsistencyCheck(), .english, .german, "The city council meets on Tuesday.",
            "Der Stadtrat kommt am Dienstag zusammen.", memory: memory)
        #expect(found.map(\.check) == ["memory.inconsistent"])
        #expect(found.first?.message.contains("Der Stadtrat tagt am Dienstag.") == true)
    }

    @Test func sameTranslationAfterNormalizationIsClean() throws {
        #expect(
            try CheckFixtures.run(
                MemoryConsistencyCheck(), .english, .german, "the city council meets on Tuesday",
                "Der  Stadtrat tagt am Dienstag", memory: memory
            ).isEmpty)
    }

    @Test func sameSourceTranslatedTwoWaysInOneDocument() throws {
        func unit(_ id: String, _ source: String, _ target: String) -> CheckUnit {
            CheckUnit(
                id: id,
                pair: SegmentPair(
                    source: source, target: target, sourceLanguage: .english,
                    targetLanguage: .turkish))
        }
        let document = CheckDocument(
            sourceLanguage: .english, targetLanguage: .turkish,
            units: [
                unit("1", "The museum is closed on Mondays.", "Müze pazartesi günleri kapalı."),
                unit("2", "Thank you.", "Teşekkürler."),
                unit("3", "The museum is closed on Mondays.", "Müze pazartesileri açık değil."),
                unit("4", "Thank you.", "Sağ olun."),
            ])
        let found = SelfConsistencyCheck().findings(in: document, context: CheckContext())
        // Two-word sentences may rightly vary; the repeated full sentence may not.
        #expect(found.map(\.unit) == [2])
        #expect(found.first?.finding.check == "memory.self-inconsistent")
    }
}
