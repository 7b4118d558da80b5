import DragomanKit
import Testing

/// The number checks on sentences written for these tests: numbers written each language's
/// way must meet, and changed, missing, added numbers must be found with their spans.
struct NumberChecksTests {
    static let checks: [any PairCheck] = [NumbersCheck()]

    /// Correct translations: no finding but information.
    static let clean: [PairCheckCase] = [
        PairCheckCase(
            .english, "The council approved 1,250.5 tonnes of asphalt.", .turkish,
            "Meclis 1.250,5 ton asfaltı onayladı."),
        PairCheckCase(
            .english, "The index closed at 1.250 on Friday.", .german,
            "Der Index schloss am Freitag bei 1,25."),
        PairCheckCase(
            .english, "Tickets cost 1,250 lira.", .turkish, "Biletler 1.250 lira."),
        PairCheckCase(
            .english, "Unemployment fell to 5% last spring.", .turkish,
            "İşsizlik geçen bahar %5'e düştü."),
        PairCheckCase(
            .english, "Unemployment fell to 5.5 percent.", .german,
            "Die Arbeitslosigkeit sank auf 5,5 Prozent."),
        PairCheckCase(
            .turkish, "Oy oranı yüzde 38 oldu.", .german, "Die Stimmenquote lag bei 38 %."),
        PairCheckCase(
            .english, "The bridge will cost $3 million.", .turkish,
            "Köprü 3 milyon dolara mal olacak."),
        PairCheckCase(
            .english, "The bridge will cost $3 million.", .german,
            "Die Brücke wird 3 Millionen Dollar kosten."),
        PairCheckCase(
            .english, "The club paid €5 for each ticket.", .turkish,
            "Kulüp her bilet için 5 avro ödedi."),
        PairCheckCase(
            .english, "The company lost £3.5bn last year.", .german,
            "Das Unternehmen verlor im vergangenen Jahr 3,5 Mrd. Pfund."),
        PairCheckCase(
            .english, "Some 3 million people live on the island.", .german,
            "Auf der Insel leben rund 3.000.000 Menschen."),
        PairCheckCase(
            .turkish, "Kentte 4,5 milyon kişi yaşıyor.", .english,
            "The city is home to 4.5 million people."),
        PairCheckCase(
            .english, "She finished 3rd in the race.", .turkish,
            "Yarışı 3'üncü sırada bitirdi."),
        PairCheckCase(
            .english, "The fair opens on 3 October 2019.", .turkish,
            "Fuar 3 Ekim 2019'da açılıyor."),
        PairCheckCase(
            .english, "The fair opens on October 3, 2019.", .german,
            "Die Messe öffnet am 3. Oktober 2019."),
        PairCheckCase(
            .turkish, "Sergi 14 Şubat'ta kapanacak.", .german,
            "Die Ausstellung schließt am 14. Februar."),
        PairCheckCase(
            .english, "The ferry leaves at 10:30.", .turkish, "Vapur saat 10.30'da kalkıyor."),
        PairCheckCase(
            .english, "The ferry leaves at 10:30.", .german, "Die Fähre legt um 10.30 Uhr ab."),
        PairCheckCase(
            .english, "The meeting starts at 2:30 pm.", .german,
            "Die Sitzung beginnt um 14.30 Uhr."),
        PairCheckCase(
            .english, "The survey covered the years 2010-2015.", .german,
            "Die Erhebung umfasste die Jahre 2010–2015."),
        PairCheckCase(
            .english, "Two ministers resigned on Monday.", .turkish,
            "Pazartesi günü 2 bakan istifa etti."),
        PairCheckCase(
            .english, "Three of the 12 buses broke down.", .turkish,
            "12 otobüsten üçü bozuldu."),
        PairCheckCase(
            .english, "She won the district by 40 percentage points.", .turkish,
            "İlçeyi yüzde kırkı aşan bir farkla kazandı."),
        PairCheckCase(
            .english, "12 ministers signed the letter.", .turkish,
            "Mektubu on iki bakan imzaladı."),
        PairCheckCase(
            .turkish, "Toplantıya 25 kişi katıldı.", .english,
            "Twenty-five people attended the meeting."),
        PairCheckCase(
            .english, "22 people were hurt.", .german,
            "Zweiundzwanzig Menschen wurden verletzt."),
        PairCheckCase(
            .english, "A million visitors came to the festival.", .german,
            "1 Million Besucher kamen zum Fest."),
        PairCheckCase(
            .english, "Prices rose by 5% in 2019.", .turkish, "Fiyatlar 2019'da %5 arttı."),
        PairCheckCase(
            .english, "The city planted more than 1,250 trees.", .turkish,
            "Kent 1.250'den fazla ağaç dikti."),
        PairCheckCase(
            .english, "A 5% rise was expected.", .turkish, "%5'lik bir artış bekleniyordu."),
        PairCheckCase(
            .english, "The second bridge opened in the 1990s.", .german,
            "Die zweite Brücke wurde in den 1990er Jahren eröffnet."),
        PairCheckCase(
            .english, "Details are at www.izmir.bel.tr/2019 for now.", .turkish,
            "Ayrıntılar şimdilik www.izmir.bel.tr/2019 adresinde."),
        PairCheckCase(
            .german, "Das Fest findet am 3.10. statt.", .english,
            "The festival takes place on 3 October."),
        PairCheckCase(
            .german, "Die Sitzung am 03.10.2019 war kurz.", .english,
            "The meeting on October 3, 2019 was short."),
        PairCheckCase(
            .english, "The tunnel is 1.5 km long.", .turkish, "Tünel 1.5 km uzunluğunda."),
        PairCheckCase(
            .english, "Prices may rise by 2 percent in May.", .german,
            "Die Preise könnten im Mai um 2 Prozent steigen."),
        PairCheckCase(
            .english, "Between 30 and 43 percent of voters took part.", .turkish,
            "Seçmenlerin yüzde 30 ila 43'ü katıldı."),
        PairCheckCase(
            .english, "The rally drew 38 percent of the district.", .turkish,
            "Miting ilçenin yüzde otuz sekizini topladı."),
        PairCheckCase(
            .english, "The 550 pound bell was cast in 1890.", .german,
            "Die 250 Kilo schwere Glocke wurde 1890 gegossen.",
            [expect("numbers", .info, source: "550"), expect("numbers", .info, target: "250")]),
        PairCheckCase(
            .english, "The bridge costs $3.5 million.", Language(tag: "fr")!,
            "Le pont coûte 3,5 millions de dollars."),
        PairCheckCase(
            .english, "Inflation reached 4.2% last year.", Language(tag: "fr")!,
            "L'inflation a atteint 4,2 % l'an dernier."),
    ]

