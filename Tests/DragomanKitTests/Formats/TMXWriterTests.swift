import DragomanKit
import Foundation
import Testing

/// Writing TMX, and reading what was written.
struct TMXWriterTests {
    static func write(
        _ units: [TranslationUnit], languages: [Language]? = nil
    ) throws -> (
        String, TMXWriter
    ) {
        var output: [UInt8] = []
        var writer = TMXWriter(languages: languages) { output += $0 }
        try writer.begin(creationToolVersion: "1.2.3", date: Date(timeIntervalSince1970: 0))
        for unit in units { try writer.write(unit) }
        try writer.end()
        return (String(decoding: output, as: UTF8.self), writer)
    }

    static let full = TranslationUnit(
        id: "doc#1 <&\">",
        variants: [
            .turkish: Variant(
                language: .turkish, text: "İzmir’de \"sergi\" & <açılış>\r\n",
                span: SourceSpan(file: "news/a b.tr.txt", start: 3, end: 40)),
            .english: Variant(language: .english, text: "Exhibition in İzmir\u{1}\u{FFFF}."),
            .german: Variant(language: .german, text: "Ausstellung in İzmir."),
        ],
        origin: .aligned,
        provenance: Provenance(
            documentID: "izmir", titles: [.turkish: "Sergi", .german: "Ausstellung"],
            url: "https://example.org/?a=1&b=2", date: "2026-10-14"),
        alignmentScore: 0.8125, flagged: true,
        properties: ["x-domain": "culture", "x-domain#2": "art", "note\tname": "a\nb"],
        notes: ["Check the title.", "İkinci not"],
        created: Date(timeIntervalSince1970: 1_790_000_000),
        changed: Date(timeIntervalSince1970: 1_790_000_100))

    @Test func headerAndUnitsAreComplete() throws {
        let (xml, writer) = try Self.write([Self.full])
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"))
        for part in [
            "creationtool=\"Dragoman\"", "creationtoolversion=\"1.2.3\"", "segtype=\"sentence\"",
            "o-tmf=\"Dragoman\"", "adminlang=\"en\"", "srclang=\"*all*\"",
            "datatype=\"plaintext\"", "creationdate=\"19700101T000000Z\"",
            "tuid=\"doc#1 &lt;&amp;&quot;&gt;\"", "creationdate=\"20260921T141320Z\"",
            "<prop type=\"x-dragoman-alignment-score\">0.8125</prop>",
            "<prop type=\"x-dragoman-flagged\">true</prop>",
            "<prop type=\"x-dragoman-url\">https://example.org/?a=1&amp;b=2</prop>",
            "<prop type=\"x-dragoman-title\" xml:lang=\"tr\">Sergi</prop>",
            "<note>İkinci not</note>", "<tuv xml:lang=\"de\">",
            "İzmir’de \"sergi\" &amp; &lt;açılış&gt;&#13;\n</seg>",
            "<prop type=\"x-dragoman-span\">3 40 news/a b.tr.txt</prop>",
        ] {
            #expect(xml.contains(part), "\(part)")
        }
        #expect(writer.droppedCharacters == 2)
        #expect(xml.contains("Exhibition in İzmir.</seg>"))
    }

    @Test func bilingualFilesLeaveOutUnitsWithoutBothLanguages() throws {
        let pair = TranslationUnit(
            id: "p", variants: [.english: Variant(language: .english, text: "Only English.")],
            origin: .imported)
        let (xml, writer) = try Self.write([Self.full, pair], languages: [.english, .turkish])
        #expect(writer.unitsWritten == 1)
        #expect(writer.unitsSkipped == 1)
        #expect(xml.contains("srclang=\"en\""))
        #expect(!xml.contains("<tuv xml:lang=\"de\""))
        // The source language comes first.
        let english = try #require(xml.range(of: "<tuv xml:lang=\"en\">"))
        let turkish = try #require(xml.range(of: "<tuv xml:lang=\"tr\">"))
        #expect(english.lowerBound < turkish.lowerBound)
    }

