import DragomanKit
import Foundation
import Testing

/// Cases of our own, news-style, for the rules of the segmenter. Each case is the input with
/// its expected sentences separated by " | ".
struct SentenceSegmenterTests {
    static func split(_ language: Language, _ text: String) throws -> [String] {
        try SentenceSegmenter(language: language).segment(text).map(\.text)
    }

    static func expected(_ joined: String) -> [String] {
        joined.components(separatedBy: " | ")
    }

    @Test(arguments: [
        (
            "Prof. Dr. Ayşe Kaya, Doç. Dr. Mehmet Öz ile görüştü. Toplantı uzun sürdü.",
            "Prof. Dr. Ayşe Kaya, Doç. Dr. Mehmet Öz ile görüştü. | Toplantı uzun sürdü."
        ),
        (
            "Av. Zeynep Demir ve Op. Dr. Ali Can dün İzmir'e geldi. Ziyaret iki gün sürecek.",
            "Av. Zeynep Demir ve Op. Dr. Ali Can dün İzmir'e geldi. | Ziyaret iki gün sürecek."
        ),
        (
            "Kitaplar, dergiler vb. kültür ürünleri satıldı. Fuar pazar günü kapanacak.",
            "Kitaplar, dergiler vb. kültür ürünleri satıldı. | Fuar pazar günü kapanacak."
        ),
        (
            "Elma, armut, kiraz vb. Ayrıca sebze de satılıyor.",
            "Elma, armut, kiraz vb. | Ayrıca sebze de satılıyor."
        ),
        (
            "T.C. İzmir Valiliği açıklama yaptı. Açıklamada yeni kararlar yer aldı.",
            "T.C. İzmir Valiliği açıklama yaptı. | Açıklamada yeni kararlar yer aldı."
        ),
        (
            "Şirket, ABC Ltd. Şti.'ne devredildi. Devir işlemi tamamlandı.",
            "Şirket, ABC Ltd. Şti.'ne devredildi. | Devir işlemi tamamlandı."
        ),
        (
            "Cumhurbaşkanı Yrd. Doç. Dr. Oğuz Han'ı kabul etti.",
            "Cumhurbaşkanı Yrd. Doç. Dr. Oğuz Han'ı kabul etti."
        ),
        (
            "Kent, 2. Dünya Savaşı'nda büyük zarar gördü. Yeniden yapılanma yıllar sürdü.",
            "Kent, 2. Dünya Savaşı'nda büyük zarar gördü. | Yeniden yapılanma yıllar sürdü."
        ),
        (
            "Dava İzmir 14. Ağır Ceza Mahkemesi'nde görüldü. Karar ertelendi.",
            "Dava İzmir 14. Ağır Ceza Mahkemesi'nde görüldü. | Karar ertelendi."
        ),
        (
            "Festival bu yıl 35. kez düzenlendi. Katılım rekor kırdı.",
            "Festival bu yıl 35. kez düzenlendi. | Katılım rekor kırdı."
        ),
        (
            "Başkan, 3. Uluslararası Kent Diplomasisi Zirvesi'nde konuştu.",
            "Başkan, 3. Uluslararası Kent Diplomasisi Zirvesi'nde konuştu."
        ),
        (
            "İşsizlik oranı yüzde 9. Geçen yıl bu oran daha yüksekti.",
            "İşsizlik oranı yüzde 9. | Geçen yıl bu oran daha yüksekti."
        ),
        (
            "Toplam katılımcı sayısı 1 milyon 250 bin 400. Bu bir rekor.",
            "Toplam katılımcı sayısı 1 milyon 250 bin 400. | Bu bir rekor."
        ),
        (
            "Anlaşma 2024 yılında imzalandı. Tören 12 Mayıs 2024. Herkes davetliydi.",
            "Anlaşma 2024 yılında imzalandı. | Tören 12 Mayıs 2024. | Herkes davetliydi."
        ),
        (
            "Etkinlik 29 Ekim'de başlayacak. 10 gün sürecek etkinlikte konserler var.",
            "Etkinlik 29 Ekim'de başlayacak. | 10 gün sürecek etkinlikte konserler var."
        ),
        (
            "Başkan \"Kentimizi birlikte büyüteceğiz!\" diye konuştu. Salon alkışlarla doldu.",
            "Başkan \"Kentimizi birlikte büyüteceğiz!\" diye konuştu. | Salon alkışlarla doldu."
        ),
        (
            "“Neden bekliyoruz?” sorusu gündemde. Yanıt henüz yok.",
            "“Neden bekliyoruz?” sorusu gündemde. | Yanıt henüz yok."
        ),
        (
            "Herkes sustu... Sonra başkan söz aldı.",
            "Herkes sustu... | Sonra başkan söz aldı."
        ),
        (
            "Aslında... Bu konuyu daha önce de konuşmuştuk.",
            "Aslında... Bu konuyu daha önce de konuşmuştuk."
        ),
        (
            "Proje tamamlandı.Sonraki adım belli değil.",
            "Proje tamamlandı.Sonraki adım belli değil."
        ),
        (
            "Sonuçlar www.izmir.bel.tr adresinde yayımlandı. Başvurular sürüyor.",
            "Sonuçlar www.izmir.bel.tr adresinde yayımlandı. | Başvurular sürüyor."
        ),
        (
            "Şüpheli A.K. gözaltına alındı. Soruşturma sürüyor.",
            "Şüpheli A.K. gözaltına alındı. | Soruşturma sürüyor."
        ),
        (
            "Yazar M. Ali Yıldız yeni kitabını tanıttı.",
            "Yazar M. Ali Yıldız yeni kitabını tanıttı."
        ),
    ])
    func turkish(_ text: String, _ want: String) throws {
        #expect(try Self.split(.turkish, text) == Self.expected(want))
    }

