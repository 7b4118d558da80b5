import DragomanKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The direct byte scanner against libxml2: the same units, summary and warnings from both,
/// or the scanner leaves the input to libxml2; and the reader that combines them gives
/// exactly what libxml2 alone gives, errors included.
struct TMXByteScannerTests {
    /// What one engine made of an input.
    struct Reading: Equatable, CustomStringConvertible {
        var units: [TranslationUnit] = []
        var warnings: [TMXWarning] = []
        var summary: TMXReader.Summary?
        var error: TMXError?

        var description: String {
            if let error { return "error \(error) after \(units.count) units" }
            return
                "\(units.count) units, \(warnings.count) warnings, \(String(describing: summary))"
        }
    }

    /// A buffer so small that the scanner moves and refills it between almost every two
    /// tags.
    static let smallBuffer = TMXReader.ScanBuffer(size: 64, limit: 1 << 20)

    static func read(
        _ input: TMXReader.Input, _ engine: TMXReader.Engine,
        scanBuffer: TMXReader.ScanBuffer = .init(), body: (Int) -> Void = { _ in }
    ) -> Reading {
        var reading = Reading()
        let start = Date()
        do {
            reading.summary = try TMXReader(
                limits: .init(maxUnitBytes: 1 << 16), chunkSize: 61, engine: engine,
                scanBuffer: scanBuffer
            ).read(input, warning: { reading.warnings.append($0) }) {
                reading.units.append($0)
                body(reading.units.count)
            }
        } catch {
            reading.error = error as? TMXError
        }
        // Units without dates get the time of reading, which differs between two readings.
        for index in reading.units.indices {
            for keyPath in [\TranslationUnit.created, \TranslationUnit.changed]
            where reading.units[index][keyPath: keyPath] >= start.addingTimeInterval(-1) {
                reading.units[index][keyPath: keyPath] = .distantPast
            }
        }
        return reading
    }

