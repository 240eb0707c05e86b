// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsAPI
import Testing

@testable import NewsIndex

/// The index no longer keeps prefix indexes (see migration v7): a database that has them loses
/// them, keeps every article findable, and prefix queries still match by expanding terms.
@Suite struct PrefixIndexMigrationTests {
    @Test func aDatabaseWithPrefixIndexesIsIndexedAgainWithout() throws {
        let queue = try OlderDatabase.migrated(upTo: "v6: articles_text, FTS5's content through newsd_text")
        try queue.write { db in
            #expect(try Self.definition(in: db).contains("prefix"))
            try db.execute(
                sql: """
                    INSERT INTO articles (id, public_id, title, body, ingested_at, format, word_count, body_sha256)
                    VALUES (1, 'abc', 'Tariffs', 'Brussels answered the tariffs at once.', 0, 'text', 6, 'x');
                    INSERT INTO articles_fts(rowid, title, body) VALUES (1, 'Tariffs', 'Brussels answered the tariffs at once.');
                    """)
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try !Self.definition(in: db).contains("prefix"))
            for match in ["brussels", "br*", "tar*", "title:tariff", "\"answered the\"*"] {
                #expect(
                    try Int.fetchOne(
                        db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", arguments: [match])
                        == 1, "\(match)")
            }
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func aPrefixQueryFindsEveryTermItExpandsTo() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "Economy", body: ["The economy grew."]),
            TemporaryDatabase.record("b.txt", title: "Ecology", body: ["Ecologists met in Oslo."], hash: "b"),
            TemporaryDatabase.record("c.txt", title: "Rates", body: ["Rates rose."], hash: "c"),
        ])
        #expect(try await store.searcher.search(SearchRequest(query: "ec*")).total == 2)
        #expect(try await store.searcher.search(SearchRequest(query: "eco*")).total == 2)
        #expect(try await store.searcher.search(SearchRequest(query: "econ*")).total == 1)
    }

    private static func definition(in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'") ?? ""
    }
}
