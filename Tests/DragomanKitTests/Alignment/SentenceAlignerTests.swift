import DragomanKit
import Testing

struct SentenceAlignerTests {
    static func sentences(_ texts: [String], paragraphs: [Int]? = nil) -> [AlignmentSentence] {
        texts.enumerated().map { index, text in
            AlignmentSentence(
                text: text, start: index, end: index + 1, paragraph: paragraphs?[index] ?? 0)
        }
    }

    static let english = [
        "The mayor opened the new tram line on Monday.",
        "The line connects Buca and Bornova in 25 minutes.",
        "It cost 1,250 million lira.",
        "Trams will run every six minutes from 6 a.m.",
        "Tickets cost the same as on buses.",
    ]
    static let turkish = [
        "Belediye Başkanı yeni tramvay hattını pazartesi günü açtı.",
        "Hat, Buca ile Bornova'yı 25 dakikada birbirine bağlıyor.",
        "Hattın maliyeti 1.250 milyon lira oldu.",
        "Tramvaylar sabah 6'dan itibaren altı dakikada bir çalışacak.",
        "Biletler otobüslerle aynı fiyatta.",
    ]

    @Test func oneToOne() throws {
        let beads = try SentenceAligner(source: .english, target: .turkish)
            .align(Self.sentences(Self.english), Self.sentences(Self.turkish))
        #expect(beads.map(\.source) == [0..<1, 1..<2, 2..<3, 3..<4, 4..<5])
        #expect(beads.map(\.target) == [0..<1, 1..<2, 2..<3, 3..<4, 4..<5])
        #expect(beads.allSatisfy { !$0.flagged && $0.score > 0.5 })
    }

    @Test func aMergedTranslationIsATwoToOneBead() throws {
        var turkish = Self.turkish
        turkish[1] =
            "Hat, Buca ile Bornova'yı 25 dakikada birbirine bağlıyor ve 1.250 milyon liraya mal oldu."
        turkish.remove(at: 2)
        let beads = try SentenceAligner(source: .english, target: .turkish)
            .align(Self.sentences(Self.english), Self.sentences(turkish))
        #expect(beads.map(\.source) == [0..<1, 1..<3, 3..<4, 4..<5])
        #expect(beads.map(\.target) == [0..<1, 1..<2, 2..<3, 3..<4])
    }

    @Test func anOmittedSentenceIsFlaggedNotDropped() throws {
        var turkish = Self.turkish
        turkish.remove(at: 3)
        let beads = try SentenceAligner(source: .english, target: .turkish)
            .align(Self.sentences(Self.english), Self.sentences(turkish))
        let omission = try #require(beads.first { $0.target.isEmpty })
        #expect(omission.source == 3..<4)
        #expect(omission.flagged)
        #expect(beads.flatMap { Array($0.source) } == Array(0..<5))
        #expect(beads.flatMap { Array($0.target) } == Array(0..<4))
    }

    @Test func numbersThatDoNotMatchLowerTheScore() throws {
        var turkish = Self.turkish
        turkish[2] = "Hattın maliyeti 980 milyon lira oldu."
        let beads = try SentenceAligner(source: .english, target: .turkish)
            .align(Self.sentences(Self.english), Self.sentences(turkish))
        let right = try SentenceAligner(source: .english, target: .turkish)
            .align(Self.sentences(Self.english), Self.sentences(Self.turkish))
        #expect(beads[2].score < right[2].score)
    }

    @Test func paragraphsThatCorrespondAreRespected() throws {
        // Two short paragraphs whose lengths alone would pair them across the boundary.
        let a = Self.sentences(
            ["Short one.", "A much longer second sentence follows here.", "Third."],
            paragraphs: [0, 0, 1])
        let b = Self.sentences(
            ["Kısa bir cümle.", "Uzun ikinci cümle burada.", "Üçüncü cümle burada."],
            paragraphs: [0, 0, 1])
        let beads = try SentenceAligner(source: .english, target: .turkish).align(a, b)
        #expect(beads.last?.source == 2..<3)
        #expect(beads.last?.target == 2..<3)
    }

    @Test func emptySidesGiveFlaggedBeads() throws {
        let beads = try SentenceAligner(source: .english, target: .german).align(
            Self.sentences(["Only English."]), [])
        #expect(beads.count == 1)
        #expect(beads[0].flagged)
    }
}

struct MultilingualAlignerTests {
    @Test func threeLanguagesMakeUnitsWhereThePairsAgree() throws {
        let en = AlignmentDocument(
            language: .english,
            sentences: SentenceAlignerTests.sentences(SentenceAlignerTests.english))
        let tr = AlignmentDocument(
            language: .turkish,
            sentences: SentenceAlignerTests.sentences(SentenceAlignerTests.turkish))
        let german = [
            "Der Bürgermeister eröffnete am Montag die neue Straßenbahnlinie.",
            "Die Linie verbindet Buca und Bornova in 25 Minuten; sie kostete 1.250 Millionen Lira.",
            "Die Bahnen fahren ab 6 Uhr alle sechs Minuten.",
            "Fahrkarten kosten so viel wie im Bus.",
        ]
        let de = AlignmentDocument(
            language: .german, sentences: SentenceAlignerTests.sentences(german))
        let units = try MultilingualAligner().align([en, tr, de])
        #expect(units.count == 4)
        #expect(units[1].ranges[.english] == 1..<3)
        #expect(units[1].ranges[.turkish] == 1..<3)
        #expect(units[1].ranges[.german] == 1..<2)
        #expect(units[3].ranges[.german] == 3..<4)
    }

    @Test func sentencesWithoutPivotPartnerFormFlaggedUnits() {
        let pairwise: [(Language, [Bead])] = [
            (
                .turkish,
                [
                    Bead(source: 0..<1, target: 0..<1, score: 0.9, flagged: false),
                    Bead(source: 1..<1, target: 1..<2, score: 0.2, flagged: true),
                    Bead(source: 1..<2, target: 2..<3, score: 0.9, flagged: false),
                ]
            ),
            (
                .german,
                [
                    Bead(source: 0..<2, target: 0..<1, score: 0.8, flagged: false)
                ]
            ),
        ]
        let units = MultilingualAligner.mergeForTesting(pivot: .english, pairwise)
        #expect(units.count == 1)
        #expect(units[0].ranges[.english] == 0..<2)
        #expect(units[0].ranges[.turkish] == 0..<3)
        #expect(units[0].flagged)
    }
}
