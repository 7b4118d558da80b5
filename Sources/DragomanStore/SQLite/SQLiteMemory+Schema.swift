import DragomanKit
import GRDB

extension SQLiteMemory {
    /// The tables of a memory and the migrations that build them.
    ///
    /// Version 1:
    /// - `document(id, url, date)` and `document_title(document_id, language, title)`: the news
    ///   items units come from, with their headlines per language.
    /// - `unit(unit_no, id, origin, document_id, alignment_score, flagged, created, changed)`:
    ///   `unit_no` is the internal key the other tables use and gives the order units were
    ///   first added; `id` is the public, unique identifier; dates are Unix milliseconds, UTC.
    /// - `variant(variant_no, unit_no, language, text, nfc, match_key, source_file,
    ///   source_start, source_end)`: one row per language of a unit. `text` is as read, `nfc`
    ///   is ``TextNormalizer``'s NFC form, `match_key` is `MatchKey.make(nfc)`, indexed with
    ///   the language for exact lookups; the fuzzy index will reference `variant_no`.
    /// - `unit_property(unit_no, name, value)` and `unit_note(unit_no, position, text)`.
    ///
    /// Version 2:
    /// - `revision(id, value)`: one row whose value grows with every variant written or
    ///   removed (triggers keep it), so that an index built beside the memory can tell whether
    ///   it is stale without reading the memory.
    ///
    /// Version 3:
    /// - `tmx_import(import_no, source, imported)` and `tmx_header_item(import_no, position,
    ///   kind, type, language, value)`: each TMX file imported, with the props and notes of its
    ///   `<header>` in file order, which exports write back into their header.
    /// Version 4, for memories of millions of units:
    /// - `variant.nfc` is NULL when the NFC text is the text as read (nearly always), so a text
    ///   is stored twice (as read and as match key), not three times.
    /// - The index on `(language, match_key)` is gone: concordance searches inside keys
    ///   (`LIKE '%…%'`), which no index serves, and keeping it cost a fourth copy of every
    ///   text and most of an import's time.
    /// - The revision is raised once per write transaction by the writer, not by a trigger per
    ///   variant row.
    ///
    /// Version 5, for imports of millions of units:
    /// - `unit.origin` is checked with three comparisons, not `IN (…)`: SQLite builds a
    ///   temporary table for a list of three or more values each time a row is checked, which
    ///   cost a sixth of SQLite's work in an import. The rows are unchanged; the table is
    ///   rebuilt once.
    ///
    /// Version 6, rows only:
    /// - `variant.nfc` is filled where earlier builds of the writer left it NULL for a text
    ///   that is canonically equivalent to its NFC form but not the same bytes (text read in
    ///   NFD, as some systems write it): it compared the two with Swift's `==`, which counts
    ///   them equal, so such a text was indexed and shown decomposed. Its match key was made
    ///   from the NFC form and is right. When any row changes, the revision is raised so
    ///   that the fuzzy index beside the memory is rebuilt.
    ///
    /// `PRAGMA application_id` marks the file as a Dragoman memory and `PRAGMA user_version`
    /// holds the schema version; GRDB's `grdb_migrations` table lists the migrations applied.
    enum Schema {
        /// "DRGM": tells a Dragoman memory from the SQLite files of other programs.
        static let applicationID: Int32 = 0x4452_474D

        static var migrator: DatabaseMigrator {
            var migrator = DatabaseMigrator()
            migrator.registerMigration(
                "v1 units, variants, documents", foreignKeyChecks: .immediate
            ) {
                db in
                try db.execute(sql: version1)
            }
            migrator.registerMigration("v2 revision counter", foreignKeyChecks: .immediate) { db in
                try db.execute(sql: version2)
            }
            migrator.registerMigration("v3 TMX headers", foreignKeyChecks: .immediate) { db in
                try db.execute(sql: version3)
            }
            // The variant table is rebuilt; no table refers to it, so the foreign keys of
            // the others are untouched.
            migrator.registerMigration("v4 lean variants") { db in
                try db.execute(sql: version4)
            }
            // The unit table is rebuilt with foreign keys off (GRDB's deferred checks), so
            // that dropping the old one does not cascade to the variants, properties and
            // notes; every reference is checked before the migration commits.
            migrator.registerMigration("v5 origin check without a list") { db in
                try db.execute(sql: version5)
            }
            migrator.registerMigration("v6 NFC of canonically equivalent texts") { db in
                try restoreNFC(db)
            }
            return migrator
        }

        private static let version1 = """
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = 1;

            CREATE TABLE document (
                id TEXT NOT NULL PRIMARY KEY,
                url TEXT,
                date TEXT
            ) STRICT;

            CREATE TABLE document_title (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                language TEXT NOT NULL,
                title TEXT NOT NULL,
                PRIMARY KEY (document_id, language)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE unit (
                unit_no INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE CHECK (id <> ''),
                origin TEXT NOT NULL CHECK (origin IN ('aligned', 'imported', 'edited')),
                document_id TEXT REFERENCES document(id),
                alignment_score REAL CHECK (alignment_score BETWEEN 0 AND 1),
                flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
                created INTEGER NOT NULL,
                changed INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX unit_by_document ON unit(document_id);

            CREATE TABLE variant (
                variant_no INTEGER PRIMARY KEY,
                unit_no INTEGER NOT NULL REFERENCES unit(unit_no) ON DELETE CASCADE,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                nfc TEXT NOT NULL,
                match_key TEXT NOT NULL,
                source_file TEXT,
                source_start INTEGER,
                source_end INTEGER,
                UNIQUE (unit_no, language),
                CHECK ((source_file IS NULL) = (source_start IS NULL)
                    AND (source_start IS NULL) = (source_end IS NULL)),
                CHECK (0 <= source_start AND source_start <= source_end)
            ) STRICT;
            CREATE INDEX variant_by_match_key ON variant(language, match_key);

            CREATE TABLE unit_property (
                unit_no INTEGER NOT NULL REFERENCES unit(unit_no) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (unit_no, name)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE unit_note (
                unit_no INTEGER NOT NULL REFERENCES unit(unit_no) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (unit_no, position)
            ) STRICT, WITHOUT ROWID;
            """

