import Foundation
import Testing

@testable import DragomanKit

/// A record keeps the meaning of the unit's dictionaries whatever order its fields come in,
/// so the writer writes a record filled from a memory's rows as it writes the unit.
struct TMXUnitRecordTests {
    static func withBytes<Result>(
        _ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test func variantsAreInDisplayOrderAndOnePerLanguage() throws {
        var record = TMXUnitRecord()
        // In the order of their codes, as a memory's rows come.
        for (tag, text) in [
            ("aa", "Buuro"), ("ast", "Ponte"), ("de", "Brücke"), ("en", "Bridge"),
            ("fr", "Pont"), ("tr", "Köprü"), ("tr-TR", "Köprü, ikinci"),
        ] {
            let language = try #require(Language(tag: tag))
            record.addVariant(language, text: record.append(text), span: nil)
        }
        #expect(record.variants.map(\.language.code) == ["tr", "en", "de", "aa", "ast", "fr"])
        // The later variant of a language replaces the earlier one, as in a dictionary.
        let turkish = try #require(record.variantIndex(.turkish))
        #expect(record.string(record.variants[turkish].text) == "Köprü, ikinci")
    }

    @Test func propertiesAreInStringOrderAndOnePerName() {
        var record = TMXUnitRecord()
        // Byte order, with names that are equal as strings but not as bytes: é composed and
        // decomposed, the Kelvin sign and K.
        let rows = [
            ("Kelvin", "plain"), ("Zebra", "z"), ("y", "1"), ("y#2", "2"), ("Ärger", "ä"),
            ("é", "composed"), ("e\u{301}", "decomposed"), ("\u{212A}elvin", "sign"),
        ]
        for (name, value) in rows {
            Self.withBytes(name) { name in
                Self.withBytes(value) { value in _ = record.addProperty(name: name, value: value) }
            }
        }
        var expected: [String: String] = [:]
        for (name, value) in rows where expected[name] == nil { expected[name] = value }
        let names = record.properties.map { record.string($0.name) }
        let values = record.properties.map { record.string($0.value) }
        #expect(names == expected.keys.sorted())
        #expect(values == expected.keys.sorted().map { expected[$0]! })
        #expect(values.contains("composed") && !values.contains("decomposed"))
        #expect(record.property("e\u{301}").map(record.string) == "composed")
        #expect(record.property("Kelvin").map(record.string) == "plain")
        #expect(record.property("y#3") == nil)
        #expect(!record.hasStructure)
        Self.withBytes("tmx:markup") { name in
            Self.withBytes("tr") { value in _ = record.addProperty(name: name, value: value) }
        }
        #expect(record.hasStructure)
    }

    @Test func bytesThatAreNotUTF8AreRepairedAsStringRepairsThem() {
        let samples: [[UInt8]] = [
            Array("Köprü".utf8), [0x61, 0xFF, 0x62], [0xC0, 0xAF], [0xE0, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
            [0xE2, 0x82], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xC3], [0xC3, 0xA7, 0xC3],
            [0xEF, 0xBF, 0xBE], Array("abcdefghijklmnopqrstuvwxyzçğış".utf8), [0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xC2, 0x41],
        ]
        for bytes in samples {
            let expected = String(decoding: bytes, as: UTF8.self)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(
                    UTF8Validation.isValid(buffer)
                        == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
                var record = TMXUnitRecord()
                let field = record.append(buffer)
                #expect(record.string(field) == expected, "\(bytes)")
                #expect(Array(record.bytes[field]) == Array(expected.utf8), "\(bytes)")
            }
        }
    }

    /// A record filled field by field, as a memory's reader fills it, is written as the unit.
    @Test(arguments: [nil, [Language.english, .turkish], [Language.german, .english]])
    func aRecordFilledFromRowsIsWrittenAsTheUnit(languages: [Language]?) throws {
        var unit = TMXWriterTests.full
        unit.properties["tmx:markup"] = "en"
        unit.properties["tmx:lang:de"] = "de-AT"
        unit.properties["Ölçü"] = "iki"
        unit.variants[.english]?.text = "Exhibition <ph x=\"1\"/> in İzmir."
        let other = try #require(Language(tag: "fr"))
        unit.variants[other] = Variant(language: other, text: "Exposition à İzmir.")

        var record = TMXUnitRecord()
        record.setID(record.append(unit.id))
        record.origin = unit.origin
        record.document = unit.provenance.map(TMXDocumentFields.init)
        record.alignmentScore = unit.alignmentScore
        record.flagged = unit.flagged
        record.created = unit.created
        record.changed = unit.changed
        for language in unit.variants.keys.sorted(by: { $0.code < $1.code }) {
            let variant = try #require(unit.variants[language])
            let text = record.append(variant.text)
            let span = variant.span.map { (record.append($0.file), $0.start, $0.end) }
            record.addVariant(language, text: text, span: span)
        }
        for (name, value) in unit.properties.sorted(by: {
            Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8)
        }) {
            Self.withBytes(name) { name in
                Self.withBytes(value) { value in _ = record.addProperty(name: name, value: value) }
            }
        }
        for note in unit.notes { record.addNote(record.append(note)) }

        func write(_ body: (inout TMXWriter) throws -> Void) throws -> (String, Int) {
            var output: [UInt8] = []
            var writer = TMXWriter(languages: languages) { output += $0 }
            try writer.begin(creationToolVersion: "1", date: Date(timeIntervalSince1970: 0))
            try body(&writer)
            try writer.end()
            return (String(decoding: output, as: UTF8.self), writer.droppedCharacters)
        }
        let fromUnit = try write { try $0.write(unit) }
        let fromRecord = try write { try $0.write(record) }
        #expect(fromRecord == fromUnit)
        #expect(fromUnit.0.contains("<tu "))
        #expect(fromUnit.0.contains("Exhibition <ph x=\"1\"/> in İzmir."))
    }
}
