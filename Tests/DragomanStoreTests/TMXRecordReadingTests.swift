import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

/// An export reads a memory's units as TMX records straight from the columns; the file must
/// be the one written from the same units read as ``TranslationUnit``s.
struct TMXRecordReadingTests {
    static func export(
        _ memory: SQLiteMemory, languages: [Language]?, records: Bool
    ) throws -> (text: String, written: Int, skipped: Int, dropped: Int) {
        var output: [UInt8] = []
        var writer = TMXWriter(languages: languages) { output += $0 }
        try writer.begin(creationToolVersion: "1", date: Date(timeIntervalSince1970: 0))
        if records {
            try memory.forEachTMXRecord { try writer.write($0) }
        } else {
            try memory.forEachUnit { try writer.write($0) }
        }
        try writer.end()
        return (
            String(decoding: output, as: UTF8.self), writer.unitsWritten, writer.unitsSkipped,
            writer.droppedCharacters
        )
    }

    static func units() throws -> [TranslationUnit] {
        var units = (1...3).map { Fixtures.fullUnit(id: "tam-\($0)", languageCount: $0) }
        units.append(Fixtures.fullUnit(id: "başka", languageCount: 3, document: "ege-2026"))
        var structured = Fixtures.unit(
            "yapı",
            [
                .turkish: "Vapur <bpt i=\"1\"/>Konak<ept i=\"1\"/>'tan kalkar.",
                .german: "Die Fähre fährt ab.",
            ])
        structured.properties = [
            TMXInlineMarkup.property: "tr",
            TMXNames.unitAttributes: " creationid=\"Zeynep\"",
            TMXNames.languageTag(.german): "de-DE",
            TMXNames.variantMetadata(.turkish): "<note>Kısa not</note>",
            TMXNames.noteAttributes(1): " xml:lang=\"tr\"",
            "alan": "ulaşım", "alan#2": "liman", "Ölçüt": "önemli",
            TMXNames.propAttributes("alan"): " xml:lang=\"tr\"",
        ]
        structured.notes = ["Gözden geçirildi \u{1}."]
        units.append(structured)
        let french = try #require(Language(tag: "fr"))
        units.append(
            Fixtures.unit(
                "diller",
                [french: "Le musée ouvre à 9 heures.", .english: "The museum opens at 9."],
                score: 0.30000000000000004))
        return units
    }

    /// A memory of ``units()`` in `folder`, with `sql` then run on it as other software might.
    static func memory(
        in folder: TemporaryFolder, changedBy sql: String? = nil
    ) throws
        -> SQLiteMemory
    {
        let memory = try folder.memory()
        try memory.add(try units())
        if let sql { try memory.pool.write { db in try db.execute(sql: sql) } }
        return memory
    }

    @Test(arguments: [nil, [Language.english, .turkish], [Language.turkish, .german, .english]])
    func recordsAreWrittenAsTheUnits(languages: [Language]?) throws {
        let folder = try TemporaryFolder()
        let memory = try Self.memory(in: folder)
        let fromUnits = try Self.export(memory, languages: languages, records: false)
        let fromRecords = try Self.export(memory, languages: languages, records: true)
        #expect(fromRecords == fromUnits)
        #expect(fromUnits.written > 0)
        #expect(fromUnits.text.contains("tuid=\"tam-3\""))
        #expect(fromUnits.text.contains("tuid=\"yapı\"") == (languages == nil))
    }

    /// Columns written by other software: bytes that are not UTF-8, a NUL inside a text, a
    /// property name that equals another as a string. Read as a string repairs and cuts them.
    @Test func columnsThatAreNotPlainUTF8AreWrittenAsTheirStrings() throws {
        let folder = try TemporaryFolder()
        let memory = try Self.memory(
            in: folder,
            changedBy: """
                UPDATE variant SET text = CAST(x'4bc3b670727cc3bc20ff20c0af20eda080' AS TEXT)
                WHERE language = 'tr' AND unit_no = (SELECT unit_no FROM unit WHERE id = 'tam-1');
                UPDATE variant SET text = 'Ende' || char(0) || 'verborgen'
                WHERE language = 'de' AND unit_no = (SELECT unit_no FROM unit WHERE id = 'tam-3');
                INSERT INTO unit_property SELECT unit_no, 'e' || char(769), 'ayrık' FROM unit
                WHERE id = 'tam-2';
                INSERT INTO unit_property SELECT unit_no, char(233), 'birleşik' FROM unit
                WHERE id = 'tam-2';
                INSERT INTO unit_note SELECT unit_no, 9, CAST(x'6e6f7420e2' AS TEXT) FROM unit
                WHERE id = 'tam-2';
                """)
        let fromUnits = try Self.export(memory, languages: nil, records: false)
        let fromRecords = try Self.export(memory, languages: nil, records: true)
        #expect(fromRecords == fromUnits)
        #expect(fromUnits.text.contains("Ende</seg>"))
        #expect(fromUnits.text.contains("\u{FFFD}"))
    }

    /// A walk through all units reads every document at once; a unit must get the document
    /// a look-up of that one unit gets, also when the stored id is not UTF-8.
    @Test func aWalkFindsTheDocumentsALookUpFinds() throws {
        let folder = try TemporaryFolder()
        let memory = try Self.memory(
            in: folder,
            changedBy: """
                INSERT INTO document (id, url) VALUES (CAST(x'656765ff' AS TEXT), 'https://x');
                INSERT INTO document_title VALUES (CAST(x'656765ff' AS TEXT), 'tr', 'Ege');
                UPDATE unit SET document_id = CAST(x'656765ff' AS TEXT) WHERE id = 'tam-2';
                """)
        var walked: [String: Provenance?] = [:]
        try memory.forEachUnit { walked.updateValue($0.provenance, forKey: $0.id) }
        #expect(walked.count == 6)
        for (id, provenance) in walked {
            #expect(try memory.unit(id: id)?.provenance == provenance, "\(id)")
        }
        #expect(walked["tam-2"]??.titles.isEmpty == true)
        #expect(walked["başka"]??.titles.isEmpty == false)
    }

    @Test func aDamagedRowIsAnErrorNamingTheUnit() throws {
        let folder = try TemporaryFolder()
        let memory = try Self.memory(
            in: folder,
            changedBy: """
                PRAGMA ignore_check_constraints = ON;
                UPDATE unit SET origin = 'stolen' WHERE id = 'tam-2';
                """)
        var seen = 0
        #expect {
            try memory.forEachTMXRecord { _ in seen += 1 }
        } throws: { error in
            "\(error)".contains("unit tam-2 has an unknown origin")
        }
        #expect(seen == 1)
    }
}
