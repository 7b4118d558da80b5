import DragomanKit
import Foundation
import Testing

/// The scraped page the project started from: the article must come out whole and alone.
struct SeedNewsTests {
    let source: String
    let item: NewsItem

    init() throws {
        let url = SharedData.url("seeds/000_17e9f5ae0e22683b.txt")
        source = try TextInput.decode(Array(try Data(contentsOf: url)))
        item = NewsReader().read(source, fileName: url.lastPathComponent)
    }

    @Test func titleIsTheHeadline() {
        #expect(item.title?.text == "City Diplomacy Becoming Prominent")
        #expect(item.format == .plainText)
    }

    /// Every non-blank line of the file from "Online Turkey-Germany…" to "Participants of the
    /// meeting included…": the page has one line per paragraph.
    var articleLines: [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = lines.firstIndex(where: { $0.hasPrefix("Online Turkey-Germany") }),
            let last = lines.firstIndex(where: { $0.hasPrefix("Participants of the meeting") })
        else { return [] }
        return Array(lines[first...last])
    }

    @Test func bodyIsTheArticleParagraphsAndNothingElse() {
        #expect(articleLines.count == 4)
        #expect(item.paragraphs.map(\.text) == articleLines)
    }

    @Test(arguments: [
        "All News SHARE", "Previous News", "Next News", "Right Menu", "30° weather icon",
        "Page Content", "Official Logo", "instagram", "All News",
    ])
    func leavesOutTheMenus(_ furniture: String) {
        for paragraph in item.paragraphs {
            #expect(!paragraph.text.contains(furniture), "\(paragraph.text.prefix(60))")
        }
        #expect(item.title?.text.contains(furniture) != true)
    }

    @Test func paragraphsAreExactStretchesOfTheFile() {
        let scalars = Array(source.unicodeScalars)
        for paragraph in item.paragraphs + [item.title].compactMap({ $0 }) {
            let span = paragraph.sourceSpan
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[span])
            #expect(String(view) == paragraph.text)
        }
    }

    @Test func hasNoDateOrAddress() {
        #expect(item.date == nil)
        #expect(item.url == nil)
    }
}
