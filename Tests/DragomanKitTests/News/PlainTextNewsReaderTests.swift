import DragomanKit
import Testing

struct PlainTextNewsReaderTests {
    let reader = NewsReader()

    static let turkishItem = """
        Karşıyaka Tramvayına Yeni Durak

        14 Ekim 2026

        İzmir Büyükşehir Belediyesi, Karşıyaka tramvay hattına yeni bir durak ekledi. Durak, \
        Alaybey İskelesi'nin hemen karşısında yer alıyor.

        Yolcu Sayısı Artıyor

        Ulaşım Dairesi Başkanı Prof. Dr. Kemal Durmaz, hattın günlük yolcu sayısının \
        geçen yıla göre %15 arttığını söyledi.

        Paylaş
        Önceki Haber
        Sonraki Haber
        """

    @Test func readsTitleBodyAndDateline() {
        let item = reader.read(Self.turkishItem, fileName: "durak.tr.txt")
        #expect(item.format == .plainText)
        #expect(item.title?.text == "Karşıyaka Tramvayına Yeni Durak")
        #expect(item.date == "2026-10-14")
        #expect(item.paragraphs.count == 3)
        #expect(item.paragraphs.first?.text.hasPrefix("İzmir Büyükşehir Belediyesi") == true)
        #expect(item.paragraphs.last?.text.hasSuffix("%15 arttığını söyledi.") == true)
    }

    /// A translator wants a subheading that stands between two paragraphs of the article: it
    /// is text to translate. Menu lines after the last paragraph are not.
    @Test func keepsASubheadingInsideTheArticle() {
        let texts = reader.read(Self.turkishItem).paragraphs.map(\.text)
        #expect(texts.contains("Yolcu Sayısı Artıyor"))
        #expect(!texts.contains { $0.contains("Paylaş") || $0.contains("Haber") })
    }

    @Test func paragraphsAreExactStretchesWithExactOffsets() {
        let source =
            "Title line\r\n\r\n  First paragraph of the item, with İzmir'de inside.\r\n"
            + "\r\nSecond paragraph: it is here.  \r\n"
        let item = reader.read(source)
        let scalars = Array(source.unicodeScalars)
        #expect(item.title?.text == "Title line")
        #expect(item.paragraphs.count == 2)
        for paragraph in item.paragraphs + [item.title!] {
            let text = Array(paragraph.text.unicodeScalars)
            for i in text.indices { #expect(scalars[paragraph.sourceOffset(i)] == text[i]) }
            #expect(Array(scalars[paragraph.sourceSpan]) == text)
            #expect(paragraph.sourceOffset(text.count) == paragraph.sourceSpan.upperBound)
        }
        #expect(item.paragraphs[0].sourceOffset(0) == 16)
    }

    @Test func wrappedLinesStayInOneParagraph() {
        let source = """
            Festival Programme Announced

            The programme of the 3. International Puppet Festival was announced on
            Monday. Performances will take place in twelve venues across the city
            and in four villages of the district.
            """
        let item = reader.read(source)
        #expect(item.paragraphs.count == 1)
        #expect(item.paragraphs.first?.text.contains("announced on\nMonday.") == true)
    }

    @Test func aHeadlineGluedToTheFirstParagraphIsSplitOff() {
        let source = """
            Seafront Closed for Marathon
            The seafront road between Konak and Alsancak will be closed on Sunday morning for the \
            city marathon. Buses will take the inner roads.
            """
        let item = reader.read(source)
        #expect(item.title?.text == "Seafront Closed for Marathon")
        #expect(item.paragraphs.count == 1)
    }

    @Test(arguments: ["", "   \n\n  \n", "Home\nNews\nContact"])
    func pagesWithoutAnArticleGiveNoParagraphs(_ page: String) {
        let item = reader.read(page)
        #expect(item.paragraphs.isEmpty)
        #expect(item.date == nil)
    }

    @Test(
        arguments: [
            ("14 Ekim 2026", "2026-10-14"),
            ("14. Oktober 2026", "2026-10-14"),
            ("October 14, 2026", "2026-10-14"),
            ("14 October 2026", "2026-10-14"),
            ("Oct. 3rd 2026", "2026-10-03"),
            ("Yayın tarihi: 02.11.2026", "2026-11-02"),
            ("2026-03-01", "2026-03-01"),
            ("1 Şubat 2027 Pazartesi", "2027-02-01"),
            ("Bremen, 29. Februar 2028", "2028-02-29"),
            ("31 Kasım 2026", nil),
            ("am 14. Oktober", nil),
        ] as [(String, String?)])
    func readsDatelines(_ dateline: String, _ expected: String?) {
        let page = """
            Headline of the Item

            \(dateline)

            The first paragraph of the item is long enough to be running text of the article.
            """
        #expect(reader.read(page).date == expected)
    }

    @Test func linesRepeatedOnOtherPagesAreFurniture() {
        let footer = "\n\nThe Press Office answers questions on weekdays."
        let pages = [
            "Tram Line Opens\n\nThe new tram line opened on Tuesday with a ceremony at the pier."
                + footer,
            "Library Reopens\n\nThe central library reopened on Monday after two years of works."
                + footer,
        ].enumerated().map { NewsPage(text: $1, fileName: "\($0).txt") }
        let items = reader.read(pages: pages)
        #expect(items.map(\.paragraphs.count) == [1, 1])
        #expect(items.map { $0.title?.text } == ["Tram Line Opens", "Library Reopens"])
    }
}