        private static let version2 = """
            PRAGMA user_version = 2;

            CREATE TABLE revision (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                value INTEGER NOT NULL
            ) STRICT;
            INSERT INTO revision (id, value) VALUES (1, 0);

            CREATE TRIGGER revision_after_variant_insert AFTER INSERT ON variant
            BEGIN UPDATE revision SET value = value + 1 WHERE id = 1; END;
            CREATE TRIGGER revision_after_variant_delete AFTER DELETE ON variant
            BEGIN UPDATE revision SET value = value + 1 WHERE id = 1; END;
            CREATE TRIGGER revision_after_variant_update AFTER UPDATE ON variant
            BEGIN UPDATE revision SET value = value + 1 WHERE id = 1; END;
            """

        private static let version3 = """
            PRAGMA user_version = 3;

            CREATE TABLE tmx_import (
                import_no INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                imported INTEGER NOT NULL
            ) STRICT;

            CREATE TABLE tmx_header_item (
                import_no INTEGER NOT NULL REFERENCES tmx_import(import_no) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('prop', 'note')),
                type TEXT,
                language TEXT,
                value TEXT NOT NULL,
                PRIMARY KEY (import_no, position),
                CHECK ((kind = 'prop') = (type IS NOT NULL))
            ) STRICT, WITHOUT ROWID;
            """

        private static let version4 = """
            PRAGMA user_version = 4;

            DROP TRIGGER revision_after_variant_insert;
            DROP TRIGGER revision_after_variant_delete;
            DROP TRIGGER revision_after_variant_update;
            DROP INDEX variant_by_match_key;

            CREATE TABLE variant_v4 (
                variant_no INTEGER PRIMARY KEY,
                unit_no INTEGER NOT NULL REFERENCES unit(unit_no) ON DELETE CASCADE,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                nfc TEXT,
                match_key TEXT NOT NULL,
                source_file TEXT,
                source_start INTEGER,
                source_end INTEGER,
                UNIQUE (unit_no, language),
                CHECK ((source_file IS NULL) = (source_start IS NULL)
                    AND (source_start IS NULL) = (source_end IS NULL)),
                CHECK (0 <= source_start AND source_start <= source_end)
            ) STRICT;
            INSERT INTO variant_v4 (variant_no, unit_no, language, text, nfc, match_key,
                source_file, source_start, source_end)
            SELECT variant_no, unit_no, language, text, nullif(nfc, text), match_key,
                source_file, source_start, source_end
            FROM variant ORDER BY variant_no;
            DROP TABLE variant;
            ALTER TABLE variant_v4 RENAME TO variant;
            """

        private static let version5 = """
            PRAGMA user_version = 5;

            CREATE TABLE unit_v5 (
                unit_no INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE CHECK (id <> ''),
                origin TEXT NOT NULL
                    CHECK (origin = 'aligned' OR origin = 'imported' OR origin = 'edited'),
                document_id TEXT REFERENCES document(id),
                alignment_score REAL CHECK (alignment_score BETWEEN 0 AND 1),
                flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
                created INTEGER NOT NULL,
                changed INTEGER NOT NULL
            ) STRICT;
            INSERT INTO unit_v5 (unit_no, id, origin, document_id, alignment_score, flagged,
                created, changed)
            SELECT unit_no, id, origin, document_id, alignment_score, flagged, created, changed
            FROM unit ORDER BY unit_no;
            DROP TABLE unit;
            ALTER TABLE unit_v5 RENAME TO unit;
            CREATE INDEX unit_by_document ON unit(document_id);
            """

        /// Version 6: the NFC form of every text stored without one whose bytes are not its
        /// NFC form's. Such a text holds no inline markup (its plain text would differ from
        /// it), so its NFC form is the normalized text itself, as the writer makes it now.
        /// Plain ASCII is its own NFC form and is not normalized again.
        static func restoreNFC(_ db: Database) throws {
            let normalizer = TextNormalizer()
            var restored: [(variant: Int64, nfc: String)] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT variant_no, text FROM variant WHERE nfc IS NULL")
            while let row = try rows.next() {
                let text: String = row[1]
                guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                let nfc = normalizer.normalize(text)
                if !nfc.utf8.elementsEqual(text.utf8) { restored.append((row[0], nfc)) }
            }
            let update = try db.makeStatement(
                sql: "UPDATE variant SET nfc = ? WHERE variant_no = ?")
            for (variant, nfc) in restored {
                try update.execute(arguments: [nfc, variant])
            }
            if !restored.isEmpty {
                try db.execute(sql: "UPDATE revision SET value = value + 1 WHERE id = 1")
            }
            try db.execute(sql: "PRAGMA user_version = 6")
        }
    }
}
