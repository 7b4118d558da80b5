import DragomanKit
import Testing

struct GlossaryMatcherReuseTests {
    static let texts: [(Language, String)] = [
        (.turkish, "İzmir'de Belediye Başkanı konuştu; İZMİR’İN valisi de oradaydı."),
        (.turkish, "Bursaspor Bursa'da, Ordu ordusuyla değil Ordu'da oynadı."),
        (.english, "The Mayor of Izmir met the Governor. The Mayor's office is in İzmir."),
        (.english, "2024 figures: 17 mayors, 3 governors and the EU's own staff."),
        (.german, "Der Oberbürgermeister von München sprach mit der Bürgermeisterin."),
        (.german, "Das Essen in Essen war gut, sagte die Europäische Kommission."),
    ]

    /// A matcher keeps what it learned about words from text to text, and a match shares its
    /// entry and term with other matches of the same term: neither may change what is found.
    @Test(arguments: [Language.turkish, .english, .german])
    func reusedMatcherFindsWhatAFreshOneFinds(_ language: Language) throws {
        let glossary = try GlossaryFixtures.glossary()
        let reused = GlossaryMatcher(glossary: glossary, language: language)
        let texts = Self.texts.filter { $0.0 == language }.map(\.1)
        for _ in 0..<2 {
            for text in texts {
                let fresh = GlossaryMatcher(glossary: glossary, language: language)
                let expected = fresh.matches(in: text)
                let found = reused.matches(in: text)
                #expect(!expected.isEmpty)
                #expect(found == expected)
                #expect(Set(found) == Set(expected))
                #expect(found.map(\.entryID) == expected.map(\.entryID))
                #expect(found.map(\.term) == expected.map(\.term))
            }
        }
    }

    /// Matches made by the public initializer compare and hash by their values.
    @Test func matchesCompareByValue() {
        let term = GlossaryTerm(language: .english, text: "Mayor")
        let a = GlossaryMatch(
            start: 4, end: 9, matched: "Mayor", entryID: "mayor", term: term, isVariant: false)
        let b = GlossaryMatch(
            start: 4, end: 9, matched: "Mayor", entryID: "mayor", term: term, isVariant: false)
        let other = GlossaryMatch(
            start: 4, end: 9, matched: "Mayor", entryID: "metro-mayor", term: term,
            isVariant: false)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != other)
        #expect(Set([a, b, other]).count == 2)
    }
}