    @Test(arguments: [
        (
            "Der Oberbürgermeister sprach am 3. Oktober in Bergkamen. Die Rede wurde gelobt.",
            "Der Oberbürgermeister sprach am 3. Oktober in Bergkamen. | Die Rede wurde gelobt."
        ),
        (
            "Es gab z. B. Konzerte, Lesungen u. a. Veranstaltungen. Der Eintritt war frei.",
            "Es gab z. B. Konzerte, Lesungen u. a. Veranstaltungen. | Der Eintritt war frei."
        ),
        (
            "Das heißt, d. h. alle Bürger sind eingeladen.",
            "Das heißt, d. h. alle Bürger sind eingeladen."
        ),
        (
            "Die Städtepartnerschaft besteht seit dem 12. Mai 1995. Sie wird gefeiert.",
            "Die Städtepartnerschaft besteht seit dem 12. Mai 1995. | Sie wird gefeiert."
        ),
        (
            "Das Fest fand zum 25. Mal statt. Es kamen viele Gäste.",
            "Das Fest fand zum 25. Mal statt. | Es kamen viele Gäste."
        ),
        (
            "Die Stadt liegt auf Platz 3. Im Vorjahr war sie noch Fünfte.",
            "Die Stadt liegt auf Platz 3. | Im Vorjahr war sie noch Fünfte."
        ),
        (
            "Der Haushalt umfasst 1,2 Mrd. Euro. Davon gehen 300 Mio. Euro in Schulen.",
            "Der Haushalt umfasst 1,2 Mrd. Euro. | Davon gehen 300 Mio. Euro in Schulen."
        ),
        (
            "Das Treffen ist im Rathaus, Kirchplatz Nr. 4. Beginn ist um 10 Uhr.",
            "Das Treffen ist im Rathaus, Kirchplatz Nr. 4. | Beginn ist um 10 Uhr."
        ),
        (
            "Sie sagte: „Wir feiern gemeinsam.“ Danach begann das Konzert.",
            "Sie sagte: „Wir feiern gemeinsam.“ | Danach begann das Konzert."
        ),
        (
            "„Kommen Sie alle!“, rief der Bürgermeister.",
            "„Kommen Sie alle!“, rief der Bürgermeister."
        ),
        (
            "Prof. Dr. Hans Weber von der Universität Dortmund hielt den Vortrag.",
            "Prof. Dr. Hans Weber von der Universität Dortmund hielt den Vortrag."
        ),
        (
            "Das Projekt kostet ca. 5 Mio. Euro. Es startet bald.",
            "Das Projekt kostet ca. 5 Mio. Euro. | Es startet bald."
        ),
        (
            "Gäste kamen aus Castrop-Rauxel, Bergkamen usw. Alle waren begeistert.",
            "Gäste kamen aus Castrop-Rauxel, Bergkamen usw. | Alle waren begeistert."
        ),
        ("Die Feier im 19. Jh. war bescheiden.", "Die Feier im 19. Jh. war bescheiden."),
    ])
    func german(_ text: String, _ want: String) throws {
        #expect(try Self.split(.german, text) == Self.expected(want))
    }

