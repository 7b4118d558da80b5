import DragomanKit
import Testing

struct FuzzyMatcherTests {
    static func score(_ language: Language, _ query: String, _ source: String) -> FuzzyScore {
        let matcher = FuzzyMatcher(language: language)
        return matcher.score(matcher.prepare(query), matcher.prepare(source))
    }

    static let sentence = "Büyükşehir Belediye Başkanı İzmir'de 14 Ekim'de yeni bir park açtı."

    @Test func identicalTextScores100() {
        #expect(Self.score(.turkish, Self.sentence, Self.sentence).score == 100)
    }

    @Test func whitespaceOnlyScoresJustBelow100() {
        let spaced = "Büyükşehir  Belediye Başkanı İzmir'de 14 Ekim'de yeni bir park açtı. "
        #expect(Self.score(.turkish, Self.sentence, spaced).score == 99)
    }

    @Test func caseOnlyScoresJustBelow100() {
        let lowered = "büyükşehir belediye başkanı İzmir'de 14 Ekim'de yeni bir park açtı."
        let result = Self.score(.turkish, Self.sentence, lowered)
        #expect((98...99).contains(result.score))
        #expect(result.differences.allSatisfy { $0.kind == .caseOrAccents })
    }

    @Test func punctuationOnlyScoresJustBelow100() {
        let result = Self.score(.turkish, Self.sentence, String(Self.sentence.dropLast()))
        #expect((97...99).contains(result.score))
    }

    @Test func aChangedNumberIsPenalizedAndShown() {
        let changed = "Büyükşehir Belediye Başkanı İzmir'de 15 Ekim'de yeni bir park açtı."
        let result = Self.score(.turkish, Self.sentence, changed)
        #expect(result.score < 90)
        #expect(result.score >= 80)
        #expect(result.differences.first?.kind == .number)
        #expect(result.differences.first?.query == 37..<39)
    }

    @Test func oneInsertedWord() {
        let longer = "Büyükşehir Belediye Başkanı İzmir'de 14 Ekim'de yeni bir büyük park açtı."
        let result = Self.score(.turkish, Self.sentence, longer)
        #expect((88...92).contains(result.score))
        #expect(result.differences.map(\.kind) == [.inserted])
    }

    @Test func aChangedTurkishSuffixCostsLittle() {
        let inflected = "Büyükşehir Belediye Başkanı İzmir'den 14 Ekim'de yeni bir park açtı."
        let result = Self.score(.turkish, Self.sentence, inflected)
        #expect((96...98).contains(result.score))
        #expect(result.differences.map(\.kind) == [.inflection])
    }

    @Test func germanInflectionCostsLittle() {
        let result = Self.score(
            .german, "Der Besuch des Bürgermeisters dauerte zwei Tage.",
            "Der Besuch des Bürgermeister dauerte zwei Tage.")
        #expect((95...98).contains(result.score))
    }

    @Test func aChangedNameIsPenalizedAndShown() {
        let result = Self.score(
            .english, "Mayor Jana Richter opened the exhibition.",
            "Mayor Anna Richter opened the exhibition.")
        #expect(result.differences.map(\.kind) == [.name])
        #expect(result.score < 85)
    }

    @Test func unrelatedTextsScoreLow() {
        #expect(
            Self.score(.english, "The tram line opened.", "Tickets cost the same as on buses.")
                .score < 30)
    }

    @Test func indexTermsAreStemsAndDigits() {
        let matcher = FuzzyMatcher(language: .turkish)
        // One term for the name however it is cased or inflected, one for the number however
        // it is grouped.
        #expect(matcher.indexTermHashes(of: "İzmir'de İZMİR'in Izmir").count == 1)
        #expect(matcher.indexTermHashes(of: "1.250") == matcher.indexTermHashes(of: "1,250"))
        #expect(matcher.indexTermHashes(of: "İzmir'de 1.250 fidan").count == 3)
        #expect(matcher.indexTermHashes(of: "kent") != matcher.indexTermHashes(of: "park"))
    }
}
