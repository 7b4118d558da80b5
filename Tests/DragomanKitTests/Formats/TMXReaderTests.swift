import DragomanKit
import Foundation
import Testing

/// Reads the shared TMX samples and hand-made broken files.
struct TMXReaderTests {
    static let samples = SharedData.url("data/formats/samples")

    static func read(
        _ input: TMXReader.Input, limits: TMXReader.Limits = .init()
    ) throws -> (units: [TranslationUnit], warnings: [TMXWarning]) {
        var units: [TranslationUnit] = []
        var warnings: [TMXWarning] = []
        try TMXReader(limits: limits, chunkSize: 97).read(input, warning: { warnings.append($0) }) {
            units.append($0)
        }
        return (units, warnings)
    }

    static func read(_ text: String) throws -> [TranslationUnit] {
        try read(.bytes(Array(text.utf8), name: "test.tmx")).units
    }

    static func sample(_ name: String) throws -> [TranslationUnit] {
        try read(.file(samples.appendingPathComponent(name).path)).units
    }

    /// The plain text of each unit's variants, by language code.
    static func texts(_ unit: TranslationUnit) -> [String: String] {
        var texts: [String: String] = [:]
        for language in unit.languages { texts[language.code] = unit.plainText(language) }
        return texts
    }

    @Test func utf16LevelTwoSampleGivesSevenPairsWithoutCodes() throws {
        let units = try Self.sample("okapi_compkit_ImportTest2A_utf16_level2.tmx")
        let expected: [(String, String)] = [
            ("The big black cat sleeps.", "Le gros chat noir dors."),
            (
                "Test for special characters = <=lt, >=gt, &=amp, \"=quot.",
                "Test pour caractères spéciaux = <=lt, >=gt, &=amp, \"=quot."
            ),
            (
                "Nested formatting = Bold+Italic+Underlined, Bold+Italic, Bold.",
                "Format en gigogne = gras+italique+souligné, gras+italique, gras."
            ),
            ("First sentence.", "Première phrase."),
            ("Second sentence.", "Seconde phrase."),
            ("Picture:", "Image:"),
            ("Some text with a part highlighted.", "Du texte avec une portion délimitée."),
        ]
        try #require(units.count == 7)
        for (unit, (english, french)) in zip(units, expected) {
            let texts = Self.texts(unit)
            #expect(texts["en"]?.trimmingCharacters(in: .whitespaces) == english)
            #expect(texts["fr"]?.trimmingCharacters(in: .whitespaces) == french)
            #expect(
                unit.properties[TMXNames.languageTag(Language(tag: "fr")!)]?.lowercased() == "fr-ca"
            )
        }
        // The markup stays in the stored text.
        #expect(units[0].variants[.english]?.text.contains("<bpt i=\"1\"") == true)
        #expect(TMXInlineMarkup.languages(of: units[0]) == ["en", "fr"])
        #expect(units[0].id == "1")
        #expect(units[5].properties[TMXNames.languageTag(.english)] == "En-uS")
    }

    @Test func commentedSampleGivesOneUnitWithThreeVariantsNotesAndProp() throws {
        let units = try Self.sample("okapi_compkit_ImportTest1L.tmx")
        try #require(units.count == 1)
        let unit = units[0]
        #expect(unit.id == "tu001")
        #expect(Self.texts(unit) == ["en": "Text of the segment.", "fr": "Texte du segment."])
        // en-gb beside en-us is kept whole.
        #expect(unit.properties[TMXNames.extraVariant(1)]?.contains("Text of the segment.") == true)
        #expect(unit.properties[TMXNames.extraVariant(1)]?.contains("xml:lang=\"en-gb\"") == true)
        #expect(unit.notes == ["Text of tu note 1", "Text of tu note 2"])
        #expect(unit.properties["myPropeType"] == "Data")
        // What the unit has no field for is kept as written, for the exports.
        let encoding = " o-encoding=\"iso-8859-1\" xml:lang=\"en-us\""
        #expect(unit.properties[TMXNames.noteAttributes(1)] == encoding)
        #expect(unit.properties[TMXNames.noteAttributes(2)] == encoding)
        #expect(unit.properties[TMXNames.propAttributes("myPropeType")] == encoding)
        let tu = try #require(unit.properties[TMXNames.unitAttributes])
        #expect(
            tu.hasPrefix(" o-encoding=\"iso-8859-1\" datatype=\"plaintext\" usagecount=\"100\""))
        #expect(tu.contains(" creationid=\"ys\"") && tu.contains(" changeid=\"ys\""))
        #expect(!tu.contains("tuid") && !tu.contains("creationdate") && !tu.contains("changedate"))
        let tuv = try #require(unit.properties[TMXNames.variantAttributes(Language(tag: "fr")!)])
        #expect(
            tuv.contains(" creationdate=\"20020523T091200Z\"")
                && tuv.contains(" usagecount=\"100\""))
        #expect(!tuv.contains("xml:lang"))
        #expect(
            unit.properties[TMXNames.variantMetadata(.english)]?.contains("tuv en note") == true)
        #expect(unit.created == TMXDate.date("20020523T091200Z"))
    }

    /// OmegaT dates each `<tuv>` and not the `<tu>`: the unit is created when its first
    /// variant was and changed when its last variant was; the variants keep their own dates
    /// and authors for the exports.
    @Test func aUnitWithoutDatesTakesThoseOfItsVariants() throws {
        let xml = """
            <tmx version="1.4"><header srclang="en"/><body>
            <tu><tuv xml:lang="en" creationid="ayse" creationdate="20261014T101500Z">\
            <seg>The ferry leaves at nine.</seg></tuv>\
            <tuv xml:lang="tr" creationid="ayse" creationdate="20261014T101600Z" \
            changeid="mehmet" changedate="20261015T083000Z"><seg>Vapur dokuzda kalkıyor.</seg>\
            </tuv></tu>
            <tu creationdate="20250101T000000Z"><tuv xml:lang="en" changedate="20261020T120000Z">\
            <seg>The square is closed.</seg></tuv><tuv xml:lang="de"><seg>Der Platz ist \
            gesperrt.</seg></tuv></tu>
            </body></tmx>
            """
        for engine in [TMXReader.Engine.automatic, .libxml2] {
            var units: [TranslationUnit] = []
            try TMXReader(engine: engine).read(.bytes(Array(xml.utf8), name: "omegat.tmx")) {
                units.append($0)
            }
            try #require(units.count == 2)
            #expect(units[0].created == TMXDate.date("20261014T101500Z"))
            #expect(units[0].changed == TMXDate.date("20261015T083000Z"))
            #expect(
                units[0].properties[TMXNames.variantAttributes(.turkish)]
                    == " creationid=\"ayse\" creationdate=\"20261014T101600Z\" changeid=\"mehmet\""
                    + " changedate=\"20261015T083000Z\"")
            // The unit's own date counts first.
            #expect(units[1].created == TMXDate.date("20250101T000000Z"))
            #expect(units[1].changed == TMXDate.date("20261020T120000Z"))
        }
    }

    @Test func headerPropsAndNotesAreReadAndWrittenBack() throws {
        let path = Self.samples.appendingPathComponent("okapi_compkit_ImportTest1L.tmx").path
        let summary = try TMXReader().read(.file(path)) { _ in }
        #expect(
            summary.header
                == TMXHeaderMetadata(
                    props: [.init(type: "myPropeType", language: "en-us", value: "Data")],
                    notes: [
                        .init("Text of header note 1", language: "en-us"),
                        .init("Text of header note 2", language: "en-us"),
                    ],
                    userDefinedEncodings: [
                        "<ude name=\"MacRoman\" base=\"Macintosh\"><map unicode=\"#xF8FF\" "
                            + "code=\"#xF0\" ent=\"AppleLogo\" subst=\"[Apple]\"/></ude>"
                    ]))
        #expect(summary.units == 1)

        var bytes: [UInt8] = []
        var writer = TMXWriter { bytes += $0 }
        try writer.begin(creationToolVersion: "test", header: summary.header)
        try writer.end()
        let again = try TMXReader().read(.bytes(bytes, name: "again.tmx")) { _ in }
        #expect(again.header == summary.header)
        // Two files that share a prop: it is written once.
        let merged = summary.header.merging(
            TMXHeaderMetadata(
                props: [.init(type: "myPropeType", language: "en-us", value: "Data")],
                notes: [.init("Kent haberleri"), .init("Kent haberleri")]))
        #expect(merged.props.count == 1)
        #expect(merged.notes.map(\.text).suffix(2) == ["Kent haberleri", "Kent haberleri"])
    }

    @Test func multilingualSampleKeepsBothVariantsOfOneLanguage() throws {
        let units = try Self.sample("omegat_test-multiple-tuv14_multilingual.tmx")
        try #require(units.count == 3)
        #expect(Self.texts(units[0])["en"] == "Hello World!")
        #expect(Self.texts(units[0])["fr"] == "fr_CA Bonjour le monde\u{A0}!")
        let extras = (1...3).compactMap { units[0].properties[TMXNames.extraVariant($0)] }
        #expect(extras.count == 3)  // ES-AR, ES-BO, the second FR-CA, FR: es and fr repeat
        #expect(extras.contains { $0.contains("fr_CA Bonjour tout le monde\u{A0}!") })
        #expect(
            Self.texts(units[1]) == ["en": "Hello Worlds.", "fr": "fr_FR 2 Bonjour les mondes."])
        #expect(Self.texts(units[2]).keys.sorted() == ["de", "en", "es"])
    }

    @Test func tmx11LangAttributeIsRead() throws {
        let units = try Self.sample("omegat_test-omegat_tmx11_lang-attr.tmx")
        #expect(
            units.map { Self.texts($0) } == [
                ["en": "entuv", "be": "betuv"],
                ["en": "lang1z", "be": "tr1"],
                ["en": "lang2", "es": "lang2z", "be": "tr2"],
                ["en": "lang3", "es": "lang3z", "be": "tr3"],
            ])
        #expect(units[1].properties[TMXNames.extraVariant(1)]?.contains("lang1") == true)
        #expect(units[3].properties[TMXNames.languageTag(.english)] == "en-GB")
    }

    @Test func underscoreTagsAreReadWithOneWarning() throws {
        let text = """
            <tmx version="1.4"><header/><body>
            <tu><tuv xml:lang="tr_TR"><seg>Bir</seg></tuv><tuv xml:lang="en"><seg>One</seg></tuv></tu>
            <tu><tuv xml:lang="tr_TR"><seg>İki</seg></tuv><tuv xml:lang="en"><seg>Two</seg></tuv></tu>
            </body></tmx>
            """
        let (units, warnings) = try Self.read(.bytes(Array(text.utf8), name: "u.tmx"))
        #expect(units.count == 2)
        #expect(units[0].variants[.turkish]?.text == "Bir")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("tr_TR") == true)
        #expect(warnings.first?.line == 2)
    }

    @Test func unitsWithoutTuidGetAnIdFromTheirTexts() throws {
        let tu =
            "<tu><tuv xml:lang='en'><seg>Same.</seg></tuv><tuv xml:lang='tr'><seg>Aynı.</seg></tuv></tu>"
        let units = try Self.read("<tmx version='1.4'><header/><body>\(tu)\(tu)</body></tmx>")
        #expect(units.count == 2)
        #expect(units[0].id == units[1].id)
        #expect(units[0].id.hasPrefix("tmx-"))
    }

    /// Broken files: the message and the line of the problem.
    @Test(arguments: [
        (
            "<tmx version='1.4'><header/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>", 2,
            "without a language"
        ),
        ("<?xml version='1.0'?>\n<html/>", 2, "not <tmx>"),
        (
            "<tmx version='1.4'><header/><body>\n<tu><tuv xml:lang='en'><seg>x\u{FF}</seg>", 2,
            "UTF-8"
        ),
        ("<tmx version='1.4'><header/><body>\n<tu><tuv xml:lang='en'><se", 2, "not well-formed"),
        ("<!DOCTYPE tmx [\n<!ENTITY x SYSTEM 'file:///etc/passwd'>]><tmx/>", 2, "entity"),
        (
            "<!DOCTYPE tmx [\n<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]><tmx>&b;</tmx>", 2,
            "entity"
        ),
        ("<!DOCTYPE tmx SYSTEM 'tmx14.dtd'>\n<tmx>&nbsp;</tmx>", 2, "nbsp"),
        ("", 1, "empty"),
        (
            "<tmx version='1.4'><body><tu><tuv xml:lang='1'><seg/></tuv></tu></body></tmx>", 1,
            "not a language tag"
        ),
    ])
    func brokenFilesAreRefusedWithTheirPlace(text: String, line: Int, message: String) throws {
        var bytes = Array(text.utf8)
        if let bad = bytes.firstIndex(of: 0xC3), bytes[bad + 1] == 0xBF {
            bytes.replaceSubrange(bad...(bad + 1), with: [0xFF])  // invalid UTF-8
        }
        do {
            _ = try Self.read(.bytes(bytes, name: "bad.tmx"))
            Issue.record("read a broken file: \(text)")
        } catch let error as TMXError {
            #expect(error.file == "bad.tmx")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func invalidUTF16IsRefused() throws {
        // UTF-16LE with a byte-order mark and an unpaired high surrogate.
        let bytes: [UInt8] =
            [0xFF, 0xFE] + Array("<tmx>".utf8).flatMap { [$0, 0] } + [
                0x00, 0xD8, 0x0A, 0x00,
            ]
        #expect {
            try Self.read(.bytes(bytes, name: "u16.tmx"))
        } throws: { error in
            (error as? TMXError)?.message.contains("encoding") == true
        }
    }

    @Test func aHugeUnitIsRefused() throws {
        let text =
            "<tmx><body><tu><tuv xml:lang='en'><seg>" + String(repeating: "x", count: 5000)
            + "</seg></tuv></tu></body></tmx>"
        #expect(throws: TMXError.self) {
            try Self.read(.bytes(Array(text.utf8), name: "h"), limits: .init(maxUnitBytes: 4000))
        }
    }

    @Test func fragmentsGivePlainText() {
        #expect(
            TMXInlineMarkup.plainText(
                ofFragment: "a <bpt i=\"1\">&lt;b></bpt>b<ept i=\"1\"/> &amp; <hi>c</hi>")
                == "a b & c")
        #expect(TMXInlineMarkup.plainText(ofFragment: "<ph><sub>alt</sub></ph>x&#x130;") == "xİ")
        #expect(TMXInlineMarkup.plainText(ofFragment: "a <b") == nil)
        #expect(TMXInlineMarkup.plainText(ofFragment: "<hi>a</ph>") == nil)
        #expect(TMXInlineMarkup.plainText(ofFragment: "a & b") == nil)
        #expect(TMXInlineMarkup.plainText(ofFragment: "a \u{1} b") == nil)
        // Attributes as XML has them: quoted either way, spaces around `=`, known references.
        #expect(
            TMXInlineMarkup.plainText(ofFragment: "<ph x = '1'\ttype=\"a&amp;b&#9;\">c</ph>d")
                == "d")
        // A name twice, a value without quotes or with `<` or an unknown entity, attributes
        // run together, a name that starts with a digit: not XML, and so not written back.
        for broken in [
            "<ph x=\"1\" x=\"2\">c</ph>", "<ph x=1>c</ph>", "<ph x=\"<\">c</ph>",
            "<ph x=\"&nbsp;\">c</ph>", "<ph x=\"1\"y=\"2\">c</ph>", "<ph 1x=\"1\">c</ph>",
            "<ph x>c</ph>", "</ph x=\"1\">",
        ] {
            #expect(TMXInlineMarkup.plainText(ofFragment: broken) == nil, "\(broken)")
        }
    }

    @Test(arguments: [
        ("20020523T091200Z", 1_022_145_120.0), ("19700101T000000Z", 0),
        ("20261014T235959Z", 1_792_022_399),
    ])
    func datesReadAndWrite(text: String, seconds: Double) {
        #expect(TMXDate.date(text) == Date(timeIntervalSince1970: seconds))
        #expect(TMXDate.string(Date(timeIntervalSince1970: seconds + 0.75)) == text)
    }

    /// Alignment scores are read as Swift's Double reads them, whichever way they are written;
    /// those outside 0...1 or not numbers are kept as properties.
    @Test(arguments: [
        "0.863", "0.5", "1", "0", "1.0", "0.1", "0.30000000000000004", "0.123456789012345",
        "0.1234567890123456", "00.25", "0.999999999999999", "1.", ".5", "1e-1", "+0.5", "0.5x",
        "2", "-0", "0x1p-1", "", "0..5",
    ])
    func alignmentScoresReadAsDoubleReadsThem(written: String) throws {
        let tmx =
            "<tmx version='1.4'><header/><body><tu tuid='s'>"
            + "<prop type='x-dragoman-alignment-score'>\(written)</prop>"
            + "<tuv xml:lang='tr'><seg>Puan</seg></tuv></tu></body></tmx>"
        for engine in [TMXReader.Engine.automatic, .libxml2] {
            var units: [TranslationUnit] = []
            try TMXReader(engine: engine).read(.bytes(Array(tmx.utf8), name: "s.tmx")) {
                units.append($0)
            }
            let expected = Double(written).flatMap { (0...1).contains($0) ? $0 : nil }
            #expect(units.first?.alignmentScore?.bitPattern == expected?.bitPattern, "\(written)")
            #expect(
                units.first?.properties["x-dragoman-alignment-score"]
                    == (expected == nil ? written : nil), "\(written)")
        }
    }

    /// Span files and URLs that repeat are shared between units, and values alike in all but
    /// a few bytes in their middle stay apart; long segments and props grow the buffers the
    /// reader keeps from element to element.
    @Test(arguments: [TMXReader.Engine.automatic, .libxml2])
    func repeatedAndNearlyRepeatedValuesStayApart(engine: TMXReader.Engine) throws {
        // Thirty bytes each, differing only at offset 9, which the quick hash does not read.
        let files = ["haberler-A-2026-ekim-izmir.txt", "haberler-B-2026-ekim-izmir.txt"]
        let long = String(
            repeating: "Körfez'in iki yakası yeni vapur hattıyla bağlandı. ", count: 40)
        var tmx = "<tmx version='1.4'><header/><body>"
        for number in 0..<6 {
            let file = files[number % 3 == 2 ? 1 : 0]
            tmx +=
                "<tu tuid='u\(number)'><prop type='x-dragoman-document'>d\(number % 3)</prop>"
                + "<prop type='x-dragoman-url'>https://haber.example/\(files[number % 2])</prop>"
                + "<prop type='uzun'>\(long)\(number)</prop><tuv xml:lang='tr'>"
                + "<prop type='x-dragoman-span'>\(number) \(number + 5) \(file)</prop>"
                + "<seg>\(long)\(number)</seg></tuv></tu>"
        }
        tmx += "</body></tmx>"
        var units: [TranslationUnit] = []
        try TMXReader(engine: engine).read(.bytes(Array(tmx.utf8), name: "r.tmx")) {
            units.append($0)
        }
        try #require(units.count == 6)
        for (number, unit) in units.enumerated() {
            let variant = try #require(unit.variants[.turkish])
            #expect(variant.span?.file == files[number % 3 == 2 ? 1 : 0])
            #expect(variant.span?.start == number)
            #expect(variant.text == long + "\(number)")
            #expect(unit.provenance?.url == "https://haber.example/\(files[number % 2])")
            #expect(unit.properties["uzun"] == long + "\(number)")
        }
    }

    @Test func badDatesAreNotDates() {
        for text in ["2002-05-23", "20021323T000000Z", "20020523T091200", "2002052xT091200Z"] {
            #expect(TMXDate.date(text) == nil)
        }
    }
}
