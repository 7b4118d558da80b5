import DragomanKit
import Testing

/// The form checks on sentences written for these tests: doubled words, spaces, end
/// punctuation, brackets, quotation marks and addresses.
struct FormChecksTests {
    static let checks: [any PairCheck] = [
        DoubledWordCheck(), DoubleSpaceCheck(), EdgeWhitespaceCheck(), EndPunctuationCheck(),
        BracketCheck(), QuoteCheck(), LinkCheck(),
    ]

    /// Correct translations: no finding but information.
    static let clean: [PairCheckCase] = [
        PairCheckCase(.english, "The rain slowly stopped.", .turkish, "Yağmur yavaş yavaş dindi."),
        PairCheckCase(
            .english, "The children played nicely.", .turkish, "Çocuklar güzel güzel oynadı."),
        PairCheckCase(
            .english, "The officials counted the votes one by one.", .turkish,
            "Görevliler oyları tek tek saydı."),
        PairCheckCase(
            .english, "The woman who reads the paper is a teacher.", .german,
            "Die Frau, die die Zeitung liest, ist Lehrerin."),
        PairCheckCase(
            .english, "The man she spoke to left.", .german,
            "Der Mann, mit dem der Bürgermeister sprach, ging."),
        PairCheckCase(
            .english, "The treaty that helps the country stays in force.", .german,
            "Der Vertrag, mit dem dem Land geholfen wird, bleibt in Kraft."),
        PairCheckCase(
            .turkish, "Planın başarısız olduğunu söyledi.", .english,
            "He said that that plan had failed."),
        PairCheckCase(
            .english, "The mayor spoke in İzmir.", .turkish, "Başkan İzmir'de konuştu."),
        PairCheckCase(
            .turkish, "Başkanlık ofisi yorum yapmadı.", .english,
            "The mayor's office didn't comment."),
        PairCheckCase(
            .turkish, "Öğrenci birliği toplandı.", .english, "The students' union met."),
        PairCheckCase(
            .english, "“That is good,” she said.", .german, "„Das ist gut“, sagte sie."),
        PairCheckCase(
            .english, "He shouted: “Stop!”", .german, "Er rief: „Halt!“"),
        PairCheckCase(
            .english, "“Open the doors!” the crowd shouted.", .turkish,
            "Kalabalık «Kapıları açın!» diye bağırdı."),
        PairCheckCase(
            .english, "The mayor (62) spoke first.", .german,
            "Der Bürgermeister (62) sprach zuerst."),
        PairCheckCase(.english, "Wait...", .turkish, "Bekleyin…"),
        PairCheckCase(
            .english, "Will the tram run on Sunday?", .german,
            "Fährt die Straßenbahn am Sonntag?"),
        PairCheckCase(.english, "Tram line opens", .turkish, "Tramvay hattı açılıyor."),
        PairCheckCase(
            .english, "She asked: “Why is the park closed?”", .turkish,
            "“Park neden kapalı?” diye sordu."),
        PairCheckCase(
            .english, "Details are at www.izmir.bel.tr today.", .turkish,
            "Ayrıntılar bugün www.izmir.bel.tr'de."),
        PairCheckCase(
            .english, "Write to info@izmir.bel.tr.", .german,
            "Schreiben Sie an info@izmir.bel.tr."),
        PairCheckCase(
            .english, "The 1990s were hard, and 2010-2015 too.", .turkish,
            "1990'lar zordu, 2010-2015 de öyle."),
    ]

    @Test(arguments: clean)
    func correctTranslationsAreClean(_ row: PairCheckCase) {
        // Clean: nothing, or only the information listed with the row.
        #expect(row.found(by: Self.checks) == row.expected)
        #expect(row.expected.allSatisfy { $0.severity == .info })
    }

    static let wrong: [PairCheckCase] = [
        PairCheckCase(
            .english, "The municipality and the governor spoke.", .turkish,
            "Belediye ve ve valilik açıklama yaptı.",
            [expect("form.doubled-word", .error, target: "ve ve")]),
        PairCheckCase(
            .turkish, "Başkan yeni müzeyi gezdi.", .english,
            "The mayor visited the the new museum.",
            [expect("form.doubled-word", .error, target: "the the")]),
        PairCheckCase(
            .english, "The city has signed the contract.", .german,
            "Die Stadt hat hat den Vertrag unterzeichnet.",
            [expect("form.doubled-word", .error, target: "hat hat")]),
        PairCheckCase(
            .turkish, "Park çocuklar için yapıldı.", .german,
            "Der Park wurde für die die Kinder gebaut.",
            [expect("form.doubled-word", .error, target: "die die")]),
        PairCheckCase(
            .english, "The mayor spoke in İzmir.", .turkish, "Başkan İzmir'de İzmir'de konuştu.",
            [expect("form.doubled-word", .error, target: "İzmir'de İzmir'de")]),
        PairCheckCase(
            .english, "The meeting starts tomorrow.", .turkish, "Toplantı  yarın başlıyor.",
            [expect("form.double-space", .warning, target: "  ")]),
        PairCheckCase(
            .english, "The mayor spoke.", .turkish, "Başkan konuştu. ",
            [expect("form.edge-whitespace", .warning, source: "", target: " ")]),
        PairCheckCase(
            .english, "Will the tram run on Sunday?", .turkish,
            "Tramvay pazar günü çalışacak.",
            [expect("form.end-punctuation", .warning, source: "?", target: ".")]),
        PairCheckCase(
            .english, "The mayor said:", .german, "Der Bürgermeister sagte",
            [expect("form.end-punctuation", .warning, source: ":", target: "")]),
        PairCheckCase(
            .english, "The council (in İzmir) opened a park.", .turkish,
            "Meclis (İzmir'de yeni bir park açtı.",
            [expect("form.brackets", .error, target: "(")]),
        PairCheckCase(
            .english, "The council (which met on Monday) agreed.", .turkish,
            "Pazartesi toplanan meclis anlaştı.",
            [expect("form.brackets", .warning, source: "(which met on Monday)")]),
        PairCheckCase(
            .english, "He said: “We will keep building.”", .german,
            "Er sagte: „Wir bauen weiter.",
            [expect("form.quotes", .warning, target: "„")]),
        PairCheckCase(
            .english, "She said “we will build it”.", .turkish,
            "İnşa edeceğimizi söyledi.",
            [expect("form.quotes", .warning, source: "“we will build it”")]),
        PairCheckCase(
            .english, "Write to info@izmir.bel.tr.", .german,
            "Schreiben Sie an info@izmir.bel.de.",
            [
                expect(
                    "form.links", .error, source: "info@izmir.bel.tr",
                    target: "info@izmir.bel.de")
            ]),
        PairCheckCase(
            .english, "Details are at https://www.izmir.bel.tr/en/news.", .turkish,
            "Ayrıntılar https://www.izmir.bel.tr/tr/haberler adresinde.",
            [
                expect(
                    "form.links", .warning, source: "https://www.izmir.bel.tr/en/news",
                    target: "https://www.izmir.bel.tr/tr/haberler")
            ]),
        PairCheckCase(
            .english, "Tickets are sold at kultur.example.org.", .turkish, "Biletler satışta.",
            [expect("form.links", .warning, source: "kultur.example.org")]),
    ]

    @Test(arguments: wrong)
    func formErrorsAreFound(_ row: PairCheckCase) {
        #expect(row.found(by: Self.checks) == row.expected)
    }
}
