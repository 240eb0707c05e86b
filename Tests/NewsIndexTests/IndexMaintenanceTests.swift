// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI
import Testing

@testable import NewsIndex

/// Get, failures, check, reindex and the watch matcher against a real database file.
struct IndexMaintenanceTests {
    @Test func getReturnsEveryFieldAndNilForAnUnknownID() async throws {
        let temporary = try TemporaryDatabase()
        let results = try await temporary.writer.write([
            TemporaryDatabase.record("a.txt", title: "Grain deal", body: ["Wheat ships leave Odesa.", "Second."])
        ])
        guard case .indexed(let ids) = results.first else { throw TestFailure("not indexed") }
        let store = ArticleStore(database: temporary.database)
        let article = try #require(try await store.article(id: ids[0]))
        #expect(article.title == "Grain deal")
        #expect(article.file == "a.txt")
        #expect(article.body.contains("Wheat ships leave Odesa."))
        #expect(article.ingestedAt.hasSuffix("Z"))
        #expect(try await store.article(id: "nope") == nil)
    }

    @Test func failuresListOnlyFailedFiles() async throws {
        let temporary = try TemporaryDatabase()
        let failed = IngestRecord(
            file: .init(path: "x.bin", size: 1, modificationTimeNanoseconds: 1, inode: 2, sha256: "x"),
            outcome: .failed(reason: "binary: no text"))
        try await temporary.writer.write([TemporaryDatabase.record("a.txt", title: "A", body: ["Body."]), failed])
        let failures = try await FileLedger(database: temporary.database).failures()
        #expect(failures.map(\.path) == ["x.bin"])
        #expect(failures.first?.reason == "binary: no text")
    }

    @Test func checkPassesThenFindsADamagedIndexWhichReindexRepairs() async throws {
        let temporary = try TemporaryDatabase()
        try await temporary.writer.write([TemporaryDatabase.record("a.txt", title: "Grain", body: ["Wheat."])])
        let maintenance = IndexMaintenance(database: temporary.database)
        #expect(try await maintenance.check().ok)

        // Damage: change the text behind the external-content index without telling FTS5.
        try await temporary.database.pool.write { db in
            try db.execute(sql: "DROP TRIGGER articles_fts_update")
            try db.execute(sql: "UPDATE articles SET body = 'Barley only.'")
        }
        let damaged = try await maintenance.check()
        #expect(!damaged.ok)
        #expect(damaged.messages.contains { $0.contains("reindex") })
        #expect(!damaged.messages.joined().contains("INSERT"))

        #expect(try await maintenance.reindex().articles == 1)
        #expect(try await maintenance.check().ok)
    }

    @Test func backupRefusesAnExistingPathAndARelativeOne() async throws {
        let temporary = try TemporaryDatabase()
        let maintenance = IndexMaintenance(database: temporary.database)
        let path = temporary.folder.appendingPathComponent("copy.sqlite").path
        let reply = try await maintenance.backup(to: path)
        #expect(reply.bytes > 0)
        await #expect(throws: IndexMaintenance.BackupFailure.self) { try await maintenance.backup(to: path) }
        await #expect(throws: IndexMaintenance.BackupFailure.self) { try await maintenance.backup(to: "rel.sqlite") }
    }

    @Test func watchMatcherLooksOnlyAtTheGivenArticles() async throws {
        let temporary = try TemporaryDatabase()
        let results = try await temporary.writer.write([
            TemporaryDatabase.record("a.txt", title: "Sanctions on banks", body: ["Rosselkhozbank is named."]),
            TemporaryDatabase.record("b.txt", title: "Weather", body: ["Rain, then sanctions of a different kind."]),
            TemporaryDatabase.record("c.txt", title: "Grain", body: ["Wheat only."]),
        ])
        let ids = results.flatMap { result -> [String] in
            if case .indexed(let ids) = result { return ids } else { return [] }
        }
        let matcher = try WatchMatcher(database: temporary.database, query: "sanctions")
        #expect(try await matcher.matches(among: ids).map(\.file) == ["a.txt", "b.txt"])
        #expect(try await matcher.matches(among: [ids[1], ids[2]]).map(\.file) == ["b.txt"])
        #expect(try await matcher.matches(among: []).isEmpty)
        #expect(throws: QuerySyntaxError.self) { try WatchMatcher(database: temporary.database, query: "   ") }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
