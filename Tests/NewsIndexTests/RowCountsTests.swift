// SPDX-License-Identifier: Apache-2.0
import GRDB
import Testing

@testable import NewsIndex

/// `row_counts` (migration v12): the triggers keep `io.newsd.Status`'s counts equal to the
/// tables' through every kind of write, and `newsq check` mends them if they ever differ.
@Suite struct RowCountsTests {
    static let long = (0..<12).map { "Sentence \($0) of a story long enough to be fingerprinted by newsd today." }

    @Test func countsFollowInsertsDuplicatesFailuresRewritesAndRemovals() async throws {
        let store = try TemporaryDatabase()
        let failure = IngestRecord(
            file: .init(path: "c.txt", size: 3, modificationTimeNanoseconds: 1, inode: 2, sha256: "x"),
            outcome: .failed(reason: "binary: the file holds binary data"))
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "A", body: Self.long),
            TemporaryDatabase.record("b.txt", title: "A", body: Self.long),
            failure,
        ])
        try await Self.expectCountsMatchTables(store, articles: 1, indexed: 1, duplicate: 1, failed: 1)
        // The failed file is fixed, and the duplicate gets a text of its own.
        try await store.writer.write([
            TemporaryDatabase.record("c.txt", title: "C", body: ["Now readable."]),
            TemporaryDatabase.record("b.txt", title: "B", body: ["A text of its own."], hash: "b2"),
        ])
        try await Self.expectCountsMatchTables(store, articles: 3, indexed: 3, duplicate: 0, failed: 0)
        try await store.writer.removeFiles(atPaths: ["a.txt", "c.txt"])
        try await Self.expectCountsMatchTables(store, articles: 1, indexed: 1, duplicate: 0, failed: 0)
    }

    @Test func theMigrationCountsExistingRows() throws {
        let queue = try OlderDatabase.migrated(upTo: "v11: simhash_bands in memory")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO files (id, path, size, mtime_ns, inode, sha256, state, first_seen_at, updated_at)
                    VALUES (1, 'a', 1, 1, 1, 'x', 'indexed', 0, 0), (2, 'b', 1, 1, 1, 'y', 'failed', 0, 0);
                    INSERT INTO articles (id, public_id, file_id, title, body, ingested_at, format, word_count, body_sha256)
                    VALUES (1, 'p1', 1, 'T', 'B', 0, 'text', 1, 'h1');
                    """)
        }
        try Schema.migrator.migrate(queue)
        let counts = try queue.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, count FROM row_counts").map {
                    ($0[0] as String, $0[1] as Int)
                })
        }
        #expect(
            counts == ["articles": 1, "files:indexed": 1, "files:failed": 1, "files:duplicate": 0, "files:ignored": 0])
    }

    @Test func checkMendsAWrongCount() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([TemporaryDatabase.record("a.txt", title: "A", body: Self.long)])
        try await store.database.pool.write { db in
            try db.execute(sql: "UPDATE row_counts SET count = 7 WHERE name = 'articles'")
        }
        let reply = try await IndexMaintenance(database: store.database).check()
        #expect(reply.messages.contains("counts: corrected (articles 7 → 1)"))
        #expect(try await IndexStatistics.read(from: store.database).articles == 1)
        #expect(try await IndexMaintenance(database: store.database).check().messages.contains("counts: ok"))
    }

    private static func expectCountsMatchTables(
        _ store: TemporaryDatabase, articles: Int, indexed: Int, duplicate: Int, failed: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let statistics = try await IndexStatistics.read(from: store.database)
        let tables = try await store.database.pool.read { db in
            (
                articles: try Int.fetchOne(db, sql: "SELECT count(*) FROM articles")!,
                files: try Int.fetchOne(db, sql: "SELECT count(*) FROM files")!
            )
        }
        #expect(statistics.articles == tables.articles, sourceLocation: sourceLocation)
        #expect(statistics.files == tables.files, sourceLocation: sourceLocation)
        #expect(
            [statistics.articles, statistics.indexedFiles, statistics.duplicateFiles, statistics.failedFiles]
                == [articles, indexed, duplicate, failed], sourceLocation: sourceLocation)
    }
}
