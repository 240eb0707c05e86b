// SPDX-License-Identifier: Apache-2.0
import GRDB

/// The database schema, as migrations that are never edited once shipped.
///
/// Migrations use SQL text, not app types, so that an old database migrates the same way
/// whatever the current code's structs look like.
enum Schema {
    /// The FTS5 columns, in table order. Column weights and field filters refer to these
    /// positions, so the order is part of the schema.
    static let textColumns = ["title", "subtitle", "body", "authors", "source", "section", "tags", "url"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: files, articles, articles_fts") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2: articles_vocab") { db in
            // The index's own term list with document counts, for did-you-mean.
            try db.execute(sql: "CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row')")
        }
        migrator.registerMigration("v3: simhash_bands") { db in
            // SimHash split in four 16-bit bands: two fingerprints within 3 bits of each other
            // agree on at least one band, so near-duplicate candidates are an index lookup.
            try db.execute(
                sql: """
                    CREATE TABLE simhash_bands (
                        band INTEGER NOT NULL,
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                    );
                    CREATE INDEX simhash_bands_band ON simhash_bands(band);
                    CREATE INDEX simhash_bands_article ON simhash_bands(article_id);
                    """)
        }
        migrator.registerMigration("v4: articles_ranking") { db in
            // Ranking, counting, filtering and facets read only these columns. In `articles` they
            // sit after the body, so reading them from the table walks the body's overflow
            // pages; this covering index holds them apart, and the searcher reads it instead.
            try db.execute(
                sql: """
                    CREATE INDEX articles_ranking ON articles(
                        id, cluster_id, published_at, published_offset, language, source, section, file_id)
                    """)
        }
        migrator.registerMigration("v5: articles_fts filled by the writer") { db in
            // Through the trigger, each article insert touched FTS5 inside a statement
            // savepoint, which doubled the cost of indexing; IndexWriter now inserts the FTS5
            // row itself, right after the article, in the same transaction.
            try db.execute(sql: "DROP TRIGGER articles_fts_insert")
        }
        migrator.registerMigration("v6: articles_text, FTS5's content through newsd_text") { db in
            // Bodies may now be stored compressed (`StoredBody`). FTS5 reads its external
            // content for 'rebuild', the integrity check and column values, so it reads a view
            // that inflates them; the content table of an FTS5 table cannot be changed in
            // place, so the index is made again from the stored articles, once.
            try db.execute(sql: v6)
        }
        migrator.registerMigration("v7: articles_fts without prefix indexes") { db in
            // Prefix indexes 2 and 3 filed every token under its first two and three letters
            // as well, to speed up only `ab*` and `abc*`, and made the database half as large
            // again (`scripts/bench` at 100,000 articles: 664 MB with them, 449 without). A
            // prefix query now reads the doclists of the terms it expands to, as Xapian and
            // tantivy do, within the search time budget. Dropping them means making the index
            // again.
            try db.execute(sql: v7)
        }
        migrator.registerMigration("v8: simhash_bands keyed by band, with the fingerprint") { db in
            // The writer looked up each new article's candidates by band, then read each one's
            // fingerprint from its article row, and every band row went into a table, two
            // indexes and a foreign-key check, all on the single writer. Keyed by (band, article) with the fingerprint beside it, a
            // lookup reads one index range and an insert touches one B-tree. Without the
            // foreign key, a trigger takes the bands of a deleted article out, from its
            // fingerprint.
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9: article_rewrites") { db in
            // Document frequencies counted once (`DocumentFrequencySnapshot`) stay exact while
            // articles are only added; this counter tells when an indexed article was removed or
            // its text changed since.
            try db.execute(sql: v9)
        }
        migrator.registerMigration("v10: files_duplicate_of") { db in
            // Removing a ledger row sets `duplicate_of` to NULL in the rows that point at it
            // (the foreign key's ON DELETE SET NULL); without an index SQLite scanned the whole
            // ledger for each removed file. Only duplicates have it set, hence a partial index.
            try db.execute(
                sql: "CREATE INDEX files_duplicate_of ON files(duplicate_of) WHERE duplicate_of IS NOT NULL")
        }
        migrator.registerMigration("v11: simhash_bands in memory") { db in
            // The writer now keeps the bands in memory (`SimHashBands`), loaded from
            // `articles.simhash`: each insert put four rows at random places in the table, and each
            // commit wrote most of its pages to the WAL again.
            try db.execute(sql: "DROP TRIGGER simhash_bands_delete; DROP TABLE simhash_bands")
        }
        migrator.registerMigration("v12: row_counts") { db in
            // `io.newsd.Status` counted the ledger by state and the articles on every call, in
            // time that grows with the index, and monitors poll it (`scripts/bench` does, every
            // 20 ms). Triggers keep the counts instead, for about one more row write per insert.
            try db.execute(sql: v12)
        }
        migrator.registerMigration("v13: articles_simhash") { db in
            // `SimHashBands` loads every clusterable fingerprint on the first write after a
            // start or a removal; in `articles` they sit after the body, so the load walked every
            // body's overflow pages. A partial index holds them apart, at the end of the B-tree
            // as articles are added. Its condition is `NearDuplicateClusters.minimumWords`.
            try db.execute(
                sql: "CREATE INDEX articles_simhash ON articles(id, simhash) WHERE word_count >= 40")
        }
        return migrator
    }

    /// Adds an article's text to the full-text index; `IndexWriter` runs it after each insert
    /// into `articles`, with the row id and the text columns in `textColumns` order.
    static let insertFullText = """
        INSERT INTO articles_fts(rowid, \(columnList)) VALUES (?, \(textColumns.map { _ in "?" }.joined(separator: ", ")))
        """

    private static let columnList = textColumns.joined(separator: ", ")
    private static let newColumns = textColumns.map { "new.\($0)" }.joined(separator: ", ")
    private static let oldColumns = textColumns.map { "old.\($0)" }.joined(separator: ", ")

    private static let v6 = """
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        DROP TABLE articles_fts;
        CREATE VIEW articles_text AS
            SELECT id, title, subtitle, newsd_text(body) AS body, authors, source, section, tags, url FROM articles;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            \(columnList),
            content = 'articles_text',
            content_rowid = 'id',
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, \(columnList)) VALUES ('delete', old.id, \(oldText));
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF \(columnList) ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, \(columnList)) VALUES ('delete', old.id, \(oldText));
            INSERT INTO articles_fts(rowid, \(columnList)) VALUES (new.id, \(newText));
        END;
        """

    private static let v7 = """
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            \(columnList),
            content = 'articles_text',
            content_rowid = 'id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        );
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        """

    private static let v9 = """
        CREATE TABLE article_rewrites (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL);
        INSERT INTO article_rewrites (id, count) VALUES (1, 0);
        CREATE TRIGGER article_rewrites_delete AFTER DELETE ON articles BEGIN
            UPDATE article_rewrites SET count = count + 1 WHERE id = 1;
        END;
        CREATE TRIGGER article_rewrites_update AFTER UPDATE OF \(columnList) ON articles BEGIN
            UPDATE article_rewrites SET count = count + 1 WHERE id = 1;
        END;
        """

    private static let v12 = """
        CREATE TABLE row_counts (name TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO row_counts (name, count) SELECT 'articles', count(*) FROM articles;
        INSERT INTO row_counts (name, count)
            SELECT 'files:' || state, (SELECT count(*) FROM files f WHERE f.state = s.state)
            FROM (SELECT 'indexed' AS state UNION ALL SELECT 'duplicate' UNION ALL SELECT 'failed'
                  UNION ALL SELECT 'ignored') AS s;
        CREATE TRIGGER row_counts_article_insert AFTER INSERT ON articles BEGIN
            UPDATE row_counts SET count = count + 1 WHERE name = 'articles';
        END;
        CREATE TRIGGER row_counts_article_delete AFTER DELETE ON articles BEGIN
            UPDATE row_counts SET count = count - 1 WHERE name = 'articles';
        END;
        CREATE TRIGGER row_counts_file_insert AFTER INSERT ON files BEGIN
            UPDATE row_counts SET count = count + 1 WHERE name = 'files:' || new.state;
        END;
        CREATE TRIGGER row_counts_file_delete AFTER DELETE ON files BEGIN
            UPDATE row_counts SET count = count - 1 WHERE name = 'files:' || old.state;
        END;
        CREATE TRIGGER row_counts_file_state AFTER UPDATE OF state ON files WHEN old.state != new.state BEGIN
            UPDATE row_counts SET count = count - 1 WHERE name = 'files:' || old.state;
            UPDATE row_counts SET count = count + 1 WHERE name = 'files:' || new.state;
        END;
        """

    private static let v8 = """
        CREATE TABLE simhash_bands_v8 (
            band INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            simhash INTEGER NOT NULL,
            PRIMARY KEY (band, article_id)
        ) WITHOUT ROWID;
        INSERT INTO simhash_bands_v8 (band, article_id, simhash)
            SELECT b.band, b.article_id, a.simhash FROM simhash_bands b JOIN articles a ON a.id = b.article_id;
        DROP TABLE simhash_bands;
        ALTER TABLE simhash_bands_v8 RENAME TO simhash_bands;
        CREATE TRIGGER simhash_bands_delete AFTER DELETE ON articles BEGIN
            DELETE FROM simhash_bands WHERE article_id = old.id AND band IN (
                old.simhash & 65535,
                65536 | ((old.simhash >> 16) & 65535),
                131072 | ((old.simhash >> 32) & 65535),
                196608 | ((old.simhash >> 48) & 65535));
        END;
        """

    /// The old and new rows' text columns as FTS5 indexed them: the body inflated.
    private static let oldText = textColumns.map { $0 == "body" ? "newsd_text(old.body)" : "old.\($0)" }
        .joined(separator: ", ")
    private static let newText = textColumns.map { $0 == "body" ? "newsd_text(new.body)" : "new.\($0)" }
        .joined(separator: ", ")

    private static let v1 = """
        -- The ledger: one row per inbox file, whatever became of it, so that a restart can tell
        -- what changed while the daemon was down.
        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,          -- relative to the inbox
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('indexed', 'duplicate', 'failed', 'ignored')),
            error TEXT,
            duplicate_of INTEGER REFERENCES files(id) ON DELETE SET NULL,
            first_seen_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX files_state ON files(state);

        -- One row per article; a file may hold several (a feed, JSON lines).
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            public_id TEXT NOT NULL UNIQUE,
            file_id INTEGER REFERENCES files(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            subtitle TEXT,
            body TEXT NOT NULL,
            authors TEXT,                       -- one name per line
            source TEXT,
            section TEXT,
            tags TEXT,                          -- one tag per line
            url TEXT,
            language TEXT,
            published_at REAL,                  -- unix seconds; NULL when the source gave none
            published_offset INTEGER,           -- the source's UTC offset in seconds
            ingested_at REAL NOT NULL,
            format TEXT NOT NULL,
            word_count INTEGER NOT NULL,
            body_sha256 TEXT NOT NULL UNIQUE,
            simhash INTEGER NOT NULL DEFAULT 0,
            cluster_id INTEGER
        );
        CREATE INDEX articles_file ON articles(file_id);
        CREATE INDEX articles_published ON articles(published_at);
        CREATE INDEX articles_cluster ON articles(cluster_id);

        -- External content: the text lives once, in `articles`.
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            \(columnList),
            content = 'articles',
            content_rowid = 'id',
            tokenize = 'porter unicode61 remove_diacritics 2',
            prefix = '2 3'
        );

        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, \(columnList)) VALUES (new.id, \(newColumns));
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, \(columnList)) VALUES ('delete', old.id, \(oldColumns));
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF \(columnList) ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, \(columnList)) VALUES ('delete', old.id, \(oldColumns));
            INSERT INTO articles_fts(rowid, \(columnList)) VALUES (new.id, \(newColumns));
        END;
        """
}
