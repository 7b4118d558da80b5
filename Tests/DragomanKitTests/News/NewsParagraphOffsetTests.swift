import DragomanKit
import Testing

/// Offsets of a paragraph's text map back to the HTML source the paragraph was read from.
struct NewsParagraphOffsetTests {
    let source = NewsFixtures.englishPage
    var scalars: [Unicode.Scalar] { Array(source.unicodeScalars) }
    var item: NewsItem { NewsReader().read(source) }

    func slice(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    @Test func aParagraphOnOneLineWithoutEntitiesSlicesExactly() throws {
        let paragraph = try #require(item.paragraphs.last)
        #expect(paragraph.text == "The council expects 45,000 passengers a day in the first year.")
        #expect(slice(paragraph.sourceSpan) == paragraph.text)
        let title = try #require(item.title)
        #expect(slice(title.sourceSpan) == title.text)
    }

    @Test func everyCharacterMapsToItsPlaceInTheSource() {
        for paragraph in item.paragraphs {
            for (i, scalar) in paragraph.text.unicodeScalars.enumerated() where scalar != " " {
                let found = scalars[paragraph.sourceOffset(i)]
                let character = slice(paragraph.sourceRange(i..<i + 1))
                if found == "&" {
                    #expect(character.hasSuffix(";"), "\(character)")
                } else {
                    #expect(found == scalar, "\(paragraph.text.prefix(30)) at \(i)")
                    #expect(character == String(scalar))
                }
            }
        }
    }

    @Test func entitiesMapToTheWholeReference() throws {
        let paragraph = try #require(item.paragraphs.first { $0.text.hasPrefix("Passengers") })
        let text = Array(paragraph.text.unicodeScalars)
        let u = try #require(text.firstIndex(of: "ü"))
        #expect(slice(paragraph.sourceRange(u..<u + 1)) == "&uuml;")
        let m = u - 1
        #expect(slice(paragraph.sourceRange(m..<u + 4)) == "M&uuml;lle")
        let amp = try #require(text.firstIndex(of: "&"))
        #expect(slice(paragraph.sourceRange(amp..<amp + 1)) == "&amp;")
    }

    @Test func aSentenceAcrossALineBreakCoversItsSourceLines() throws {
        let paragraph = try #require(item.paragraphs.first)
        let sentence = "The line is 12.4 kilometres long and has 19 stops."
        let text = paragraph.text
        let start = text.unicodeScalars.count - sentence.unicodeScalars.count
        let range = start..<text.unicodeScalars.count
        #expect(slice(paragraph.sourceRange(range)) == sentence)
        let first = "The new tram line between Karşıyaka and Bornova was opened on Tuesday with a"
        #expect(slice(paragraph.sourceRange(0..<76)).hasPrefix(first))
        #expect(slice(paragraph.sourceRange(0..<78)) == first + "\n  c")
    }

    @Test func lineBreaksWrittenAsCRLFMapToo() throws {
        let page =
            "<html>\r\n<body>\r\n<h1>A Headline</h1>\r\n<p>One paragraph of text,\r\n"
            + "written on two lines &amp; ended here.</p>\r\n</body></html>"
        let item = NewsReader().read(page)
        let scalars = Array(page.unicodeScalars)
        let paragraph = try #require(item.paragraphs.first)
        #expect(paragraph.text == "One paragraph of text, written on two lines & ended here.")
        let w = Array(paragraph.text.unicodeScalars).firstIndex(of: "w")!
        #expect(scalars[paragraph.sourceOffset(w)] == "w")
        #expect(scalars[paragraph.sourceOffset(w - 1)] == "\r")
        let end = paragraph.sourceSpan.upperBound
        #expect(String(String.UnicodeScalarView(scalars[(end - 8)..<(end + 4)])) == "ed here.</p>")
    }
}
