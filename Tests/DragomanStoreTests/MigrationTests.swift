import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

/// A memory written by the previous version (schema 2: the NFC text always stored, an index
/// on match keys, a trigger per variant row) must open, keep every unit and answer look-ups.
struct MigrationTests {
    /// A schema-2 memory with the rows that version wrote for `units`.
    static func version2Memory(
        at path: String, units: [(id: String, en: String, tr: String)]
    )
        throws
    {
        let queue = try DatabaseQueue(path: path)
        try SQLiteMemory.Schema.migrator.migrate(queue, upTo: "v2 revision counter")
        try queue.write { db in
            for (number, unit) in units.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO unit (unit_no, id, origin, flagged, created, changed)
                        VALUES (?, ?, 'imported', 0, 1700000000000, 1700000000000)
                        """, arguments: [number + 1, unit.id])
                for (language, text) in [("en", unit.en), ("tr", unit.tr)] {
                    let nfc = TextNormalizer().normalize(text)
                    try db.execute(
                        sql: """
                            INSERT INTO variant (unit_no, language, text, nfc, match_key)
                            VALUES (?, ?, ?, ?, ?)
                            """, arguments: [number + 1, language, text, nfc, MatchKey.make(nfc)])
                }
            }
        }
    }

    static let units = [
        (
            "u1", "The ferry to Karşıyaka leaves every twenty minutes.",
            "Karşıyaka vapuru yirmi dakikada bir kalkıyor."
        ),
        // Decomposed ü: its NFC text differs from the text as read and stays stored.
        (
            "u2", "The new square in Bornova opens on Saturday.",
            "Bornova'daki yeni meydan cumartesi gu\u{308}nu\u{308} açılıyor."
        ),
        (
            "u3", "The old market hall will be a library.",
            "Eski pazar binası kütüphane olacak."
        ),
    ]

    @Test func aVersion2MemoryIsMigratedAndAnswers() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.sqlite")
        try Self.version2Memory(at: path, units: Self.units)
        let before = try DatabaseQueue(path: path).read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM revision")
        }
        #expect(before == 6)

        let memory = try SQLiteMemory(path: path, mode: .mustExist)
        #expect(try memory.storedSchemaVersion() == SQLiteMemory.schemaVersion)
        #expect(try memory.count() == 3)
        #expect(try memory.integrityProblems().isEmpty)
        #expect(try memory.unit(id: "u2")?.variants[.turkish]?.text == Self.units[1].2)
        let stored = try memory.reading { db in
            try Row.fetchAll(
                db, sql: "SELECT language, nfc IS NULL, match_key FROM variant ORDER BY variant_no")
        }
        #expect(stored.count == 6)
        // Only the decomposed Turkish text keeps an NFC copy.
        #expect(stored.filter { $0[1] as Bool == false }.count == 1)
        #expect(try memory.revision() == 6)

        let lookup = try MemoryLookup(memory: memory)
        let found = try lookup.lookup(
            "The new square in Bornova opens on Sunday.", from: .english, to: .turkish)
        #expect(found.first?.unitID == "u2")
        #expect(found.first?.target == Self.units[1].2)
        #expect(try lookup.concordance("günü açılıyor", language: .turkish).map(\.unitID) == ["u2"])

        // Writes after the migration raise the revision without the old triggers.
        try memory.add([LookupTests.unit("u4", "The bridge is closed.", "Köprü kapalı.")])
        #expect(try memory.revision() > 6)
        #expect(
            try MemoryLookup(memory: memory).lookup(
                "The bridge is closed.", from: .english, to: .turkish
            ).first?.unitID == "u4")
    }

    /// A memory of schema 4 keeps every row, byte for byte, when its unit table is rebuilt
    /// with the new origin check, and the check still refuses what it refused.
    @Test func aVersion4MemoryKeepsEveryRowThroughTheUnitTableRebuild() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v4.sqlite")
        let queue = try DatabaseQueue(path: path)
        try SQLiteMemory.Schema.migrator.migrate(queue, upTo: "v4 lean variants")
        try queue.write { db in
            var writer = UnitWriter(db: db, normalizer: TextNormalizer())
            try writer.write(Fixtures.fullUnit(id: "full", languageCount: 3))
            try writer.write(Fixtures.fullUnit(id: "other", languageCount: 2, document: "buca"))
            try writer.write(Fixtures.unit("plain", [.german: "Die Fa\u{308}hre fährt."]))
            try UnitWriter.raiseRevision(db)
        }
        let before = try queue.read { db in try Self.rows(db) }
        try queue.close()

        let memory = try SQLiteMemory(path: path, mode: .mustExist)
        #expect(try memory.storedSchemaVersion() == SQLiteMemory.schemaVersion)
        let after = try memory.reading { db in try Self.rows(db) }
        #expect(after == before)
        #expect(after["variant"]?.count == 6)
        #expect(try memory.integrityProblems().isEmpty)
        let schema = try memory.reading { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'unit'")
        }
        #expect(schema?.contains("origin = 'aligned' OR origin = 'imported'") == true)
        #expect(
            try memory.reading { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'unit' ORDER BY 1")
            } == ["sqlite_autoindex_unit_1", "unit", "unit_by_document"])
        #expect(throws: DatabaseError.self) {
            try memory.pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO unit (id, origin, flagged, created, changed)
                        VALUES ('x', 'guessed', 0, 0, 0)
                        """)
            }
        }
        // Foreign keys still hold the variants to their unit.
        try memory.remove(ids: ["full"])
        #expect(try memory.count() == 2)
        #expect(try memory.statistics().variants.values.reduce(0, +) == 3)
    }

    /// A schema-5 memory whose writer left out the NFC form of a decomposed text (it compared
    /// the two with `==`) gets it on opening, the revision raised so the index is rebuilt;
    /// every other row stays as it was.
    @Test func aVersion5MemoryGetsTheNFCFormItLacked() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("v5.sqlite")
        let queue = try DatabaseQueue(path: path)
        try SQLiteMemory.Schema.migrator.migrate(queue, upTo: "v5 origin check without a list")
        let decomposed = "Bornova'daki yeni meydan cumartesi gu\u{308}nu\u{308} açılıyor."
        try queue.write { db in
            var writer = UnitWriter(db: db, normalizer: TextNormalizer())
            try writer.write(
                LookupTests.unit(
                    "nfd", "The new square in Bornova opens on Saturday.", decomposed))
            try writer.write(
                LookupTests.unit(
                    "nfc", "The ferry to Karşıyaka leaves every twenty minutes.",
                    "Karşıyaka vapuru yirmi dakikada bir kalkıyor."))
            try writer.write(Fixtures.unit("markup", [.german: "Die Fa\u{308}hre <b>fährt</b>."]))
            try UnitWriter.raiseRevision(db)
            // What the earlier writer stored for the decomposed text.
            try db.execute(
                sql: "UPDATE variant SET nfc = NULL WHERE text = ?", arguments: [decomposed])
        }
        let before = try queue.read { db in try Self.rows(db) }
        let revision = try queue.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM revision")
        }
        try queue.close()

        let memory = try SQLiteMemory(path: path, mode: .mustExist)
        #expect(try memory.storedSchemaVersion() == SQLiteMemory.schemaVersion)
        let nfc = try memory.reading { db in
            try String.fetchOne(
                db, sql: "SELECT nfc FROM variant WHERE text = ?", arguments: [decomposed])
        }
        #expect(nfc.map { Array($0.utf8) } == Array(TextNormalizer().normalize(decomposed).utf8))
        #expect(nfc?.contains("günü") == true)
        #expect(try memory.revision() == revision.map { $0 + 1 })
        var after = try memory.reading { db in try Self.rows(db) }
        #expect(after["variant"] != before["variant"])
        // Only that one value differs.
        after["variant"] = before["variant"]
        after["revision"] = before["revision"]
        #expect(after == before)
        let stored = try memory.reading { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM variant WHERE nfc IS NOT NULL")
        }
        #expect(stored == 2)

        let found = try MemoryLookup(memory: memory).lookup(
            "Bornova'daki yeni meydan cumartesi günü açılıyor.", from: .turkish, to: .english)
        #expect(found.first?.score == 100)
        #expect(found.first?.unitID == "nfd")
    }

    /// Every row of every table but the migrations', with each value's storage class.
    static func rows(_ db: Database) throws -> [String: [String]] {
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
                """)
        var rows: [String: [String]] = [:]
        for table in tables {
            rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map {
                "\($0.databaseValues.map(\.storage))"
            }
        }
        return rows
    }
}
