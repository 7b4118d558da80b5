import DragomanKit
import Foundation
import Testing

/// Smoke check of the news items shipped in `Memories/news`: the reader takes each one apart
/// the way its author wrote it, and each HTML page gives exactly the article of its text file.
struct ShippedNewsTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Memories/news")

    static func files(_ suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func read(_ name: String) throws -> (text: String, item: NewsItem) {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        let text = try TextInput.decode(bytes)
        return (text, NewsReader().read(text, fileName: name))
    }

    @Test func thereAreItemsInEveryLanguage() {
        for language in ["tr", "en", "de"] {
            #expect(Self.files(".\(language).txt").count >= 5)
        }
        #expect(Self.files(".html").count >= 3)
    }

    @Test(arguments: files(".txt"))
    func plainTextItemsReadAsWritten(_ name: String) throws {
        let (text, item) = try Self.read(name)
        let blocks = text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(item.title?.text == blocks.first)
        #expect(item.paragraphs.map(\.text) == Array(blocks.dropFirst()))
    }

    @Test(arguments: files(".html"))
    func htmlPagesGiveExactlyTheArticle(_ name: String) throws {
        let (_, item) = try Self.read(name)
        let (_, plain) = try Self.read(name.replacingOccurrences(of: ".html", with: ".txt"))
        func unbreakable(_ text: String?) -> String? {
            text?.replacingOccurrences(of: "\u{00A0}", with: " ")
        }
        #expect(item.format == .html)
        #expect(unbreakable(item.title?.text) == plain.title?.text)
        #expect(item.paragraphs.map { unbreakable($0.text) } == plain.paragraphs.map(\.text))
        #expect(item.date == "2026-09-07")
        #expect(item.url?.hasPrefix("https://www.izmir.bel.tr/") == true)
    }

    @Test(arguments: files(".html"))
    func htmlParagraphsMapBackToTheirCharacters(_ name: String) throws {
        let (text, item) = try Self.read(name)
        let source = Array(text.unicodeScalars)
        for paragraph in [item.title].compactMap({ $0 }) + item.paragraphs {
            for (i, scalar) in paragraph.text.unicodeScalars.enumerated() where scalar != " " {
                let found = source[paragraph.sourceOffset(i)]
                #expect(found == scalar || found == "&", "\(name): \(scalar) at \(i)")
            }
        }
    }

    @Test func pagesOfOneSiteReadTogether() throws {
        let names = Self.files(".html")
        let pages = try names.map { NewsPage(text: try Self.read($0).text, fileName: $0) }
        let together = NewsReader().read(pages: pages)
        let alone = try names.map { try Self.read($0).item }
        #expect(together == alone)
    }
}