    @Test(arguments: clean)
    func correctTranslationsAreClean(_ row: PairCheckCase) {
        // Clean: nothing, or only the information listed with the row.
        #expect(row.found(by: Self.checks) == row.expected)
        #expect(row.expected.allSatisfy { $0.severity == .info })
    }

    /// Errors put into translations: each with the finding it must raise.
    static let wrong: [PairCheckCase] = [
        PairCheckCase(
            .english, "The bridge is 1,250 metres long.", .turkish,
            "Köprü 1.520 metre uzunluğunda.",
            [expect("numbers", .error, source: "1,250", target: "1.520")]),
        PairCheckCase(
            .english, "Inflation rose to 5%.", .turkish, "Enflasyon %6'ya yükseldi.",
            [expect("numbers.percent", .error, source: "5%", target: "%6")]),
        PairCheckCase(
            .english, "Turnout was 64 percent.", .german, "Die Wahlbeteiligung lag bei 64.",
            [expect("numbers.percent", .warning, source: "64 percent", target: "64")]),
        PairCheckCase(
            .english, "The vote is on 3 October.", .turkish, "Oylama 4 Ekim'de yapılacak.",
            [expect("numbers.date", .error, source: "3", target: "4")]),
        PairCheckCase(
            .english, "The vote is on 3 October.", .german, "Die Abstimmung ist am 3. November.",
            [expect("numbers.date", .error, source: "October", target: "November")]),
        PairCheckCase(
            .english, "The mayor opened 12 new schools and a library.", .turkish,
            "Belediye başkanı yeni okullar ve bir kütüphane açtı.",
            [expect("numbers", .warning, source: "12")]),
        PairCheckCase(
            .english, "The mayor opened new schools.", .german,
            "Der Bürgermeister eröffnete 7 neue Schulen.",
            [expect("numbers", .warning, target: "7")]),
        PairCheckCase(
            .english, "The ticket costs €20.", .turkish, "Bilet 20 dolar.",
            [expect("numbers.currency", .warning, source: "€20", target: "20 dolar")]),
        PairCheckCase(
            .english, "The project costs $3 million.", .turkish,
            "Proje 3 milyar dolara mal oluyor.",
            [expect("numbers.currency", .error, source: "$3 million", target: "3 milyar dolara")]
        ),
        PairCheckCase(
            .english, "The museum opened in 2019.", .german, "Das Museum wurde 2018 eröffnet.",
            [expect("numbers.date", .error, source: "2019", target: "2018")]),
        PairCheckCase(
            .english, "The museum opened in May 2019.", .turkish, "Müze mayısta açıldı.",
            [expect("numbers.date", .info, source: "2019")]),
        PairCheckCase(
            .english, "The ferry leaves at 10:30.", .turkish, "Vapur saat 11.30'da kalkıyor.",
            [expect("numbers.date", .error, source: "10:30", target: "11.30")]),
        PairCheckCase(
            .turkish, "Kentte 4,5 milyon kişi yaşıyor.", .german,
            "In der Stadt leben 45 Millionen Menschen.",
            [expect("numbers", .error, source: "4,5 milyon", target: "45 Millionen")]),
        PairCheckCase(
            .english, "The hall seats 1,250 people.", Language(tag: "fr")!,
            "La salle compte 1\u{202F}520 places.",
            [expect("numbers", .error, source: "1,250", target: "1\u{202F}520")]),
        PairCheckCase(
            .english, "Between 30 and 43 percent of voters took part.", .german,
            "Zwischen 30 und 43 der Wähler nahmen teil.",
            [
                expect("numbers.percent", .warning, source: "30", target: "30"),
                expect("numbers.percent", .warning, source: "43 percent", target: "43"),
            ]),
    ]

    @Test(arguments: wrong)
    func changedNumbersAreFound(_ row: PairCheckCase) {
        #expect(row.found(by: Self.checks) == row.expected)
    }

    @Test func spansAreScalarOffsets() throws {
        // "İ" and "ş" are one scalar each; the offsets count scalars, not bytes.
        let pair = SegmentPair(
            source: "İş 15 gün sürdü.", target: "Die Arbeit dauerte 16 Tage.",
            sourceLanguage: .turkish, targetLanguage: .german)
        let finding = try #require(NumbersCheck().findings(in: pair).first)
        #expect(finding.source == 3..<5)
        #expect(finding.target == 19..<21)
        #expect(finding.message.contains("“15”"))
        #expect(finding.message.contains("“16”"))
    }
}