    @Test(arguments: [
        (
            "Mayor Dr. Smith met the delegation on Monday. They discussed trade.",
            "Mayor Dr. Smith met the delegation on Monday. | They discussed trade."
        ),
        (
            "The budget is $1.25 million. It was approved.",
            "The budget is $1.25 million. | It was approved."
        ),
        ("He moved to the U.S. in 1990.", "He moved to the U.S. in 1990."),
        (
            "The event ended at 9 p.m. The guests left.",
            "The event ended at 9 p.m. | The guests left."
        ),
        ("See p. 12 for details.", "See p. 12 for details."),
        ("Ms. J. K. Rowling was not there.", "Ms. J. K. Rowling was not there."),
        (
            "The mayor said, \"We will build it.\" Work starts in May.",
            "The mayor said, \"We will build it.\" | Work starts in May."
        ),
        ("Was it worth it? Many say yes.", "Was it worth it? | Many say yes."),
        (
            "It was the 2nd World War memorial. It opened in 1950.",
            "It was the 2nd World War memorial. | It opened in 1950."
        ),
        ("Visit www.example.org. It has more.", "Visit www.example.org. | It has more."),
    ])
    func english(_ text: String, _ want: String) throws {
        #expect(try Self.split(.english, text) == Self.expected(want))
    }

    /// With `splitsClauses`, a colon or semicolon followed by a space ends a unit as well; a
    /// time, a URL and a closing colon do not.
    @Test(arguments: [
        (
            Language.german, "Abstieg: Abseilen über die Route; Material: zwei Seile.",
            "Abstieg: | Abseilen über die Route; | Material: | zwei Seile."
        ),
        (
            .turkish, "Toplantı saat 10:30'da başladı; Başkan konuştu: \"Hoş geldiniz.\"",
            "Toplantı saat 10:30'da başladı; | Başkan konuştu: | \"Hoş geldiniz.\""
        ),
        (
            .english, "Details at https://example.org/news; the meeting opens at 10:30. Note:",
            "Details at https://example.org/news; | the meeting opens at 10:30. | Note:"
        ),
    ])
    func clausesAreCutWhenAsked(_ language: Language, _ text: String, _ joined: String) throws {
        let clauses = try SentenceSegmenter(language: language, splitsClauses: true)
        #expect(clauses.segment(text).map(\.text) == Self.expected(joined))
        let sentences = try SentenceSegmenter(language: language).segment(text)
        #expect(sentences.count < Self.expected(joined).count)
    }

    @Test func blankLineIsAHardBreak() throws {
        let text =
            "City Diplomacy Becoming Prominent\n\nThe mayor spoke in the morning\n\nAfterwards"
        #expect(
            try Self.split(.english, text)
                == [
                    "City Diplomacy Becoming Prominent", "The mayor spoke in the morning",
                    "Afterwards",
                ])
    }

    @Test func wrappedLineContinuesTheSentence() throws {
        let text =
            "Der Bürgermeister eröffnete die\nAusstellung am Morgen. Sie läuft\nbis zum Sonntag."
        #expect(
            try Self.split(.german, text)
                == [
                    "Der Bürgermeister eröffnete die\nAusstellung am Morgen.",
                    "Sie läuft\nbis zum Sonntag.",
                ])
    }

    @Test func bulletsStartItems() throws {
        #expect(
            try Self.split(.english, "Topics: • Transport • Housing • Culture")
                == ["Topics:", "• Transport", "• Housing", "• Culture"])
    }

    @Test func numberedListWithoutPunctuation() throws {
        #expect(
            try Self.split(.english, "1) Open the file 2) Read it 3) Close it")
                == ["1) Open the file", "2) Read it", "3) Close it"])
    }

    @Test func otherLanguagesFallBackToICU() throws {
        let french = try SentenceSegmenter(language: Language(tag: "fr")!)
        #expect(
            french.segment("M. Dupont est arrivé. Il est content.").map(\.text)
                == ["M. Dupont est arrivé.", "Il est content."])
    }

    @Test func offsetsAreUnicodeScalarOffsetsOfTheInput() throws {
        // A leading space, CR LF, an emoji outside the BMP and decomposed characters.
        let text = " Çok güzel 😀 oldu.\r\nİzmir'e geldi. Ve sonra"
        let sentences = try SentenceSegmenter(language: .turkish).segment(text)
        let scalars = Array(text.unicodeScalars)
        #expect(sentences.count == 3)
        for sentence in sentences {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[sentence.start..<sentence.end])
            #expect(String(view) == sentence.text)
        }
        #expect(sentences.first?.start == 1)
        #expect(sentences.last?.end == scalars.count)
    }

    @Test func emptyAndWhitespaceOnlyInputGiveNoSentences() throws {
        #expect(try Self.split(.turkish, "").isEmpty)
        #expect(try Self.split(.turkish, " \n\n \t").isEmpty)
    }

    @Test func turkishRegionalTagUsesTurkishRules() throws {
        let segmenter = try SentenceSegmenter(language: Language(tag: "tr-TR")!)
        #expect(segmenter.segment("Prof. Dr. Ali geldi.").count == 1)
    }
}
