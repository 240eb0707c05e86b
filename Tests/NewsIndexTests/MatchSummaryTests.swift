// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI
import Testing

@testable import NewsIndex

/// Cached counts must never outlive the index they were counted in.
@Suite struct MatchSummaryTests {
    private func seeded() async throws -> TemporaryDatabase {
        let store = try TemporaryDatabase()
        try await store.writer.write(
            (0..<5).map { index in
                TemporaryDatabase.record(
                    "bank-\(index).txt", title: "Bank report \(index)", body: ["The bank said \(index) things."])
            })
        return store
    }

    @Test func anInsertAndADeleteEachChangeTheTotal() async throws {
        let store = try await seeded()
        #expect(try await store.searcher.search(SearchRequest(query: "bank")).total == 5)
        #expect(try await store.searcher.search(SearchRequest(query: "bank")).total == 5)
        try await store.writer.write([
            TemporaryDatabase.record("late.txt", title: "Bank late", body: ["Another bank story."])
        ])
        #expect(try await store.searcher.search(SearchRequest(query: "bank")).total == 6)
        try await store.writer.removeFiles(atPaths: ["late.txt", "bank-0.txt"])
        #expect(try await store.searcher.search(SearchRequest(query: "bank")).total == 4)
    }

    /// A summary planted for the current generation is what the search reports: proof that
    /// the cache is read, and that the reply's counts come from the summary.
    @Test func aSearchReadsTheCacheWithinAGeneration() async throws {
        let store = try await seeded()
        let database = store.database
        let generation = try #require(try await database.pool.read { db in try IndexGeneration.read(in: db) })
        let key = MatchSummary.Key(
            match: "\"bank\"", filter: nil, fold: true, window: SearchSettings().rankingWindow, findsWindowStart: true)
        database.matchSummaries.record(
            MatchSummary(matches: 5, total: 42, windowStart: nil), for: key, in: generation)
        #expect(try await store.searcher.search(SearchRequest(query: "bank")).total == 42)
        try await store.writer.write([TemporaryDatabase.record("more.txt", title: "More", body: ["bank"])])
        #expect(try await store.searcher.search(SearchRequest(query: "bank")).total == 6)
    }

    @Test func theGenerationChangesWithEveryCommitThatTouchesTheIndex() async throws {
        let store = try await seeded()
        let read = { try await store.database.pool.read { db in try IndexGeneration.read(in: db) } }
        let first = try await read()
        try await store.writer.removeFiles(atPaths: ["bank-1.txt"])
        let second = try await read()
        try await store.writer.write([TemporaryDatabase.record("x.txt", title: "X", body: ["y"])])
        let third = try await read()
        #expect(first != nil)
        #expect(Set([first, second, third]).count == 3)
    }
}
