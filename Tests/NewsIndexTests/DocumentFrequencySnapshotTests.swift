// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import NewsIndex

/// Frequencies primed from the snapshot must equal what `newsd_rank` would count, after
/// articles are added too, and must not be used once an indexed article is removed.
@Suite struct DocumentFrequencySnapshotTests {
    static let phrases = ["\"bank\"", "\"profits\"", "\"Banks\"", "title:\"bank\"", "\"bank\"*", "\"interest rates\""]

    /// Primes `phrases` the way a search does and returns what the cache then holds for each.
    private static func primed(_ phrases: [String], in store: TemporaryDatabase) async throws -> [Int64?] {
        let statistics = store.database.rankingStatistics
        return try await store.database.pool.read { db in
            let generation = try #require(try IndexGeneration.read(in: db))
            try statistics.documentFrequencies.prime(
                phrases, into: statistics.phraseFrequencies, for: generation, in: db)
            return phrases.map { statistics.phraseFrequencies.value(for: $0, in: generation) }
        }
    }

    private static func rows(matching phrase: String, in store: TemporaryDatabase) async throws -> Int64 {
        try await store.database.pool.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [phrase])
                ?? 0
        }
    }

    /// Takes a snapshot, then replaces it with a copy that says `bank` is in `rows` rows.
    private static func plantSnapshot(withBankIn rows: Int64, in store: TemporaryDatabase) async throws {
        try await store.database.refreshDocumentFrequencies()
        let frequencies = store.database.rankingStatistics.documentFrequencies
        let taken = try #require(frequencies.current)
        var planted = taken.frequencies
        planted["bank"] = rows
        frequencies.replace(
            with: DocumentFrequencySnapshot(
                frequencies: planted, lastRowID: taken.lastRowID, rows: taken.rows, rewrites: taken.rewrites))
    }

    @Test func loneCommonWordsArePrimedExactlyAfterArticlesAreAdded() async throws {
        let store = try await RankFunctionTests.seeded()
        try await store.database.refreshDocumentFrequencies()
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "Bank news", body: ["The bank made profits."], hash: "a"),
            TemporaryDatabase.record("b.txt", title: "Banks", body: ["Banks lent more."], hash: "b"),
        ])
        let primed = try await Self.primed(Self.phrases, in: store)
        #expect(primed[0] == (try await Self.rows(matching: "\"bank\"", in: store)))
        #expect(primed[1] == (try await Self.rows(matching: "\"profits\"", in: store)))
        // `Banks` is stemmed to the same token as `bank`.
        #expect(primed[2] == primed[0])
        // A column filter, a prefix and a phrase of two words are left to newsd_rank.
        #expect(primed[3...].allSatisfy { $0 == nil })
        #expect(RankFunctionTests.agree(try await RankFunctionTests.scores(of: "bank profits", in: store)))
    }

    /// A wrong count planted in the snapshot changes the scores only if ranking reads it.
    @Test func rankingReadsThePrimedFrequencies() async throws {
        let store = try await RankFunctionTests.seeded()
        try await Self.plantSnapshot(withBankIn: 1, in: store)
        #expect(try await Self.primed(["\"bank\""], in: store) == [1])
        #expect(!RankFunctionTests.agree(try await RankFunctionTests.scores(of: "bank", in: store)))
    }

    /// Once an indexed article is removed, the planted count is never primed.
    @Test func aRemovalMakesTheSnapshotStale() async throws {
        let store = try await RankFunctionTests.seeded()
        try await store.writer.write([
            TemporaryDatabase.record("gone.txt", title: "Bank", body: ["The bank."], hash: "g")
        ])
        try await Self.plantSnapshot(withBankIn: 1, in: store)
        try await store.writer.removeFiles(atPaths: ["gone.txt"])
        #expect(try await Self.primed(["\"bank\""], in: store) == [nil])
        #expect(RankFunctionTests.agree(try await RankFunctionTests.scores(of: "bank", in: store)))
        // Taken again (as the idle upkeep does, at most a tenth of the time), it is used again.
        let retaken = try await store.database.pool.read { try DocumentFrequencySnapshot.take(in: $0) }
        store.database.rankingStatistics.documentFrequencies.replace(with: retaken)
        #expect(
            try await Self.primed(["\"bank\""], in: store) == [try await Self.rows(matching: "\"bank\"", in: store)])
    }

    /// The tokenizer that turns a query word into a term must be the index's own.
    @Test func theTokenizerIsTheIndexOne() async throws {
        let store = try TemporaryDatabase()
        let sql = try await store.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
        }
        let declared = "tokenize = '\(DocumentFrequencies.tokenizer.components.joined(separator: " "))'"
        #expect(sql?.contains(declared) == true)
    }
}
