// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import NewsIndex

/// `SimHashBands`, the writer's in-memory index of fingerprints, and what replaced the
/// `simhash_bands` table: candidates are exactly the fingerprints within 3 bits, an entry that
/// outlived its article is never a match, and a restart finds earlier articles again.
@Suite struct SimHashBandsTests {
    static let base = UInt64(0xF00D_BEEF_1234_5678)

    @Test func candidatesAreTheFingerprintsWithinThreeBits() throws {
        let queue = try OlderDatabase.migrated(upTo: "v12: row_counts")
        let bands = SimHashBands()
        var generator = SystemRandomNumberGenerator()
        try queue.read { (db: Database) throws in
            func add(_ id: Int64, _ simHash: UInt64) throws -> [Int64] {
                try bands.candidatesAdding(articleID: id, simHash: simHash, within: 3, minimumWords: 40, in: db)
            }
            #expect(try add(1, Self.base) == [])
            // Flipping bits spread over every band: the pigeonhole argument, not luck, finds them.
            for (offset, bits) in [[0], [17, 40], [5, 30, 63], [15, 16, 47]].enumerated() {
                let near = bits.reduce(Self.base) { $0 ^ (1 << UInt64($1)) }
                #expect(try add(Int64(10 + offset), near).contains(1), "bits \(bits)")
            }
            for id in Int64(100)..<200 {
                var far = Self.base
                while (far ^ Self.base).nonzeroBitCount <= 3 { far = generator.next() }
                #expect(try !add(id, far).contains(1))
            }
            let fourBits = [1, 20, 33, 60].reduce(Self.base) { $0 ^ (1 << UInt64($1)) }
            #expect(try !add(300, fourBits).contains(1))
        }
    }

    @Test func anArticleRolledBackAndItsIdReusedIsNotAMatch() async throws {
        let store = try TemporaryDatabase()
        let words = (0..<300).map { "word\($0 * 7919 % 1000)" }
        let rolledBack = TemporaryDatabase.record("a.txt", title: "A", body: [words.joined(separator: " ")])
        // A batch that fails after its first file's article was indexed in memory.
        try await store.database.pool.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER fail AFTER INSERT ON files WHEN new.path = 'boom.txt'
                    BEGIN SELECT RAISE(ABORT, 'boom'); END
                    """)
        }
        await #expect(throws: DatabaseError.self) {
            try await store.writer.write([rolledBack, TemporaryDatabase.record("boom.txt", title: "X", body: ["x"])])
        }
        // Its entry names a row that was rolled back: the index is dropped, to be loaded again.
        #expect(store.database.simHashBands.entryCount == nil)
        try await store.database.pool.write { db in try db.execute(sql: "DROP TRIGGER temp.fail") }
        // Same row id, unrelated text; then the rolled-back text again: it has no earlier twin.
        let unrelated = (0..<300).map { "other\($0 * 104_729 % 997)" }.joined(separator: " ")
        try await store.writer.write([TemporaryDatabase.record("b.txt", title: "B", body: [unrelated])])
        var edited = words
        edited[150] = "changed"
        try await store.writer.write([
            TemporaryDatabase.record("c.txt", title: "C", body: [edited.joined(separator: " ")])
        ])
        let clusters = try await store.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE cluster_id IS NOT NULL")
        }
        #expect(clusters == 0)
    }

    @Test func aRestartedWriterFindsEarlierArticles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsindex-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news.sqlite").path
        let words = (0..<300).map { "word\($0 * 7919 % 1000)" }
        try await IndexWriter(database: NewsDatabase(path: path)).write([
            TemporaryDatabase.record("a.txt", title: "A", body: [words.joined(separator: " ")])
        ])
        var edited = words
        edited[150] = "changed"
        let database = try NewsDatabase(path: path)
        try await IndexWriter(database: database).write([
            TemporaryDatabase.record("b.txt", title: "B", body: [edited.joined(separator: " ")])
        ])
        let clusters = try await database.pool.read { db in
            try Int64.fetchAll(db, sql: "SELECT cluster_id FROM articles ORDER BY id")
        }
        #expect(clusters.count == 2 && clusters[0] == clusters[1])
    }

    @Test func removalsCountTowardsAReloadFromThePartialIndex() async throws {
        let store = try TemporaryDatabase()
        let stories = (0..<6).map { story in
            (0..<60).map { "story\(story)word\($0 * 7919 % 997)" }.joined(separator: " ")
        }
        try await store.writer.write(
            stories.enumerated().map { TemporaryDatabase.record("\($0.offset).txt", title: "S", body: [$0.element]) })
        #expect(store.database.simHashBands.entryCount == 6)
        // One removed article of six: not yet a third of the entries.
        try await store.writer.removeFiles(atPaths: ["0.txt"])
        #expect(store.database.simHashBands.entryCount == 6)
        try await store.writer.removeFiles(atPaths: ["1.txt", "2.txt"])
        #expect(store.database.simHashBands.entryCount == nil)
        // Loaded again on the next write, from the three articles left, plus the new one.
        try await store.writer.write([TemporaryDatabase.record("6.txt", title: "S", body: [stories[5] + " more"])])
        #expect(store.database.simHashBands.entryCount == 4)
        let plan = try await store.database.pool.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "EXPLAIN QUERY PLAN SELECT id, simhash FROM articles WHERE word_count >= 40 AND id != 1 ORDER BY id"
            ).map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("articles_simhash"))
    }

    @Test func v11DropsTheBandsTableAndItsTrigger() throws {
        let queue = try OlderDatabase.migrated(upTo: "v10: files_duplicate_of")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO articles (id, public_id, title, body, ingested_at, format, word_count, body_sha256, simhash)
                    VALUES (1, 'p1', 'T', 'B', 0, 'text', 50, 'h1', 7);
                    INSERT INTO articles_fts(rowid, title, body) VALUES (1, 'T', 'B');
                    INSERT INTO simhash_bands (band, article_id, simhash) VALUES (7, 1, 7);
                    """)
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try !db.tableExists("simhash_bands"))
            try db.execute(sql: "DELETE FROM articles WHERE id = 1")
        }
    }
}
