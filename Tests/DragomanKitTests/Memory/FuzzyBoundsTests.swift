import DragomanKit
import Testing

/// The bounds that let look-up and the exhaustive scan skip exact scoring must never be
/// below the exact score, or a match would be lost.
struct FuzzyBoundsTests {
    static let sentences: [(Language, [String])] = [
        (
            .turkish,
            [
                "Büyükşehir Belediye Başkanı İzmir'de 14 Ekim'de yeni bir park açtı.",
                "Büyükşehir Belediye Başkanı İzmir'den 15 Ekim'de yeni bir park açtı.",
                "Belediye, Karşıyaka'daki kütüphaneyi 1.250 kitapla yeniledi.",
                "Karşıyaka'daki kütüphane yenilendi; açılış 17:45'te yapılacak.",
                "“Tramvay hattı yıl sonuna kadar bitecek” dedi Vali Öztürk.",
                "Yeni park, İzmir'in en büyük yeşil alanı olacak.",
            ]
        ),
        (
            .english,
            [
                "The mayor opened the new tram line on Monday.",
                "The mayor opened a new bus line on Monday, 3 March.",
                "Tickets cost 2.50 euros — the same as on buses.",
                "Castrop-Rauxel's council met the mayor's team (again).",
                "“We will finish the line by December,” the governor said.",
                "On Monday the new tram line was opened by the mayor.",
            ]
        ),
        (
            .german,
            [
                "Der Besuch des Bürgermeisters dauerte zwei Tage.",
                "Der Besuch der Bürgermeisterin dauerte drei Tage.",
                "Die Stadt eröffnete am 3. Oktober 12 neue Spielplätze.",
                "In Köln wurden 1.250,5 Tonnen Müll gesammelt – mehr als 2025.",
                "„Die Linie ist fertig“, sagte die Oberbürgermeisterin.",
                "Zwei Tage dauerte der Besuch des Bürgermeisters in Izmir.",
            ]
        ),
    ]

    @Test(arguments: sentences)
    func weightInTenthsIsThePreparedWeight(_ language: Language, _ texts: [String]) {
        let matcher = FuzzyMatcher(language: language)
        for text in texts {
            let weight = matcher.prepare(text).totalWeight
            #expect(
                FuzzyMatcher.weightInTenths(of: text) == Int((weight * 10).rounded()), "\(text)")
        }
    }

    @Test(arguments: sentences)
    func boundsAreNeverBelowTheScore(_ language: Language, _ texts: [String]) {
        let matcher = FuzzyMatcher(language: language)
        let prepared = texts.map(matcher.prepare)
        let keys = prepared.map(matcher.matchableKeys)
        var tight = 0
        for q in prepared.indices {
            for s in prepared.indices {
                let score = matcher.score(prepared[q], prepared[s]).score
                let weightBound = FuzzyMatcher.scoreBound(
                    weightInTenths: FuzzyMatcher.weightInTenths(of: texts[q]),
                    FuzzyMatcher.weightInTenths(of: texts[s]))
                let tokenBound = matcher.scoreBound(
                    prepared[q], queryKeys: keys[q], prepared[s], sourceKeys: keys[s])
                #expect(weightBound >= score, "\(texts[q]) / \(texts[s])")
                #expect(tokenBound >= score, "\(texts[q]) / \(texts[s])")
                if tokenBound < weightBound { tight += 1 }
            }
        }
        // The token bound is there to prune: it must be tighter than the weights alone
        // for most pairs of different sentences.
        #expect(tight >= texts.count * (texts.count - 1) / 2)
    }

    @Test func unrelatedSentencesAreBoundedLow() {
        let matcher = FuzzyMatcher(language: .english)
        let a = matcher.prepare("The mayor opened the new tram line on Monday.")
        let b = matcher.prepare("Rain is expected in the north over the weekend.")
        let bound = matcher.scoreBound(
            a, queryKeys: matcher.matchableKeys(a), b, sourceKeys: matcher.matchableKeys(b))
        #expect(bound < 50)
    }
}
