// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import NewsIndex

@Suite struct WALCheckpointerTests {
    /// Commits `rows` rows of 3,000 random bytes, about a page each, in one transaction.
    private static func writeBallast(rows: Int, in store: TemporaryDatabase) async throws {
        try await store.database.pool.write { db in
            try db.execute(sql: "CREATE TABLE ballast(data BLOB)")
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO ballast SELECT randomblob(3000) FROM n
                    """, arguments: [rows])
        }
    }

    /// The writer's own automatic checkpoint is replaced by the hook, so pages that reach the
    /// database file after a large commit were copied by the checkpointer's connection.
    @Test func aCommitPastTheThresholdIsCheckpointedBesideTheWriter() async throws {
        let store = try TemporaryDatabase()
        let checkpointer = store.database.checkpointer
        let runsBefore = checkpointer.completedRuns
        let pages = Int(WALCheckpointer.pageThreshold) + 500
        try await Self.writeBallast(rows: pages, in: store)
        let deadline = ContinuousClock.now + .seconds(20)
        while checkpointer.completedRuns == runsBefore {
            try #require(ContinuousClock.now < deadline, "no background checkpoint after the commit")
            try await Task.sleep(for: .milliseconds(5))
        }
        let fileSize = try FileManager.default.attributesOfItem(atPath: store.database.path)[.size] as? Int
        #expect((fileSize ?? 0) >= pages * 3000)
        #expect(
            try await store.database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM ballast") } == pages)
    }

    /// A writer that never pauses outruns a checkpoint beside it: past `writerPageLimit` pages
    /// it checkpoints itself, within its commit, and once the log starts again its file is cut
    /// back to `sizeLimit`.
    @Test func pastTheLimitTheWriterCheckpointsAndTheLogIsCutBack() async throws {
        let store = try TemporaryDatabase()
        let checkpointer = store.database.checkpointer
        let rows = WALCheckpointer.sizeLimit / 4096 + 1000
        let runsBefore = checkpointer.completedRuns
        try await Self.writeBallast(rows: rows, in: store)
        let path = store.database.path
        let fileSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect((fileSize ?? 0) >= rows * 3000)
        #expect(checkpointer.completedRuns == runsBefore)
        let logSize = { try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0 }
        #expect(try logSize() > WALCheckpointer.sizeLimit)
        try await store.database.pool.write { db in
            try db.execute(sql: "INSERT INTO ballast VALUES (x'00')")
        }
        #expect(try logSize() <= WALCheckpointer.sizeLimit)
    }
}