    /// Reads `bytes` from a pipe, written into it by another thread as the reader reads.
    static func readPiped(
        _ bytes: [UInt8], name: String, scanBuffer: TMXReader.ScanBuffer = .init()
    ) -> Reading {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            Issue.record("no pipe")
            return Reading()
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let writer = Thread {
            bytes.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let count = write(writeEnd, all.baseAddress! + offset, all.count - offset)
                    guard count > 0 else { break }
                    offset += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        let reading = read(.descriptor(readEnd, name: name), .automatic, scanBuffer: scanBuffer)
        // The reader may stop before the end (an error): let the writer finish.
        var sink = [UInt8](repeating: 0, count: 1 << 16)
        while sink.withUnsafeMutableBytes({ Glibc.read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
        close(readEnd)
        return reading
    }

    /// The bytes of an input given as a file or as bytes.
    static func bytes(of input: TMXReader.Input) -> [UInt8]? {
        switch input {
        case .bytes(let bytes, _): return bytes
        case .file(let path): return FileManager.default.contents(atPath: path).map { Array($0) }
        default: return nil
        }
    }

    /// Compares the engines on `input`; returns whether the direct scanner read it.
    @discardableResult
    static func compare(_ input: TMXReader.Input, _ label: String) -> Bool {
        let libxml2 = read(input, .libxml2)
        let automatic = read(input, .automatic)
        // Read through a pipe, which the reader cannot read again when the scanner gives up,
        // with the usual buffer and one refilled between almost every two tags.
        if let bytes = bytes(of: input) {
            for scanBuffer in [TMXReader.ScanBuffer(), smallBuffer] {
                let piped = readPiped(bytes, name: input.name, scanBuffer: scanBuffer)
                #expect(
                    piped == automatic
                        || (automatic.error != nil && piped.error == automatic.error
                            && piped.warnings == automatic.warnings),
                    "\(label): through a pipe \(piped) != \(automatic)")
            }
        }
        if let error = libxml2.error {
            // Each reader passes the units it completed before the error.
            let count = min(automatic.units.count, libxml2.units.count)
            #expect(automatic.error == error, "\(label): \(automatic) != \(libxml2)")
            #expect(automatic.warnings == libxml2.warnings, "\(label): warnings differ")
            #expect(automatic.units.prefix(count) == libxml2.units.prefix(count), "\(label)")
        } else {
            #expect(automatic == libxml2, "\(label): automatic \(automatic) != libxml2 \(libxml2)")
        }
        // Read again through a buffer refilled between almost every two tags.
        let refilled = read(input, .automatic, scanBuffer: smallBuffer)
        #expect(
            refilled == automatic || (libxml2.error != nil && refilled.error == libxml2.error),
            "\(label): with a small buffer \(refilled) != \(automatic)")
        var handled = true
        for scanBuffer in [TMXReader.ScanBuffer(), smallBuffer] {
            let direct = read(input, .direct, scanBuffer: scanBuffer)
            guard direct.error == nil else {
                handled = false
                continue
            }
            #expect(libxml2.error == nil, "\(label): the scanner read what libxml2 refuses")
            #expect(direct.units == libxml2.units, "\(label): units differ")
            #expect(direct.summary == libxml2.summary, "\(label): summaries differ")
            #expect(libxml2.warnings.isEmpty, "\(label): the scanner passed over warnings")
        }
        return handled
    }

    @Test func everySharedSampleReadsAlikeAndTheUTF8OnesDirectly() throws {
        let folder = SharedData.url("data/formats/samples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".tmx") }.sorted()
        #expect(names.count >= 4)
        var direct: [String] = []
        for name in names where Self.compare(.file(folder.appendingPathComponent(name).path), name)
        {
            direct.append(name)
        }
        // The UTF-16 sample is libxml2's.
        #expect(
            direct == [
                "okapi_compkit_ImportTest1L.tmx", "omegat_test-multiple-tuv14_multilingual.tmx",
                "omegat_test-omegat_tmx11_lang-attr.tmx",
            ])
    }

    /// Files of our own: `true` where the scanner must read the file itself.
    static let fixtures: [(String, Bool)] = [
        // Entities, character references, line ends, quotes and spaces in attributes.
        (
            "\u{FEFF}<?xml version='1.0' encoding='utf-8' standalone=\"yes\" ?>\r\n"
                + "<tmx version = \"1.4\"><header srclang='en' adminlang=\"en\">"
                + "<prop type='x-project'>Kent &amp; Bölge</prop><note>Başlık notu</note>"
                + "<ude name='x'><map unicode='#xE000'/></ude></header><body>\r\n"
                + "<tu tuid='t&#x131;1' creationdate='20261014T101500Z'>"
                + "<prop type='domain' xml:lang='tr'>belediye\r\nhaberleri</prop>"
                + "<note>İlk &lt;not&gt; &#8220;tırnak&#8221;</note>"
                + "<tuv xml:lang='tr-TR' x-attr='a&#9;b\r\nc\td'><seg>Vali &quot;İzmir&apos;de&quot;"
                + " konuştu.\r\nİkinci satır\rüçüncü</seg></tuv>"
                + "<tuv xml:lang=\"en\"><prop type=\"x-check\">ok</prop><seg>The governor spoke"
                + " in İzmir.</seg><note>en note</note></tuv></tu>\r\n</body></tmx>\r\n<!-- end -->",
            true
        ),
        // Inline markup: nested codes, empty elements written both ways, comments in a
        // segment, escaped native code, highlighted text.
        (
            "<tmx version='1.4'><header/><body><tu><tuv xml:lang='de'><seg>Der <bpt i='1' "
                + "x=\"1\">&lt;b&gt;</bpt>Bürgermeister<ept i='1'>&lt;/b&gt;</ept> sagte"
                + "<ph x='2'/><ph x='3'></ph> <!-- Anmerkung --><hi type='x'>heute</hi>"
                + "<it pos='begin'><sub>Fußnote</sub></it> &amp; mehr.</seg></tuv>"
                + "<tuv xml:lang='en'><seg><ut>{\\b}</ut>The mayor said today.</seg></tuv>"
                + "</tu></body></tmx>",
            true
        ),
        // A repeated language, TMX 1.1 lang=, a tu without tuv, dates, an unknown element.
        (
            "<tmx version='1.1'><header srclang='*all*'/><body>"
                + "<tu><tuv lang='en'><seg>One</seg></tuv><tuv lang='en-GB'><seg>One.</seg></tuv>"
                + "<tuv lang='de'><seg>Eins</seg></tuv><x-own a='1'><deep/></x-own></tu>"
                + "<tu changedate='20250101T000000Z'><tuv xml:lang='tr'><seg/></tuv>"
                + "<tuv xml:lang='en'><seg></seg></tuv></tu></body></tmx>",
            true
        ),
        // Dragoman's own props.
        (
            "<tmx version='1.4'><header/><body><tu tuid='d1'>"
                + "<prop type='x-dragoman-origin'>aligned</prop>"
                + "<prop type='x-dragoman-document'>haber-7</prop>"
                + "<prop type='x-dragoman-title' xml:lang='tr'>Haber</prop>"
                + "<prop type='x-dragoman-alignment-score'>0.75</prop>"
                + "<prop type='x-dragoman-flagged'>true</prop><prop type='domain'>a</prop>"
                + "<prop type='domain'>b</prop><tuv xml:lang='tr'>"
                + "<prop type='x-dragoman-span'>3 17 haber-7.tr.txt</prop><seg>Güzel gün.</seg>"
                + "</tuv></tu></body></tmx>",
            true
        ),
        // What the builder reads by name, written in the less usual ways: references in prop
        // types and language tags, a span prop with more attributes or written twice, a
        // note with a language in a variant, a type longer than those kept as strings,
        // attributes on inline codes, and text around codes.
        (
            "<tmx version='1.4'><header srclang='en'/><body><tu tuid='r1' "
                + "creationdate='2026101&#52;T101500Z'><prop type='x-dragoman-&#100;ocument'>"
                + "h-1</prop><prop type=\"x-dragoman-title\" xml:lang='t&#114;'>Başlık</prop>"
                + "<prop type='" + String(repeating: "x-uzun-tür-", count: 6) + "'>v</prop>"
                + "<tuv xml:lang='&#116;r'><prop type='x-dragoman-span' xml:lang='tr'>1 5 a.txt"
                + "</prop><prop type='x-dragoman-span'>2 9 b.txt</prop>"
                + "<prop type='x-dragoman-span'>+2 9 c.txt</prop><note xml:lang='de'>Not</note>"
                + "<seg>Bir <ph x='1' type='kalın'>&lt;b&gt;</ph>iki<bpt i='1'>{</bpt>üç"
                + "<ept i='1'>}</ept> dört</seg></tuv><tuv xml:lang='en'>"
                + "<prop type='x-dragoman-span'>7 x.txt</prop><seg>One</seg></tuv></tu>"
                + "</body></tmx>",
            true
        ),
        // More distinct prop types than the scanner keeps as strings.
        (
            "<tmx version='1.4'><header/><body><tu tuid='many'>"
                + (0..<300).map { "<prop type='x-tür-\($0)'>\($0)</prop>" }.joined()
                + "<tuv xml:lang='de'><seg>Viele</seg></tuv></tu></body></tmx>",
            true
        ),
        // Warnings: left to libxml2, which gives their places.
        (
            "<tmx version='1.4'><header/><body><tu><prop type='x-dragoman-span'>1 2 a</prop>"
                + "<prop type='x-dragoman-yeni'>a</prop><tuv xml:lang='en'><seg>a</seg></tuv>"
                + "</tu></body></tmx>", false
        ),
        (
            "<tmx version='1.4'><header/><body><tu><tuv xml:lang='tr_TR'><seg>Bir</seg></tuv>"
                + "</tu></body></tmx>", false
        ),
        ("<tmx version='9'><body/></tmx>", false),
        (
            "<tmx><body><tu><prop>untyped</prop><tuv xml:lang='en'><seg>a</seg></tuv></tu></body></tmx>",
            false
        ),
        // What the scanner leaves to libxml2, read or refused there.
        ("<?xml version='1.0' encoding='ISO-8859-9'?><tmx><body/></tmx>", false),
        ("<!DOCTYPE tmx SYSTEM 'tmx14.dtd'>\n<tmx version='1.4'><body/></tmx>", true),
        (
            "<!DOCTYPE tmx PUBLIC '-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN' "
                + "\"tmx14.dtd\" ><tmx version='1.4'><body/></tmx>", true
        ),
        ("<!DOCTYPE tmx SYSTEM 'tmx14.dtd'>\n<tmx>&nbsp;</tmx>", false),
        ("<!DOCTYPE tmx [<!ELEMENT tmx ANY>]><tmx version='1.4'><body/></tmx>", false),
        ("<!DOCTYPE tmx PUBLIC 'a{b' 'x.dtd'><tmx version='1.4'><body/></tmx>", false),
        ("<tmx version='1.4'><body/></tmx><!DOCTYPE tmx>", false),
        (
            "<tmx version='1.4'><body><tu><tuv xml:lang='en'><seg><![CDATA[a < b]]></seg></tuv>"
                + "</tu></body></tmx>", false
        ),
        ("<?xml version='1.0'?><?pi data?><tmx><body/></tmx>", false),
        ("<tmx xmlns='urn:x'><body/></tmx>", false),
        // Names met before in the other role: an element may not have a prefix, an attribute
        // may not declare a namespace.
        (
            "<tmx version='1.4'><body><tu xml:lang='en'><xml:lang/><tuv xml:lang='en'><seg>a"
                + "</seg></tuv></tu></body></tmx>", false
        ),
        (
            "<tmx version='1.4'><body><xmlns/><tu xmlns='urn:x'><tuv xml:lang='en'><seg>a</seg>"
                + "</tuv></tu></body></tmx>", false
        ),
        ("<tmx><body><tu><tuv xml:lang='en'><seg>a &nbsp; b</seg></tuv></tu></body></tmx>", false),
        // Broken files: libxml2's errors, with their places.
        ("<tmx><body><tu><tuv xml:lang='en'><seg>a</tuv></seg></tu></body></tmx>", false),
        ("<tmx><body><tu a='1' a='2'/></body></tmx>", false),
        ("<tmx><body><tu a='<'/></body></tmx>", false),
        ("<tmx><body><tu a='1'b='2'/></body></tmx>", false),
        ("<tmx><body>a ]]> b</body></tmx>", false),
        ("<tmx><body>&#0;</body></tmx>", false),
        ("<tmx><body>&#xD800;</body></tmx>", false),
        ("<tmx><body>& b</body></tmx>", false),
        ("<tmx><body><!-- a -- b --></body></tmx>", false),
        ("<tmx><body></body></tmx>trailing", false),
        ("<tmx><body></body></tmx><tmx/>", false),
        ("<tmx><body>\u{1}</body></tmx>", false),
        ("<tmx><body><tu><tuv xml:lang='en'><seg>kesik", false),
        ("  ", false),
        ("<html><body/></html>", false),
        ("<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>", false),
    ]

    @Test func fixturesReadAlikeAndTheCommonCaseDirectly() {
        for (number, (text, direct)) in Self.fixtures.enumerated() {
            let handled = Self.compare(.bytes(Array(text.utf8), name: "f\(number).tmx"), text)
            #expect(handled == direct, "fixture \(number): \(text)")
        }
    }

    /// Invalid UTF-8 and characters XML forbids, written as bytes.
    @Test(
        arguments: [
            [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE], [0xF4, 0x90, 0x80, 0x80],
            [0xE2, 0x82], [0x0B],
        ] as [[UInt8]])
    func badBytesInTextAreLibxml2s(bad: [UInt8]) {
        let bytes =
            Array("<tmx><body><tu><tuv xml:lang='en'><seg>a".utf8) + bad
            + Array("</seg></tuv></tu></body></tmx>".utf8)
        #expect(!Self.compare(.bytes(bytes, name: "bad.tmx"), "bytes \(bad)"))
    }

    /// Bad bytes in an attribute value, and a two-byte lead at the very end of the input or
    /// before a byte that does not continue it: each scanned eight bytes at a time and one by
    /// one, depending on where it falls.
    @Test(arguments: 0..<8)
    func badBytesInAttributesAndAtEveryOffsetAreLibxml2s(offset: Int) {
        let padding =
            String(repeating: "ş", count: offset / 2) + String(repeating: "a", count: offset % 2)
        for bad: [UInt8] in [[0xC3, 0x41], [0xC3], [0xDF, 0xC0], [0x80], [0x0B], [0xC1, 0xBF]] {
            let value =
                Array("<tmx><body><tu x='\(padding)".utf8) + bad
                + Array("'><tuv xml:lang='en'><seg>a</seg></tuv></tu></body></tmx>".utf8)
            #expect(!Self.compare(.bytes(value, name: "bad.tmx"), "attribute \(offset) \(bad)"))
            let text = Array("<tmx><body><tu><tuv xml:lang='en'><seg>\(padding)".utf8) + bad
            #expect(!Self.compare(.bytes(text, name: "cut.tmx"), "end \(offset) \(bad)"))
        }
    }

    /// Turkish and German letters of two bytes at every offset of an eight-byte word, in text
    /// and in attribute values, with references and line ends between them.
    @Test(arguments: 0..<8)
    func twoByteLettersAtEveryOffsetReadAlike(offset: Int) {
        let lead = String(repeating: "x", count: offset)
        let text = lead + "şıüöçğß İĞ ıı&amp;ş\r\nü]ç] ğ\tß€𝄞"
        let document =
            "<tmx version='1.4'><header/><body><tu tuid='\(lead)ıı' x-not='\(text)'>"
            + "<prop type='x-\(lead)ğ'>\(text)</prop><tuv xml:lang='tr'><seg>\(text)</seg>"
            + "</tuv></tu></body></tmx>"
        #expect(Self.compare(.bytes(Array(document.utf8), name: "letters.tmx"), document))
    }

    /// Attribute names longer than the sixteen bytes known by their packed bytes: alike in
    /// their first sixteen bytes but different, and the same name twice.
    @Test func longAttributeNamesAreToldApart() {
        let name = "x-bir-uzun-oznitelik-adi"
        let distinct =
            "<tmx version='1.4'><header/><body><tu \(name)-1='a' \(name)-2='b' x='c'>"
            + "<tuv xml:lang='de'><seg>Straße</seg></tuv></tu></body></tmx>"
        #expect(Self.compare(.bytes(Array(distinct.utf8), name: "long.tmx"), distinct))
        let twice =
            "<tmx version='1.4'><header/><body><tu \(name)-1='a' \(name)-1='b'>"
            + "<tuv xml:lang='de'><seg>Straße</seg></tuv></tu></body></tmx>"
        #expect(!Self.compare(.bytes(Array(twice.utf8), name: "twice.tmx"), twice))
    }

    /// A Dragoman export of units with every field, read back by both.
    @Test func anExportReadsDirectlyAndAlike() throws {
        var bytes: [UInt8] = []
        var writer = TMXWriter { bytes += $0 }
        try writer.begin(
            creationToolVersion: "test",
            header: TMXHeaderMetadata(
                props: [.init(type: "x-client", value: "İzmir BB")],
                notes: [.init("Deneme", language: "tr")]))
        for index in 0..<50 {
            let unit = TranslationUnit(
                id: "u\(index)",
                variants: [
                    .turkish: Variant(language: .turkish, text: "Toplantı \(index). gün <yarın>"),
                    .english: Variant(
                        language: .english, text: "Meeting & day \(index)",
                        span: SourceSpan(file: "a.en.txt", start: index, end: index + 5)),
                    .german: Variant(language: .german, text: "Sitzung\tam \(index).\r\nTag"),
                ],
                origin: .aligned,
                provenance: Provenance(
                    documentID: "doc", titles: [.turkish: "Başlık"], url: "https://ö.example",
                    date: "2026-10-14"),
                alignmentScore: 0.5, flagged: index % 2 == 0, properties: ["k": "v\"w"],
                notes: index % 3 == 0 ? ["not \(index)"] : [],
                created: Date(timeIntervalSince1970: 1_790_000_000))
            try writer.write(unit)
        }
        try writer.end()
        #expect(Self.compare(.bytes(bytes, name: "export.tmx"), "export"))
    }

    /// A file whose seventh unit the scanner leaves to libxml2: the units before it are not
    /// passed twice, those after it are passed once.
    @Test func takingOverMidwayPassesEveryUnitOnce() throws {
        func unit(_ number: Int) -> String {
            "<tu tuid='\(number)'><tuv xml:lang='en'><seg>Unit \(number)</seg></tuv></tu>"
        }
        let cdata = "<tu tuid='6'><tuv xml:lang='en'><seg><![CDATA[Unit 6]]></seg></tuv></tu>"
        let good =
            "<tmx><body>" + (0..<6).map(unit).joined() + cdata + (7..<10).map(unit).joined()
            + "</body></tmx>"
        let read = Self.read(.bytes(Array(good.utf8), name: "m.tmx"), .automatic)
        #expect(read.units.map(\.id) == (0..<10).map(String.init))
        #expect(read.summary?.units == 10)
        Self.compare(.bytes(Array(good.utf8), name: "m.tmx"), "midway")

        let broken = "<tmx><body>" + (0..<6).map(unit).joined() + "<tu></tuv></body></tmx>"
        let failed = Self.read(.bytes(Array(broken.utf8), name: "b.tmx"), .automatic)
        #expect(failed.units.map(\.id) == (0..<6).map(String.init))
        #expect(failed.error?.line == 1)
        #expect(failed.error?.message.contains("not well-formed") == true)
    }

    /// Inputs found by the fuzzer where libxml2 names a place that depends on how its input
    /// was cut into chunks: an unfinished DOCTYPE among broken bytes, and a broken byte in an
    /// end tag after a unit the scanner passed on and dropped. A pipe must hand libxml2 the
    /// same chunks around the bytes it reads as the file: its replay of the dropped units is
    /// as long as they were.
    @Test(arguments: [
        "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiPz4NCjwhRE9DVFlQRSB0bXggU1lTVEVNICJ0"
            + "bXgxNDxzZWc+YWJlZz4KICAgICAgPC90dXY+CiAgICA8L3R1PgogICAgPHR1PgogICAgICA8dHV2IGxhbme9"
            + "ImVuLUdCIj4KICAgICAgPHNlZz5sYW5nNDwvc2VnPgogICAgICA8L3R1dj4KICAgICAgPHR1diBsYW5nPSIg"
            + "YyAtLT48aGk+w6dvazwvaGk+Ljwvc2VnPjwvdHV2Pjx0I3V2IHhtbDpsYW5nPSJkEgAAAAAAAABlIjxlcHQg"
            + "aT0iMSIvPjxwaCB4PSIyIj48L3BoMjYxMDE0VDEwMTUwMFoiPjxwcm9wMTQ7IGphLjwvOmVnPjwvdHV2Pjwv"
            + "dHU+PC9ib2R5PjwvdG14Pg==",
        "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiPz4NCjwhRE9DVFlQRSB0bXggU1lTVEVNICJ0"
            + "bXgxNC5kdGQiPg0KPHRteCB2ZXJzaW9uPSIxLjQiPjxoZWFkZXIgc3JjbGFuZz0iKmFsbCoiPjxwcm9wIHR5"
            + "cGU9IngtYSI+YiAmYW1wOyBjPC9wcm9wPjxub3RlPm48L25vdGU+PC9oZWFkZXI+PGJvZHk+PHR1IHR1aWQ9"
            + "InQmIzQ5OyIgY3JlYXRpb25kYXRlPSIyMDI2MTAxNFQxMDE1MDBaIj48cHJvcCB0eXBlPSJwIj52PC9wcm9w"
            + "Pjx0dXYgeG1sOmxhbmc9InRyLVRSIiBhPSJ4JiM5O3kNCnoiPjxzZWc+XWFsaSAmcXVvdDvEsHptaXImYXBv"
            + "cztkZSZxdW90Ow0Ka29udcWfdHUgYDxicHQgaT0iMSI+Jmx0O2ImZ3Q7PC9icHQ+YnVnw7xuPGVwdCBpPSIx"
            + "Ii8+PHBoIHg9IjIiPjwvcGg+PCEtLSBjIC0tPjxoaT7Dp29rPC9oaT4uPC9zZWc+PC90dXY+PHR1diB4bWw6"
            + "bGFuZz0iZGUiPjxwcm9wIHR5cGU9IngtZCpyYWdvbWFuLXNwYW4iPjFicHQgNSBhLnR4LHQ8L3Byb3A+PHNl"
            + "Zz5IZXV0ZSAmI3gyMDE0OyBqYS48L3NlZz48L3R1dj48L3R1PjwvYm9k7Xk+PHR1IHR1aWQ9ImVuLXVzIj5U"
            + "ZXh0IG9mIGhlYWRlciBub3RlIDE8L25vdGU+CiAgPCEtLSBTb2RlciBub3RlIDI8L25vdGU+CiAgPCEtLSBB"
            + "IGxpbmUgb2YgY29tbWVudHMgLS0+CiAgPHByb3AgdHlwZT0ibXlQcm9wZVR5MjNUMDkxMjAwWiIgY3JlYXRp"
            + "b250b29sPSJteVRvb2wiIGNyZWF0aW9udG9vbHZlcnNpb249InYxMCIgCiAgICBjcmVhdGlvbmRhdGU9IjIw"
            + "MDIwNTIzVDA5JDBaMs0iIGNyZWF0aW9uaWQ9InlzIgogICAgY2hhbmdlZGF0InQmIzS5OyIgY3JlYXRpb25k"
            + "YXRlPSIyMDI2MTAxtFQxMDEwNTBaIj48cHJvcCB0eXBlPSJwIj52PC9wcm9wPjx0dXYgeG1sOmxhbmc9InRy"
            + "LVRSIiBhPSJ4JiM5O3kNCnoiPjxzZWc+XWFsaSAmcXVvdDvEsHptaXImYXBvcztkZSZxdW90Ow0Ka29udcWf"
            + "dHUgPGJwdCBpPSIxIj4mbHQ7YiZndDs8L3RteD4=",
    ])
    func aPipeGivesLibxml2TheChunksOfTheFile(encoded: String) throws {
        let bytes = [UInt8](try #require(Data(base64Encoded: encoded)))
        let file = Self.read(.bytes(bytes, name: "chunks.tmx"), .libxml2)
        #expect(file.error != nil)
        // Scan buffers of every size the fuzzer uses, each leaving a different part of the
        // input in the pipe when the scanner gives up.
        for size in 16..<64 {
            let piped = Self.readPiped(
                bytes, name: "chunks.tmx", scanBuffer: .init(size: size, limit: 1 << 12))
            // Before the error each reader passes the units it completed.
            let count = min(piped.units.count, file.units.count)
            #expect(piped.error == file.error, "scan buffer of \(size) bytes")
            #expect(piped.units.prefix(count) == file.units.prefix(count))
        }
    }

    /// A pipe whose scanner gives up late, on one line and over many: libxml2 reads the
    /// units it dropped as white space, passes on only those after the ones passed, and
    /// names the same line and column for an error as it does reading the file.
    @Test(arguments: ["", "\n", "\r\n  "])
    func aPipeTakenOverLateKeepsEveryUnitAndPlace(lineEnd: String) {
        func unit(_ number: Int) -> String {
            "<tu tuid='\(number)'><prop type='x-yer'>Eskişehir’de 😀</prop><tuv xml:lang='tr'>"
                + "<seg>Birim \(number): Şehir meclisi toplandı.</seg></tuv></tu>" + lineEnd
        }
        let cdata =
            "<tu tuid='c'><tuv xml:lang='en'><seg><![CDATA[taken over]]></seg></tuv></tu>"
        let start =
            "<?xml version='1.0'?>" + lineEnd + "<tmx version='1.4'>" + lineEnd
            + "<header srclang='tr'><note>Başlık</note></header>" + lineEnd + "<body>" + lineEnd
        let documents = [
            start + (0..<40).map(unit).joined() + cdata + (40..<45).map(unit).joined()
                + "</body></tmx>",
            start + (0..<40).map(unit).joined() + cdata + (40..<45).map(unit).joined()
                + "<tu><tuv xml:lang='tr'><seg>Bozuk &yok;</seg></tuv></tu></body></tmx>",
            start + (0..<40).map(unit).joined() + "<tu><tuv xml:lang='tr'><seg>&yok;</seg>"
                + "</tuv></tu></body></tmx>",
        ]
        for (number, document) in documents.enumerated() {
            let bytes = Array(document.utf8)
            let file = Self.read(.bytes(bytes, name: "p.tmx"), .libxml2)
            for scanBuffer in [Self.smallBuffer, TMXReader.ScanBuffer(size: 700, limit: 1 << 20)] {
                let piped = Self.readPiped(bytes, name: "p.tmx", scanBuffer: scanBuffer)
                // Before an error each reader passes the units it completed.
                let count = min(piped.units.count, file.units.count)
                #expect(piped.error == file.error, "document \(number): \(piped) != \(file)")
                #expect(piped.summary == file.summary && piped.warnings == file.warnings)
                #expect(piped.units.prefix(count) == file.units.prefix(count))
                #expect(file.error != nil || piped.units == file.units)
            }
        }
        #expect(
            Self.read(.bytes(Array(documents[0].utf8), name: "p.tmx"), .libxml2).units.count == 46)
        #expect(Self.read(.bytes(Array(documents[2].utf8), name: "p.tmx"), .libxml2).error != nil)
    }

    /// Units that straddle the end of a 64-byte buffer at every offset: the scanner moves
    /// the open elements' names to the front and reads on, and reads the file itself. The
    /// units stand in an element of a name longer than sixteen bytes, which its end tag is
    /// compared with byte by byte after the move.
    @Test(arguments: 0..<64)
    func unitsStraddleARefillAtEveryOffset(offset: Int) {
        let padding = String(repeating: " ", count: offset)
        let document =
            "<tmx version='1.4'><header srclang='tr'/><body><x-gruppe-mit-langem-namen>"
            + padding
            + (0..<4).map {
                "<tu tuid='b\($0)'><prop type='x-yer'>İzmir</prop><tuv xml:lang='tr'>"
                    + "<seg>Körfez &amp; kıyı \($0).</seg></tuv><tuv xml:lang='de'>"
                    + "<seg>Die Bucht und die Küste \($0).</seg></tuv></tu>\n"
            }.joined() + "</x-gruppe-mit-langem-namen></body></tmx>"
        #expect(Self.compare(.bytes(Array(document.utf8), name: "straddle.tmx"), document))
    }

    /// A unit larger than the buffer may grow to is left to libxml2, which passes it and
    /// those after it; a unit larger than the first size but within the limit is the
    /// scanner's.
    @Test func aUnitLargerThanTheLimitIsLibxml2s() {
        func unit(_ number: Int, _ words: Int) -> String {
            "<tu tuid='\(number)'><tuv xml:lang='en'><seg>"
                + String(repeating: "Ferry ", count: words) + "</seg></tuv></tu>"
        }
        let document =
            "<tmx><body>" + unit(0, 1) + unit(1, 30) + unit(2, 200) + unit(3, 1) + "</body></tmx>"
        let input = TMXReader.Input.bytes(Array(document.utf8), name: "big.tmx")
        let libxml2 = Self.read(input, .libxml2)
        #expect(libxml2.units.map(\.id) == ["0", "1", "2", "3"])
        let bounded = TMXReader.ScanBuffer(size: 64, limit: 512)
        #expect(Self.read(input, .automatic, scanBuffer: bounded) == libxml2)
        #expect(Self.read(input, .direct, scanBuffer: bounded).error != nil)
        let within = TMXReader.ScanBuffer(size: 64, limit: 2048)
        #expect(Self.read(input, .direct, scanBuffer: within) == libxml2)
    }

    /// A file cut short by another program while it is read ends early for the scanner,
    /// which leaves it to libxml2: one error naming the file and the place, never a signal.
    @Test func aFileTruncatedWhileReadIsAnError() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("dragoman-truncated-\(UUID().uuidString).tmx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document =
            "<tmx version='1.4'><header/><body>"
            + (0..<400).map {
                "<tu tuid='k\($0)'><tuv xml:lang='tr'><seg>Vapur seferi \($0) iptal edildi."
                    + "</seg></tuv></tu>\n"
            }.joined() + "</body></tmx>"
        try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        let whole = Self.read(.file(path), .automatic, scanBuffer: Self.smallBuffer)
        #expect(whole.units.count == 400 && whole.error == nil)
        for engine in [TMXReader.Engine.automatic, .direct] {
            try Data(document.utf8).write(to: URL(fileURLWithPath: path))
            let cut = Self.read(.file(path), engine, scanBuffer: Self.smallBuffer) { units in
                // After the first unit, a quarter of the file is left.
                if units == 1 { #expect(truncate(path, off_t(document.utf8.count / 4)) == 0) }
            }
            #expect(cut.error?.file == path, "\(engine): \(cut)")
            #expect(cut.units.count < 400)
            if engine == .automatic {
                #expect(cut.error?.message.contains("not well-formed") == true, "\(cut)")
                #expect((cut.error?.line ?? 0) > 50)
            }
        }
    }

    /// The inputs libFuzzer kept, when `Scripts/fuzz.sh tmx` has run in this checkout.
    @Test func fuzzCorpusReadsAlike() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build-fuzz/tmx/corpus")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) else {
            return
        }
        for name in names.sorted().prefix(3000) {
            let data = try Data(contentsOf: corpus.appendingPathComponent(name))
            Self.compare(.bytes([UInt8](data), name: name), name)
        }
    }
}
