import DragomanKit
import Foundation
import Testing

/// The XLIFF reader on our own 1.2, 2.0 and 2.1 files, and on broken files.
struct XLIFFReaderTests {
    static func read(_ text: String, path: String = "t.xlf") throws -> BilingualDocument {
        try XLIFFReader.read(data: Data(text.utf8), path: path)
    }

    static func unit(_ document: BilingualDocument, _ id: String) throws -> BilingualUnit {
        try #require(document.units.first { $0.id == id }, "no unit \(id)")
    }

    @Test func version1LanguagesUnitsAndOrder() throws {
        let document = try Self.read(XLIFFFixtures.version1)
        #expect(document.format == "xliff-1.2")
        #expect(document.sourceLanguage == .english)
        #expect(document.targetLanguage == .turkish)
        #expect(document.units.map(\.id) == ["1", "2", "3", "4", "5#1", "5#2", "1"])
        #expect(
            document.units.map(\.file) == Array(repeating: "haber.html", count: 6) + ["duyuru.txt"])
    }

    @Test func version1InlineCodesAreLeftOutOfThePlainText() throws {
        let document = try Self.read(XLIFFFixtures.version1)
        let headline = try Self.unit(document, "1")
        #expect(headline.source == "The new ferry pier opens in Karşıyaka on Friday.")
        #expect(headline.target == "Yeni iskele cuma günü Karşıyaka'da açılıyor.")
        #expect(
            headline.sourceMarkup
                == "The new ferry pier opens in <g id=\"g1\">Karşıyaka</g> on Friday.")
        #expect(headline.note == "Headline of the item.")
        #expect(headline.state == "translated")
        #expect(headline.line == 6)

        let button = try Self.unit(document, "3")
        #expect(button.source == "Press Save to keep the timetable.")
        #expect(button.target == "Tarifeyi saklamak için Kaydet düğmesine basın.")
        #expect(
            button.sourceMarkup
                == "Press <bpt id=\"1\">&lt;b&gt;</bpt>Save<ept id=\"1\">&lt;/b&gt;</ept> to keep"
                + "<x id=\"2\"/> the timetable.")
        #expect(button.note == "Button label.\nKeep the tags.")
        #expect(button.state == "needs-review-translation")

        let price = try Self.unit(document, "4")
        #expect(price.source == "Tickets cost  lira for students.")
        #expect(price.target == nil)
        #expect(price.targetMarkup == nil)
        #expect(price.state == nil)

        let plain = try #require(document.units.last)
        #expect(plain.source == "Ferries run every \"half hour\" & at night.")
        #expect(plain.target == "Vapurlar her \"yarım saatte\" bir & gece de çalışıyor.")
        #expect(plain.sourceMarkup == nil)
        #expect(plain.note == nil)
    }

    @Test func version1SegmentsPairByMarker() throws {
        let document = try Self.read(XLIFFFixtures.version1)
        let first = try Self.unit(document, "5#1")
        #expect(first.source == "The pier was built in 14 months.")
        #expect(first.target == "İskele 14 ayda yapıldı.")
        #expect(first.sourceMarkup == nil)
        let second = try Self.unit(document, "5#2")
        #expect(second.source == "Work began in March.")
        #expect(second.target == "Çalışmalar mart ayında başladı.")
        #expect(second.sourceMarkup == "Work began in <mrk mtype=\"term\">March</mrk>.")
        #expect(first.line == second.line)
        // The proposal in <alt-trans> is not a unit.
        #expect(!document.units.contains { $0.source == "The pier was built." })
    }

    @Test func version1TranslateNoIsInheritedFromTheGroup() throws {
        let document = try Self.read(XLIFFFixtures.version1)
        #expect(document.units.filter { !$0.translatable }.map(\.id) == ["2"])
    }

    @Test func version1WithoutNamespaceOrTargetLanguage() throws {
        let document = try Self.read(XLIFFFixtures.untranslated)
        #expect(document.sourceLanguage == .german)
        #expect(document.targetLanguage == nil)
        #expect(document.units.count == 1)
        #expect(document.units[0].source == "Die Fähre fährt um acht Uhr ab.")
        #expect(document.units[0].target == nil)
        #expect(document.units[0].line == 2)
    }

    @Test func version2SegmentsNotesAndCodes() throws {
        let document = try Self.read(XLIFFFixtures.version2)
        #expect(document.format == "xliff-2.0")
        #expect(document.sourceLanguage == .turkish)
        #expect(document.targetLanguage == .german)
        #expect(document.units.map(\.id) == ["u1", "u2#a", "u2#b", "u2#3", "u3", "u4"])
        #expect(document.units.allSatisfy { $0.file == "f1" })

        let first = try Self.unit(document, "u1")
        #expect(first.source == "Belediye Başkanı Konak iskelesinde konuştu.")
        #expect(first.target == "Der Oberbürgermeister sprach am Anleger Konak.")
        #expect(
            first.sourceMarkup
                == "Belediye Başkanı <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Konak</pc>"
                + " iskelesinde konuştu.")
        #expect(first.note == "Bültenin ilk cümlesi.\nUnvan kısaltılmaz.")
        #expect(first.state == "translated")
        #expect(first.line == 4)

        // The ignorable space stays at the end of the segment before it.
        let a = try Self.unit(document, "u2#a")
        #expect(a.source == "Hat 12 istasyona uzanıyor. ")
        #expect(a.target == "Die Linie reicht bis zu 12 Haltestellen. ")
        #expect(a.sourceMarkup == "Hat 12 istasyona<ph id=\"2\" dataRef=\"d3\"/> uzanıyor. ")
        #expect(a.state == "final")
        #expect(a.line == 15)
        let b = try Self.unit(document, "u2#b")
        #expect(b.source == "Seferler sabah altıda başlıyor.")
        #expect(b.target == "Die Fahrten beginnen um sechs Uhr morgens.")
        #expect(b.state == nil)
        let third = try Self.unit(document, "u2#3")
        #expect(third.source == "Karşıyaka yolcuları sevindi.")
        #expect(third.target == nil)

        #expect(try Self.unit(document, "u3").translatable == false)
        let last = try Self.unit(document, "u4")
        #expect(last.source == "Bilet öğrenciler için 10 lira\u{7}.")
        #expect(last.note == nil)
        // Proposals of the matches module are not units.
        #expect(!document.units.contains { $0.source == "Başkan konuştu." })
    }

    @Test func version21() throws {
        let document = try Self.read(XLIFFFixtures.version21)
        #expect(document.format == "xliff-2.1")
        #expect(document.units.map(\.target) == ["Der Platz ist gesperrt."])
        #expect(document.units[0].line == 2)
    }

    @Test func leadingIgnorableGoesToTheFirstSegment() throws {
        let text = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="tr">
            <file id="f"><unit id="u"><ignorable><source>  </source></ignorable><segment><source>Hello.</source><target>Merhaba.</target></segment></unit></file></xliff>
            """
        let document = try Self.read(text)
        #expect(document.units.map(\.id) == ["u"])
        #expect(document.units[0].source == "  Hello.")
        #expect(document.units[0].target == "Merhaba.")
    }

    @Test func utf16WithByteOrderMark() throws {
        for encoding in [String.Encoding.utf16LittleEndian, .utf16BigEndian] {
            let text = XLIFFFixtures.version1.replacingOccurrences(
                of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let data = Data(bom) + text.data(using: encoding)!
            let document = try XLIFFReader.read(data: data, path: "u16.xlf")
            #expect(document.units == (try Self.read(XLIFFFixtures.version1)).units)
        }
    }

    @Test func readsAFileByURL() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dragoman-xliff-\(UUID().uuidString).xlf")
        try Data(XLIFFFixtures.version21.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try XLIFFReader.read(contentsOf: url).units.count == 1)
    }

    @Test func recognisesXLIFF() {
        #expect(XLIFFReader.looksLikeXLIFF(Array(XLIFFFixtures.version2.utf8)))
        #expect(
            XLIFFReader.looksLikeXLIFF(
                [0xFF, 0xFE] + Array(XLIFFFixtures.version1.data(using: .utf16LittleEndian)!)))
        #expect(!XLIFFReader.looksLikeXLIFF(Array("<tmx version=\"1.4\">".utf8)))
    }

    /// Broken files: each error is one line with the file, line and column.
    @Test(arguments: [
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body></file></xliff>", 1, 62,
            "not well-formed XML"
        ),
        ("<tmx version=\"1.4\"><body/></tmx>", 1, 1, "not <xliff>"),
        (
            "<xliff version=\"1.2\">\n  <file target-language=\"tr\"><body/></file></xliff>", 2, 3,
            "no source-language"
        ),
        (
            "<xliff version=\"1.2\">\n <file original=\"bülten.html\"><body/></file></xliff>", 2, 2,
            "no source-language"
        ),
        (
            "<xliff version=\"1.2\">\n<file source-language=\"e n\"><body/></file></xliff>", 2, 1,
            "not a language tag"
        ),
        ("<xliff version=\"2.0\" trgLang=\"tr\"><file id=\"f\"/></xliff>", 1, 1, "no srcLang"),
        ("<xliff version=\"1.1\"/>", 1, 1, "XLIFF 1.2, 2.0 and 2.1"),
        ("<xliff version=\"1.2\"/>", 1, 1, "no <file>"),
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body>\n<trans-unit><source>A"
                + "</source></trans-unit></body></file></xliff>", 2, 1, "no id"
        ),
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body>\n<trans-unit id=\"x\">"
                + "</trans-unit></body></file></xliff>", 2, 1, "no <source>"
        ),
        (
            "<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\">\n <unit id=\"u\"/></file></xliff>",
            2, 2, "no <segment>"
        ),
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body/></file>\n"
                + "<file source-language=\"de\"><body/></file></xliff>", 2, 1,
            "one language pair"
        ),
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body><trans-unit id=\"1\">"
                + "<source>Ticket", 1, 88, "cut short"
        ),
        (
            "<!DOCTYPE xliff [<!ENTITY a \"aaaa\">]>\n<xliff version=\"1.2\"><file "
                + "source-language=\"en\"><body/></file></xliff>", 1, 1, "entity declarations"
        ),
        (
            "<xliff version=\"1.2\"><file source-language=\"en\"><body><trans-unit id=\"1\">"
                + "<source>&nbsp;</source></trans-unit></body></file></xliff>", 1, 88,
            "DTDs are not read"
        ),
        ("", 1, 1, "empty"),
        ("   \n", 2, 1, "not XLIFF"),
    ])
    func brokenFiles(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try Self.read(text, path: "broken.xlf")
            Issue.record("read without an error: \(text)")
        } catch let error as XLIFFError {
            #expect(error.file == "broken.xlf")
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(!error.description.contains("\n"))
            #expect(error.description.hasPrefix("broken.xlf:\(error.line):\(error.column): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func invalidUTF8IsRefusedWithItsPlace() throws {
        var bytes = Array(
            "<xliff version=\"1.2\"><file source-language=\"en\"><body>\n<trans-unit id=\"1\"><source>Fiyat "
                .utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("</source></trans-unit></body></file></xliff>".utf8)
        let error = try #require(
            throws: XLIFFError.self,
            performing: { try XLIFFReader.read(data: Data(bytes), path: "bad.xlf") })
        #expect(error.line == 2)
        #expect(error.column > 1)
        #expect(error.message.contains("encoding"))
    }

    @Test func missingFileAndFolder() {
        let missing = URL(fileURLWithPath: "/nonexistent/dragoman/x.xlf")
        #expect(throws: XLIFFError.self) { try XLIFFReader.read(contentsOf: missing) }
        let folder = FileManager.default.temporaryDirectory
        do {
            _ = try XLIFFReader.read(contentsOf: folder)
            Issue.record("a folder was read")
        } catch let error as XLIFFError {
            #expect(error.message.contains("directory"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
