// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import NewsIndex

/// `newsd_rank` must score every row exactly (to the last bit) as FTS5's `bm25()` does, whether a phrase's
/// frequency was counted or came from the cache, and must stop trusting the cache once the
/// index changes.
@Suite struct RankFunctionTests {
    static let weights = ColumnWeights()
    static let queries = [
        "bank", "bank profits", "profits bank", "title:bank OR market", "\"interest rates\" -oil",
        "NEAR(oil prices, 5)", "econom*", "title:(shares OR profits) growth", "bank -title:bank",
        "government plans", "plans government tax",
    ]

    /// The business section of the BBC corpus: real articles, with words common and rare.
    static func seeded() async throws -> TemporaryDatabase {
        let store = try TemporaryDatabase()
        try await KnownItemRankingTests.index(
            KnownItemRankingTests.corpus.appendingPathComponent("business"), into: store)
        return store
    }

    /// (bm25, newsd_rank) for every row `query` matches, with `phrases` as the phrase keys.
    static func scores(
        of query: String, phrases: [String]? = nil, in store: TemporaryDatabase
    ) async throws -> [(Double, Double)] {
        let compiled = try #require(try ParsedQuery(query, now: Date()).compiledMatch)
        let keys = phrases ?? compiled.phrases
        return try await store.database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT bm25(articles_fts, \(weights.sqlArguments)) AS expected,
                           \(RankFunction.call(weights: weights, phraseCount: keys.count)) AS actual
                    FROM articles_fts WHERE articles_fts MATCH ?
                    """,
                arguments: StatementArguments(keys + [compiled.text])
            ).map { ($0["expected"], $0["actual"]) }
        }
    }

    static func agree(_ pairs: [(Double, Double)]) -> Bool {
        pairs.allSatisfy { expected, actual in expected == actual }
    }

    @Test func scoresAsBM25WithTheCacheColdAndWarm() async throws {
        let store = try await Self.seeded()
        for round in 0..<2 {
            for query in round == 0 ? Self.queries : Self.queries.reversed() {
                let pairs = try await Self.scores(of: query, in: store)
                #expect(!pairs.isEmpty, "\(query) matches nothing")
                #expect(Self.agree(pairs), "\(query), round \(round)")
            }
        }
    }

    /// Keys that name the wrong phrases change the scores only if the cache is read: here the
    /// frequencies of `bank` and `profits` are cached, then asked for under each other's key.
    @Test func frequenciesComeFromTheCacheWithinAGeneration() async throws {
        let store = try await Self.seeded()
        #expect(Self.agree(try await Self.scores(of: "bank profits", in: store)))
        let swapped = try await Self.scores(of: "bank profits", phrases: ["\"profits\"", "\"bank\""], in: store)
        #expect(!Self.agree(swapped))
    }

    @Test func aNewArticleStartsANewGeneration() async throws {
        let store = try await Self.seeded()
        #expect(Self.agree(try await Self.scores(of: "bank profits", in: store)))
        try await store.writer.write([
            TemporaryDatabase.record("new.txt", title: "Bank profits", body: ["The bank made profits."])
        ])
        #expect(Self.agree(try await Self.scores(of: "bank profits", in: store)))
        #expect(Self.agree(try await Self.scores(of: "bank", in: store)))
    }

    /// A replacement that keeps the row count and every column's token total (one word swapped
    /// for another) still starts a new generation: the cached frequency of the word that left
    /// must not be used.
    @Test func aReplacementOfEqualLengthStartsANewGeneration() async throws {
        let store = try await Self.seeded()
        try await store.writer.write([
            TemporaryDatabase.record("swap.txt", title: "Swap", body: ["The bank said profits rose."], hash: "1")
        ])
        #expect(Self.agree(try await Self.scores(of: "bank", in: store)))
        try await store.writer.write([
            TemporaryDatabase.record("swap.txt", title: "Swap", body: ["The firm said profits rose."], hash: "2")
        ])
        #expect(Self.agree(try await Self.scores(of: "bank", in: store)))
    }

    /// A wrong length recorded for a row changes its score only if the lengths are read from
    /// the cache.
    @Test func rowLengthsComeFromTheCacheWithinAGeneration() async throws {
        let store = try await Self.seeded()
        #expect(Self.agree(try await Self.scores(of: "bank", in: store)))
        let (generation, row) = try await store.database.pool.read { db in
            (
                try #require(try IndexGeneration.read(in: db)),
                try #require(
                    try Int64.fetchOne(db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'bank'"))
            )
        }
        store.database.rankingStatistics.rowLengths.lengths(in: generation).record(1, ofRow: row)
        #expect(!Self.agree(try await Self.scores(of: "bank", in: store)))
    }

    /// SQLite gives the highest row id again once its row is deleted: the new article's length
    /// must not be the old one's.
    @Test func aRowIDGivenAgainIsScoredWithItsNewLength() async throws {
        let store = try await Self.seeded()
        try await store.writer.write([
            TemporaryDatabase.record("last.txt", title: "Bank", body: ["The bank."], hash: "1")
        ])
        #expect(Self.agree(try await Self.scores(of: "bank", in: store)))
        let lastRow = try await store.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM articles")
        }
        try await store.writer.removeFiles(atPaths: ["last.txt"])
        try await store.writer.write([
            TemporaryDatabase.record(
                "again.txt", title: "Bank", body: ["The bank said its profits rose by a tenth this year."], hash: "2")
        ])
        let againRow = try await store.database.pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM articles")
        }
        #expect(againRow == lastRow)
        #expect(Self.agree(try await Self.scores(of: "bank", in: store)))
    }

    /// A lone phrase's cached row count is the count of matches, column filters included.
    @Test(arguments: [
        "bank", "title:bank", "econom*", "\"interest rates\"", "title:\"interest rates\"", "title:econom*",
    ])
    func phraseRowsCountTheMatches(_ query: String) async throws {
        let store = try await Self.seeded()
        let compiled = try #require(try ParsedQuery(query, now: Date()).compiledMatch)
        #expect(compiled.phrases.count == 1)
        let (expected, actual) = try await store.database.pool.read { db in
            let expected = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [compiled.text])
            let actual = try Int.fetchOne(
                db,
                sql: """
                    SELECT \(PhraseRowsFunction.name)(articles_fts, ?) FROM articles_fts
                    WHERE articles_fts MATCH ? LIMIT 1
                    """,
                arguments: [compiled.phrases[0], compiled.text])
            return (expected, actual)
        }
        #expect(expected ?? 0 > 0)
        #expect(actual == expected)
    }

    /// FTS5 numbers phrases as they appear in the expression: the list follows the text.
    @Test func phrasesAreListedAsTheyAreWritten() throws {
        let compiled = try #require(
            try ParsedQuery("title:(shares OR \"oil price\") -NEAR(bank rates, 3) econom*", now: Date()).compiledMatch)
        #expect(compiled.phrases.count == 5)
        #expect(compiled.phrases.filter { $0.hasPrefix("title:") }.count == 2)
        var rest = Substring(compiled.text)
        for phrase in compiled.phrases {
            let written = phrase.hasPrefix("title:") ? String(phrase.dropFirst("title:".count)) : phrase
            let found = try #require(rest.range(of: written), "\(written) out of order in \(compiled.text)")
            rest = rest[found.upperBound...]
        }
    }
}