    @Test func writtenUnitsReadBackAsTheyWere() throws {
        let (xml, _) = try Self.write([Self.full])
        var read: [TranslationUnit] = []
        try TMXReader().read(.bytes(Array(xml.utf8), name: "w.tmx")) { read.append($0) }
        try #require(read.count == 1)
        var expected = Self.full
        expected.variants[.english]?.text = "Exhibition in İzmir."
        #expect(read[0] == expected)
    }

    @Test func importedStructureIsWrittenAgain() throws {
        let url = SharedData.url("data/formats/samples")
        for name in [
            "okapi_compkit_ImportTest1L.tmx", "okapi_compkit_ImportTest2A_utf16_level2.tmx",
            "omegat_test-multiple-tuv14_multilingual.tmx", "omegat_test-omegat_tmx11_lang-attr.tmx",
        ] {
            var first: [TranslationUnit] = []
            try TMXReader().read(.file(url.appendingPathComponent(name).path)) { first.append($0) }
            let (xml, _) = try Self.write(first)
            var second: [TranslationUnit] = []
            try TMXReader().read(.bytes(Array(xml.utf8), name: name)) { second.append($0) }
            #expect(second.map(\.id) == first.map(\.id), "\(name)")
            #expect(second.map(\.variants) == first.map(\.variants), "\(name)")
            #expect(second.map(\.properties) == first.map(\.properties), "\(name)")
            #expect(second.map(\.notes) == first.map(\.notes), "\(name)")
            #expect(try Self.write(second).0 == xml, "\(name)")
        }
    }
}

/// Attributes kept from an imported file are written back only when they cannot break the
/// file: stored text may have been edited since.
struct TMXKeptAttributeTests {
    @Test(arguments: [
        (" creationid=\"ys\" usagecount=\"3\"", true),
        (" x-note=\"a &amp; b&#10;c&#x9;\" o-encoding=\"iso-8859-1\"", true),
        (" yazar=\"Ayşe Çınar\"", true),
        (" tuid=\"again\"", false),  // the tag has one already
        (" a=\"1\" a=\"2\"", false),
        (" a=\"<b>\"", false),
        (" a=\"&nbsp;\"", false),
        (" a=\"&#0;\"", false),
        (" xmlns:x=\"urn:x\"", false),
        (" a='1'", true),  // single quotes are XML too
        ("a=\"1\"", false),
        (" a=\"1", false),
        (" 1a=\"1\"", false),
    ])
    func unitAttributesAreWrittenWhenWellFormed(attributes: String, written: Bool) throws {
        var unit = TMXWriterTests.full
        unit.properties = [TMXNames.unitAttributes: attributes]
        let (xml, _) = try TMXWriterTests.write([unit])
        #expect(xml.contains(attributes + ">\n") == written, "\(xml)")
        // The file is well-formed either way: it reads back.
        var read: [TranslationUnit] = []
        try TMXReader(engine: .libxml2).read(.bytes(Array(xml.utf8), name: "kept.tmx")) {
            read.append($0)
        }
        #expect(read.count == 1)
        #expect((read.first?.properties[TMXNames.unitAttributes] != nil) == written)
    }

    @Test func variantNoteAndPropAttributesGoBackOnTheirElements() throws {
        var unit = TMXWriterTests.full
        unit.properties = [
            TMXNames.variantAttributes(.german): " changeid=\"jonas\"",
            TMXNames.noteAttributes(2): " xml:lang=\"tr\"",
            "x-domain": "culture",
            TMXNames.propAttributes("x-domain"): " xml:lang=\"en\"",
        ]
        let (xml, _) = try TMXWriterTests.write([unit])
        #expect(xml.contains("<tuv xml:lang=\"de\" changeid=\"jonas\">"))
        #expect(xml.contains("<note>Check the title.</note>"))
        #expect(xml.contains("<note xml:lang=\"tr\">İkinci not</note>"))
        #expect(xml.contains("<prop type=\"x-domain\" xml:lang=\"en\">culture</prop>"))
        var read: [TranslationUnit] = []
        try TMXReader().read(.bytes(Array(xml.utf8), name: "kept.tmx")) { read.append($0) }
        try #require(read.count == 1)
        for (name, value) in unit.properties {
            #expect(read[0].properties[name] == value, "\(name)")
        }
    }
}
