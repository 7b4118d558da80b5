import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

struct OpeningTests {
    @Test func walModeForeignKeysAndBusyTimeoutAreOnForReadersAndWriter() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let pragmas = "SELECT * FROM pragma_journal_mode, pragma_foreign_keys, pragma_busy_timeout"
        let written = try memory.pool.write { db in try Row.fetchOne(db, sql: pragmas) }
        let read = try memory.pool.read { db in try Row.fetchOne(db, sql: pragmas) }
        for row in [written, read] {
            #expect(row?[0] as String? == "wal")
            #expect(row?[1] as Int? == 1)
            #expect(row?[2] as Int? == 10_000)
        }
        // WAL is a property of the file: a plain connection sees it too.
        let plain = try DatabaseQueue(path: memory.path)
        #expect(try plain.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func theFileSaysWhatItIs() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let row = try memory.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM pragma_application_id, pragma_user_version")
        }
        #expect(row?[0] as Int32? == 0x4452_474D)
        #expect(row?[1] as Int? == SQLiteMemory.schemaVersion)
        #expect(try memory.storedSchemaVersion() == SQLiteMemory.schemaVersion)
        let migrations = try memory.pool.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(
            migrations == [
                "v1 units, variants, documents", "v2 revision counter", "v3 TMX headers",
                "v4 lean variants", "v5 origin check without a list",
                "v6 NFC of canonically equivalent texts",
            ])
        // No index nor trigger on variants: concordance scans keys, and the writer raises
        // the revision once per transaction.
        let objects = try memory.pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE tbl_name = 'variant'
                    AND type IN ('index', 'trigger') AND name NOT LIKE 'sqlite_autoindex%'
                    """)
        }
        #expect(objects.isEmpty)
    }

    @Test func reopeningKeepsTheUnits() throws {
        let folder = try TemporaryFolder()
        try folder.memory().add(SyntheticUnits(seed: 2).units(0..<20))
        let reopened = try SQLiteMemory(path: folder.path("memory.sqlite"), mode: .mustExist)
        #expect(try reopened.count() == 20)
        #expect(try reopened.integrityProblems().isEmpty)
    }

    @Test func anEmptyFileBecomesAMemory() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let memory = try SQLiteMemory(path: path, mode: .mustExist)
        #expect(try memory.count() == 0)
    }

    @Test func aMissingMemoryIsOnlyCreatedWhenAllowed() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("new.sqlite")
        #expect(throws: MemoryError.noSuchMemory(path: path)) {
            try SQLiteMemory(path: path, mode: .mustExist)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try SQLiteMemory(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func foldersAndMissingFoldersCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        let inMissing = folder.path("no/such/folder/m.sqlite")
        for path in [folder.url.path, inMissing] {
            let error = try #require(throws: MemoryError.self) { try SQLiteMemory(path: path) }
            guard case .cannotOpen = error else {
                Issue.record("unexpected \(error)")
                continue
            }
            #expect(error.description.hasPrefix(path + ": "))
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.txt")
        let contents = Data("İzmir\tIzmir\n".utf8)
        try contents.write(to: URL(fileURLWithPath: path))
        #expect(throws: MemoryError.notSQLite(path: path)) { try SQLiteMemory(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == contents)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(
            MemoryError.notSQLite(path: path).description
                == "\(path): not a Dragoman memory (the file is not an SQLite database)")
    }

    @Test func anotherProgramsDatabaseIsRefusedUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        do {
            let other = try DatabaseQueue(path: path)
            try other.write { db in
                try db.execute(
                    sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')")
            }
        }
        #expect(throws: MemoryError.notAMemory(path: path)) { try SQLiteMemory(path: path) }
        let other = try DatabaseQueue(path: path)
        #expect(try other.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        #expect(
            try other.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") } == 1)
    }

    @Test func aMemoryOfANewerSchemaIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("future.sqlite")
        try SQLiteMemory(path: path).pool.write { db in
            try db.execute(sql: "PRAGMA user_version = \(SQLiteMemory.schemaVersion + 1)")
        }
        let error = try #require(throws: MemoryError.self) { try SQLiteMemory(path: path) }
        #expect(
            error
                == .newerSchema(
                    path: path, version: SQLiteMemory.schemaVersion + 1,
                    supported: SQLiteMemory.schemaVersion))
        #expect(error.description.contains("update dragoman"))
    }

    @Test func anUnknownMigrationAlsoMeansANewerSchema() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("future.sqlite")
        try SQLiteMemory(path: path).pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9 from the future')")
        }
        let newer = SQLiteMemory.schemaVersion + 1
        #expect(
            throws: MemoryError.newerSchema(
                path: path, version: newer, supported: SQLiteMemory.schemaVersion)
        ) {
            try SQLiteMemory(path: path)
        }
    }
}

struct RevisionTests {
    @Test func everyWriteRaisesTheRevision() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let start = try memory.revision()
        try memory.add(SyntheticUnits(seed: 3).units(0..<5))
        let afterAdd = try memory.revision()
        #expect(afterAdd > start)
        #expect(try memory.revision() == afterAdd)
        try memory.remove(ids: [SyntheticUnits(seed: 3).unit(0).id])
        let afterRemove = try memory.revision()
        #expect(afterRemove > afterAdd)
        try memory.remove(ids: ["no such unit"])
        #expect(try memory.revision() == afterRemove)
        try memory.transaction { try $0.add(SyntheticUnits(seed: 3).units(5..<8)) }
        let afterTransaction = try memory.revision()
        #expect(afterTransaction > afterRemove)
        struct Broken: Error {}
        #expect(throws: Broken.self) {
            try memory.transaction { transaction in
                try transaction.add(SyntheticUnits(seed: 3).units(8..<10))
                throw Broken()
            }
        }
        #expect(try memory.revision() == afterTransaction)
    }
}
