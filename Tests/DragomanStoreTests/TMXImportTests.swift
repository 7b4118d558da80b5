import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

/// Reading a TMX file on its own thread while the transaction writes: the same rows as
/// reading and writing in turn, errors in file order, and all or nothing.
struct TMXImportTests {
    /// Sentences of our own, a number changed from unit to unit.
    static let sentences: [(tr: String, en: String, de: String)] = [
        (
            "Konak'taki kütüphane pazar günleri de %d saate kadar açık kalacak.",
            "The library in Konak will also stay open until %d o'clock on Sundays.",
            "Die Bibliothek in Konak bleibt auch sonntags bis %d Uhr geöffnet."
        ),
        (
            "Körfez'deki vapur seferlerine %d yeni gemi katıldı.",
            "%d new ships have joined the ferry services on the Gulf.",
            "%d neue Schiffe verstärken die Fährlinien im Golf."
        ),
        (
            "Belediye, Bornova'daki parkın yenilenmesi için %d milyon lira ayırdı.",
            "The municipality set aside %d million lira to renew the park in Bornova.",
            "Die Stadt stellt %d Millionen Lira für die Erneuerung des Parks in Bornova bereit."
        ),
    ]

    /// `count` units with dates, provenance, properties and notes (some), as TMX bytes.
    static func tmx(units count: Int, brokenAfter: Int? = nil) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var writer = TMXWriter { bytes += $0 }
        try writer.begin(
            creationToolVersion: "test", date: Fixtures.date(1_790_000_000_000),
            header: TMXHeaderMetadata(props: [.init(type: "x-client", value: "Karşıyaka")]))
        for number in 0..<count {
            if number == brokenAfter {
                try writer.end()
                // The file cut short in the middle of a unit.
                bytes.removeLast(Array("  </body>\n</tmx>\n".utf8).count)
                bytes += Array("    <tu tuid=\"kesik\"><tuv xml:lang=\"tr\"><seg>Yarıda".utf8)
                return bytes
            }
            let (tr, en, de) = sentences[number % sentences.count]
            var variants: [Language: Variant] = [
                .turkish: Variant(language: .turkish, text: String(format: tr, number)),
                .english: Variant(language: .english, text: String(format: en, number)),
            ]
            if number % 4 != 3 {
                variants[.german] = Variant(language: .german, text: String(format: de, number))
            }
            try writer.write(
                TranslationUnit(
                    id: "haber-\(number)", variants: variants, origin: .aligned,
                    provenance: Provenance(
                        documentID: "haber-\(number / 10)",
                        titles: [.turkish: "Haber \(number / 10)"], url: nil, date: "2026-10-14"
                    ),
                    alignmentScore: Double(number % 100) / 100, flagged: number % 7 == 0,
                    properties: ["x-domain": number % 2 == 0 ? "kent" : "ulaşım"],
                    notes: number % 5 == 0 ? ["Sayı yerel basından."] : [],
                    created: Fixtures.date(1_790_000_000_000 + Int64(number) * 1_000),
                    changed: Fixtures.date(1_790_000_500_000 + Int64(number) * 1_000)))
        }
        try writer.end()
        return bytes
    }

    /// Every row of every table but the time of each TMX import.
    static func rows(_ memory: SQLiteMemory) throws -> [String: [String]] {
        var rows = try memory.reading(MigrationTests.rows)
        rows["tmx_import"] = try memory.reading { db in
            try String.fetchAll(db, sql: "SELECT import_no || ' ' || source FROM tmx_import")
        }
        return rows
    }

    @Test(arguments: [(1, 1), (3, 2), (40, 1), (2_000, 2)])
    func readingOnItsOwnThreadStoresWhatReadingInTurnStores(batchSize: Int, ahead: Int) throws {
        let folder = try TemporaryFolder()
        let input = TMXReader.Input.bytes(try Self.tmx(units: 250), name: "haber.tmx")
        let inTurn = try folder.memory("in-turn.sqlite")
        try inTurn.transaction { transaction in
            var units: [TranslationUnit] = []
            let summary = try TMXReader().read(input) { units.append($0) }
            try transaction.add(units)
            try transaction.recordTMXImport(source: input.name, header: summary.header)
        }
        let overlapped = try folder.memory("overlapped.sqlite")
        let summary = try overlapped.transaction { transaction in
            try TMXImport(batchSize: batchSize, batchesAhead: ahead).read(
                input, into: transaction)
        }
        #expect(summary.units == 250)
        #expect(summary.header.props.map(\.value) == ["Karşıyaka"])
        #expect(try overlapped.count() == 250)
        #expect(try Self.rows(overlapped) == Self.rows(inTurn))
        #expect(try overlapped.revision() == inTurn.revision())
        #expect(try overlapped.tmxHeader() == inTurn.tmxHeader())
    }

    @Test func aFileBrokenAfterSeveralBatchesChangesNothing() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([Fixtures.unit("haber-3", [.english: "Kept as it was."])])
        let bytes = try Self.tmx(units: 100, brokenAfter: 60)
        let error = try #require(throws: TMXError.self) {
            try memory.transaction { transaction in
                try TMXImport(batchSize: 7, batchesAhead: 1).read(
                    .bytes(bytes, name: "kirik.tmx"), into: transaction)
            }
        }
        // The place of the stray <tu>, as the reader alone reports it.
        let alone = try #require(throws: TMXError.self) {
            try TMXReader().read(.bytes(bytes, name: "kirik.tmx")) { _ in }
        }
        #expect(error == alone)
        #expect(error.description.hasPrefix("kirik.tmx:"), "\(error)")
        #expect(try memory.count() == 1)
        #expect(try memory.unit(id: "haber-3")?.variants[.english]?.text == "Kept as it was.")
        #expect(try memory.tmxHeader().isEmpty)
    }

    @Test func aUnitTheMemoryRefusesStopsTheImportBeforeTheFilesLaterError() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER poison BEFORE INSERT ON variant
                    WHEN NEW.text LIKE '4 new ships %'
                    BEGIN SELECT RAISE(ABORT, 'poisoned variant'); END
                    """)
        }
        // Unit 4 is refused by the database; the file breaks only at unit 900, which the
        // reader, running ahead, may reach first: the refusal, earlier in the file, wins.
        let bytes = try Self.tmx(units: 1_000, brokenAfter: 900)
        let error = try #require(throws: MemoryError.self) {
            try memory.transaction { transaction in
                try TMXImport(batchSize: 2, batchesAhead: 1).read(
                    .bytes(bytes, name: "zehir.tmx"), into: transaction)
            }
        }
        #expect(error.description.contains("poisoned variant"))
        #expect(try memory.count() == 0)
    }

    @Test func warningsAndProgressComeOnTheCallersThreadInFileOrder() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        var text = String(decoding: try Self.tmx(units: 30), as: UTF8.self)
        // The twelfth unit's Turkish tagged with an underscore, read with a warning.
        let twelfth = try #require(text.range(of: "<tu tuid=\"haber-11\""))
        let tag = try #require(
            text.range(of: "<tuv xml:lang=\"tr\"", range: twelfth.upperBound..<text.endIndex))
        text.replaceSubrange(tag, with: "<tuv xml:lang=\"tr_TR\"")
        let bytes = Array(text.utf8)
        let caller = pthread_self()
        var events: [String] = []
        var onCallersThread = true
        _ = try memory.transaction { transaction in
            try TMXImport(batchSize: 5, batchesAhead: 1).read(
                .bytes(bytes, name: "uyari.tmx"), into: transaction,
                warning: { message in
                    onCallersThread = onCallersThread && pthread_equal(pthread_self(), caller) != 0
                    events.append("warning \(message.line)")
                },
                progress: { read, total in
                    onCallersThread = onCallersThread && pthread_equal(pthread_self(), caller) != 0
                    #expect(total == bytes.count)
                    events.append("units \(read)")
                })
        }
        #expect(onCallersThread)
        // Six batches of five, the end of the file and one warning, which comes before the
        // batch holding the unit it is about (units 11 to 15), as the reader reports it.
        #expect(events.count == 8)
        #expect(events.filter { $0.hasPrefix("warning") }.count == 1)
        #expect(try #require(events.firstIndex { $0.hasPrefix("warning") }) <= 2)
        #expect(events.last == "units \(bytes.count)")
        #expect(try memory.unit(id: "haber-11")?.properties["tmx:lang:tr"] == "tr_TR")
    }
}
