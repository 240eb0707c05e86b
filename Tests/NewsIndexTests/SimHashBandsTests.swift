// SPDX-License-Identifier: Apache-2.0
import GRDB
import Testing

@testable import NewsIndex

/// `simhash_bands` (migration v8): each band row carries the fingerprint, and a trigger takes
/// a deleted article's bands out, whatever the sign of its fingerprint.
@Suite struct SimHashBandsTests {
    /// Top bit set: SQLite stores it as a negative integer, and `>>` keeps the sign.
    static let negative = UInt64(0xF00D_BEEF_1234_5678)
    static let positive = UInt64(0x0123_4567_89AB_CDEF)

    @Test func bandsFromBeforeV8MigrateWithTheirFingerprints() throws {
        let queue = try OlderDatabase.migrated(upTo: "v7: articles_fts without prefix indexes")
        try queue.write { db in
            for (id, simHash) in [(1, Self.negative), (2, Self.positive)] {
                try db.execute(
                    sql: """
                        INSERT INTO articles (id, public_id, title, body, ingested_at, format, word_count, body_sha256, simhash)
                        VALUES (?, ?, 'T', 'B', 0, 'text', 50, ?, ?)
                        """,
                    arguments: [id, "p\(id)", "h\(id)", Int64(bitPattern: simHash)])
                try db.execute(
                    sql: "INSERT INTO articles_fts(rowid, title, body) VALUES (?, 'T', 'B')", arguments: [id])
                for band in NearDuplicateClusters.bands(of: simHash) {
                    try db.execute(
                        sql: "INSERT INTO simhash_bands (band, article_id) VALUES (?, ?)", arguments: [band, id])
                }
            }
        }
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(
                try Int64.fetchAll(db, sql: "SELECT DISTINCT simhash FROM simhash_bands WHERE article_id = 1")
                    == [Int64(bitPattern: Self.negative)])
            try db.execute(sql: "DELETE FROM articles WHERE id = 1")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM simhash_bands WHERE article_id = 1") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM simhash_bands WHERE article_id = 2") == 4)
            try db.execute(sql: "DELETE FROM articles WHERE id = 2")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM simhash_bands") == 0)
        }
    }

    @Test func aRemovedFileLeavesNoBands() async throws {
        let store = try TemporaryDatabase()
        let body = (0..<12).map { "Sentence \($0) of a story long enough to be fingerprinted by newsd today." }
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "A", body: body),
            TemporaryDatabase.record("b.txt", title: "B", body: body + ["One more line."], hash: "b"),
        ])
        #expect(try await Self.bandCount(in: store) == 8)
        try await store.writer.removeFiles(atPaths: ["a.txt", "b.txt"])
        #expect(try await Self.bandCount(in: store) == 0)
    }

    private static func bandCount(in store: TemporaryDatabase) async throws -> Int? {
        try await store.database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM simhash_bands") }
    }
}
