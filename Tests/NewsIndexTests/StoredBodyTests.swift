// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI
import Testing

@testable import NewsIndex

/// Bodies are stored compressed when that pays, and every reader (Get, snippets, FTS5's own
/// checks and rebuilds, the delete trigger) sees the text.
@Suite struct StoredBodyTests {
    static let longBody = (0..<40).map {
        "Paragraph \($0): the central bank raised interest rates again, café owners said."
    }

    @Test func aLongBodyIsStoredCompressedAndReadBackWhole() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([
            TemporaryDatabase.record("long.txt", title: "Rates", body: Self.longBody),
            TemporaryDatabase.record("short.txt", title: "Short", body: ["A short note."]),
        ])
        let (types, texts) = try await store.database.pool.read { db in
            (
                try String.fetchAll(db, sql: "SELECT typeof(body) FROM articles ORDER BY id"),
                try String.fetchAll(db, sql: "SELECT newsd_text(body) FROM articles ORDER BY id")
            )
        }
        #expect(types == ["blob", "text"])
        #expect(texts == [Self.longBody.joined(separator: "\n\n"), "A short note."])
        let reply = try await store.searcher.search(SearchRequest(query: "café"))
        let hit = try #require(reply.hits.first)
        #expect(hit.snippet.contains("<mark>café</mark>"))
        let stored = try #require(try await ArticleStore(database: store.database).article(id: hit.id))
        #expect(stored.body == texts[0])
    }

    @Test func incompressibleTextStaysText() {
        var generator = SystemRandomNumberGenerator()
        let noise = String(
            (0..<400).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x21...0x7E, using: &generator))) })
        #expect(StoredBody.value(for: noise) == noise.databaseValue)
        #expect(StoredBody.value(for: "short") == "short".databaseValue)
    }

    /// FTS5's integrity check compares the index with its content, which it reads through the
    /// view: after inserts, a delete and a replacement it must find them equal.
    @Test func theFullTextIndexMatchesTheInflatedBodies() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "A", body: Self.longBody),
            TemporaryDatabase.record("b.txt", title: "B", body: Self.longBody.map { $0 + " Brussels." }),
        ])
        try await store.writer.removeFiles(atPaths: ["a.txt"])
        try await store.writer.write([
            TemporaryDatabase.record("b.txt", title: "B again", body: Self.longBody.map { $0 + " Berlin." }, hash: "b2")
        ])
        #expect(try await IndexMaintenance(database: store.database).check().ok)
        #expect(try await store.searcher.search(SearchRequest(query: "brussels")).total == 0)
        #expect(try await store.searcher.search(SearchRequest(query: "berlin")).total == 1)
        try StartupCheck.rebuildIndex(store.database)
        #expect(try await store.searcher.search(SearchRequest(query: "berlin")).total == 1)
    }

    /// A database from before compression keeps its text bodies; the migration makes FTS5 read
    /// through the view and rebuilds the index from them.
    @Test func aDatabaseFromBeforeCompressionMigrates() throws {
        let queue = try OlderDatabase.migrated(upTo: "v5: articles_fts filled by the writer")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, public_id, title, body, ingested_at, format, word_count, body_sha256)
                    VALUES (1, 'abc', 'Old', 'An old body about tariffs.', 0, 'text', 5, 'x');
                    INSERT INTO articles_fts(rowid, title, body) VALUES (1, 'Old', 'An old body about tariffs.');
                    """)
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'tariff'") == 1)
            #expect(
                try String.fetchOne(db, sql: "SELECT body FROM articles_fts WHERE rowid = 1")
                    == "An old body about tariffs.")
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            try db.execute(sql: "DELETE FROM articles WHERE id = 1")
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'tariff'") == 0)
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        }
    }
}
