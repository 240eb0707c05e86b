// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import NewsIndex

/// Removing a ledger row clears `duplicate_of` in the rows that point at it (ON DELETE SET
/// NULL); that lookup must go through an index, or each removal scans the whole ledger.
@Suite struct LedgerRemovalTests {
    @Test func theDuplicatesOfARemovedFileAreFoundByIndex() async throws {
        let store = try TemporaryDatabase()
        let plan = try await store.database.pool.write { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN UPDATE files SET duplicate_of = NULL WHERE duplicate_of = ?",
                arguments: [1]
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("INDEX files_duplicate_of") }, "\(plan)")
    }

    @Test func aDuplicateOutlivesItsOriginal() async throws {
        let store = try TemporaryDatabase()
        let results = try await store.writer.write([
            TemporaryDatabase.record("original.txt", title: "Walrus", body: ["The walrus sang."], hash: "1"),
            TemporaryDatabase.record("copy.txt", title: "Walrus", body: ["The walrus sang."], hash: "2"),
        ])
        #expect(results[1] == .duplicate(ofPath: "original.txt"))
        try await store.writer.removeFiles(atPaths: ["original.txt"])
        let copy = try await store.database.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT state, duplicate_of FROM files WHERE path = 'copy.txt'")
        }
        #expect(copy?["state"] == "duplicate")
        #expect(copy?["duplicate_of"] as Int64? == nil)
    }
}
