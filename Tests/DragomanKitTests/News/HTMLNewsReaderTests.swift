import DragomanKit
import Testing

struct HTMLNewsReaderTests {
    let reader = NewsReader()

    @Test func readsTheArticleOfAFurnishedPage() {
        let item = reader.read(NewsFixtures.englishPage, fileName: "tram.html")
        #expect(item.format == .html)
        #expect(item.title?.text == "New Tram Line Opens in Karşıyaka")
        #expect(item.paragraphs.map(\.text) == NewsFixtures.englishParagraphs)
        #expect(item.date == "2026-10-14")
        #expect(item.url == "https://www.example.gov/en/news/new-tram-line")
    }

    @Test func aSubheadingBetweenParagraphsIsKeptAndTheLinkListAfterIsNot() {
        let texts = reader.read(NewsFixtures.englishPage).paragraphs.map(\.text)
        #expect(texts.contains("Connections to the ferry"))
        #expect(!texts.contains { $0.contains("Related News") || $0.contains("Ferry timetable") })
        #expect(!texts.contains { $0.contains("All rights reserved") || $0.contains("Sunny") })
    }

    @Test func turkishPageWithEntitiesAndMetaDate() {
        let item = reader.read(NewsFixtures.turkishPage)
        #expect(item.title?.text == "Kent Ormanına 1.250 Fidan")
        #expect(item.date == "2026-11-02")
        #expect(item.url == "https://www.example.gov/tr/haber/kent-ormani")
        #expect(item.paragraphs.count == 2)
        #expect(
            item.paragraphs.first?.text.hasPrefix("İzmir Büyükşehir Belediyesi, Bornova'daki")
                == true)
        #expect(item.paragraphs.last?.text.hasSuffix("yatırımdır.” dedi.") == true)
    }

    @Test func germanPageWithTheDateInTheText() {
        let item = reader.read(NewsFixtures.germanPage)
        #expect(item.title?.text == "Neue Stadtbibliothek in Bergkamen eröffnet")
        #expect(item.date == "2026-10-14")
        #expect(item.url == nil)
        #expect(item.paragraphs.count == 2)
        #expect(
            item.paragraphs[0].text.hasPrefix("Die neue Stadtbibliothek am Rathausplatz") == true)
        #expect(item.paragraphs[1].text.hasSuffix("um 15 % verlängert."))
    }

    @Test func englishDateWrittenMonthFirst() {
        let item = reader.read(NewsFixtures.englishDatelinePage)
        #expect(item.title?.text == "Sister Cities Meet Online")
        #expect(item.date == "2026-10-14")
        #expect(item.paragraphs.count == 2)
    }

    @Test func pageWithoutDate() {
        let page = """
            <html><body><h1>Library Opens Late on Fridays</h1>
            <p>From next week the central library will stay open until ten o'clock on Fridays.</p>
            </body></html>
            """
        let item = reader.read(page)
        #expect(item.date == nil)
        #expect(item.paragraphs.count == 1)
    }

    @Test func malformedMarkupStillReads() {
        let item = reader.read(NewsFixtures.malformedPage)
        #expect(item.title?.text == "Festival Opens on the Seafront")
        #expect(
            item.paragraphs.map(\.text) == [
                "The International Street Theatre Festival opened on the seafront on Friday evening.",
                "More than 200 artists from 14 countries will perform until Sunday.",
                "Admission to all shows is free.",
            ])
    }

    @Test(arguments: [
        "", "<html></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<p>", "<<<>>>", "<!-- only a comment -->",
    ])
    func pagesWithoutAnArticleGiveNoParagraphs(_ page: String) {
        let item = reader.read(page, fileName: "empty.html")
        #expect(item.paragraphs.isEmpty)
    }

    @Test func twoLineBreaksEndAParagraphAndOneDoesNot() {
        let page = """
            <html><body><div class="text">The square will be closed to traffic on Saturday.<br>
            Buses will use Gazi Boulevard instead.<br><br>The market moves to the harbour car park for the day.</div></body></html>
            """
        let texts = reader.read(page).paragraphs.map(\.text)
        #expect(
            texts == [
                "The square will be closed to traffic on Saturday. Buses will use Gazi Boulevard instead.",
                "The market moves to the harbour car park for the day.",
            ])
    }

    @Test func inlineShareButtonsAreLeftOutOfTheParagraph() {
        let page = """
            <html><body><p>The ferry timetable changes on Monday for the winter season. <span class="share-inline"><a href="#">Share</a></span></p></body></html>
            """
        #expect(
            reader.read(page).paragraphs.map(\.text) == [
                "The ferry timetable changes on Monday for the winter season."
            ])
    }

    @Test func furnitureRepeatedAcrossPagesOfTheSiteIsDropped() {
        func page(_ body: String) -> String {
            """
            <html><body><div><p>Press Office of the Municipality. Tel. 0232 293 12 00.</p></div>
            <div>\(body)</div></body></html>
            """
        }
        let pages = [
            NewsPage(
                text: page(
                    "<p>The new ferry Karşıyaka II was launched at the shipyard in Tuzla on Monday morning.</p>"
                ),
                fileName: "a.html"),
            NewsPage(
                text: page(
                    "<p>Work on the coastal cycle path between Üçkuyular and Konak has been completed.</p>"
                ),
                fileName: "b.html"),
        ]
        let items = reader.read(pages: pages)
        #expect(items.map { $0.paragraphs.count } == [1, 1])
        #expect(items[0].paragraphs.first?.text.hasPrefix("The new ferry") == true)
        #expect(items[1].paragraphs.first?.text.hasPrefix("Work on the coastal") == true)
        // Read alone, the press office line looks like text and is kept.
        #expect(reader.read(pages[0].text).paragraphs.count == 2)
    }

    @Test func detectsHTMLByContent() {
        #expect(NewsReader.looksLikeHTML("<!DOCTYPE html><p>x</p>"))
        #expect(NewsReader.looksLikeHTML("<div><p>Text</p><p>More</p></div>"))
        #expect(!NewsReader.looksLikeHTML("Prices rose 5% <3 times> in İzmir."))
        #expect(!NewsReader.looksLikeHTML("Headline\n\nA paragraph with a <b>."))
        #expect(NewsReader.looksLikeHTML("<p>One paragraph.</p>", fileName: "page.html"))
    }
}

extension HTMLNewsReaderTests {
    @Test func deeplyNestedMarkupReads() {
        let depth = 20_000
        let page =
            String(repeating: "<div><span>", count: depth)
            + "<p>The text at the bottom of a very deep page is still read by the reader.</p>"
        let item = reader.read(page, fileName: "deep.html")
        #expect(item.paragraphs.count <= 1)
    }
}
