// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI
import Testing

@testable import NewsIndex

@Suite struct SearcherTests {
    private func seeded() async throws -> TemporaryDatabase {
        let store = try TemporaryDatabase()
        try await store.writer.write([
            TemporaryDatabase.record(
                "sanctions.txt", title: "Kremlin wants sanctions eased",
                body: ["The deal would hinge on lifting sanctions on Rosselkhozbank, the agricultural bank."]),
            TemporaryDatabase.record(
                "bank.txt", title: "Bank results",
                body: ["The bank reported profits. Sanctions were not mentioned by the chairman."]),
            TemporaryDatabase.record(
                "other.txt", title: "Football", body: ["A match report with no banks in it."]),
        ])
        return store
    }

    @Test func allWordsMustMatchAndTheBestMatchComesFirst() async throws {
        let store = try await seeded()
        let reply = try await store.searcher.search(SearchRequest(query: "sanctions Rosselkhozbank"))
        #expect(reply.total == 1)
        #expect(reply.hits.first?.title == "Kremlin wants sanctions eased")
        #expect(reply.hits.first?.file == "sanctions.txt")
    }

    @Test func titleMatchesOutrankBodyMatches() async throws {
        let store = try await seeded()
        let reply = try await store.searcher.search(SearchRequest(query: "sanctions"))
        #expect(reply.hits.map(\.file) == ["sanctions.txt", "bank.txt"])
        #expect(reply.hits[0].score > reply.hits[1].score)
    }

    @Test func snippetsMarkStemmedMatches() async throws {
        let store = try await seeded()
        let reply = try await store.searcher.search(SearchRequest(query: "sanction rosselkhozbank"))
        let snippet = try #require(reply.hits.first?.snippet)
        #expect(snippet.contains("<mark>sanctions</mark>"))
        #expect(snippet.contains("<mark>Rosselkhozbank</mark>"))
    }

    @Test(arguments: ["\"", "AND", "NEAR(", "title:", "a:b OR", "*", "(((", "\"unbalanced", "NOT x", "-"])
    func fts5SyntaxInUserTextIsNeverAnSQLiteError(_ query: String) async throws {
        let store = try await seeded()
        do {
            _ = try await store.searcher.search(SearchRequest(query: query))
        } catch let error as SearchError {
            guard case .syntax(let message, let column) = error else { return }
            #expect(!message.lowercased().contains("fts5"))
            #expect(column >= 1)
        }
    }

    @Test func limitAndOffsetPage() async throws {
        let store = try await seeded()
        let first = try await store.searcher.search(SearchRequest(query: "bank", limit: 1))
        let second = try await store.searcher.search(SearchRequest(query: "bank", limit: 1, offset: 1))
        #expect(first.total == 3 && second.total == 3)
        #expect(first.hits.count == 1 && second.hits.count == 1)
        #expect(first.hits[0].id != second.hits[0].id)
    }
}
