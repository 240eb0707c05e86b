// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI
import Testing

@testable import NewsIndex

@Suite struct SearchFeaturesTests {
    /// "Now" for every test: 2025-04-01, so that relative dates and recency are fixed.
    static let now = ISO8601DateFormatter().date(from: "2025-04-01T00:00:00Z")!

    private func store(_ records: [IngestRecord], settings: SearchSettings = SearchSettings()) async throws
        -> (TemporaryDatabase, Searcher)
    {
        let store = try TemporaryDatabase()
        try await store.writer.write(records)
        return (store, Searcher(database: store.database, settings: settings, now: { Self.now }))
    }

    @Test func aliasesFindTheOtherNameAndSaySo() async throws {
        var settings = SearchSettings()
        settings.aliases = AliasTable(groups: [["Kyiv", "Kiev"], ["Rosselkhozbank", "Russian Agricultural Bank"]])
        let (store, searcher) = try await store(
            [
                TemporaryDatabase.record("old.txt", title: "Shelling in Kiev", body: ["Kiev was shelled overnight."]),
                TemporaryDatabase.record(
                    "bank.txt", title: "Bank", body: ["Sanctions on the Russian Agricultural Bank were eased."]),
            ], settings: settings)
        let reply = try await searcher.search(SearchRequest(query: "Kyiv"))
        #expect(reply.hits.map(\.file) == ["old.txt"])
        #expect(reply.notes.contains { $0.contains("Kiev") })
        let bank = try await searcher.search(SearchRequest(query: "rosselkhozbank sanctions"))
        #expect(bank.hits.map(\.file) == ["bank.txt"])
        _ = store
    }

    @Test func aFreshArticleBeatsAnEquallyGoodOldOne() async throws {
        let body = ["The central bank raised interest rates again."]
        let records = [
            TemporaryDatabase.record(
                "old.txt", title: "Rates", body: body + ["Old."], published: "2020-01-01T00:00:00Z"),
            TemporaryDatabase.record(
                "new.txt", title: "Rates", body: body + ["New."], published: "2025-03-30T00:00:00Z"),
        ]
        let (store, searcher) = try await store(records)
        let blended = try await searcher.search(SearchRequest(query: "interest rates"))
        #expect(blended.hits.map(\.file) == ["new.txt", "old.txt"])
        #expect(blended.hits[0].score > blended.hits[1].score)
        let explained = try await searcher.search(SearchRequest(query: "interest rates", explain: true))
        let parts = try #require(explained.hits.last?.scoreParts)
        #expect(parts.recency < 0.6 && parts.recency >= 0.5)
        let off = try await searcher.search(SearchRequest(query: "interest rates", halfLifeDays: 0))
        #expect(off.hits.allSatisfy { $0.scoreParts == nil })
        #expect(abs(off.hits[0].score - off.hits[1].score) < 0.01)
        _ = store
    }

    @Test func sortAndDateFilters() async throws {
        let (store, searcher) = try await store([
            TemporaryDatabase.record("a.txt", title: "Oil A", body: ["oil price"], published: "2025-01-10T00:00:00Z"),
            TemporaryDatabase.record(
                "b.txt", title: "Oil B", body: ["oil price up"], published: "2025-03-20T00:00:00Z"),
            TemporaryDatabase.record(
                "c.txt", title: "Oil C", body: ["oil price down"], published: "2025-03-25T00:00:00Z"),
        ])
        #expect(
            try await searcher.search(SearchRequest(query: "oil", sort: "newest")).hits.map(\.file)
                == ["c.txt", "b.txt", "a.txt"])
        #expect(
            try await searcher.search(SearchRequest(query: "oil sort:oldest")).hits.map(\.file)
                == ["a.txt", "b.txt", "c.txt"])
        #expect(try await searcher.search(SearchRequest(query: "oil date:2025-03")).total == 2)
        #expect(
            try await searcher.search(SearchRequest(query: "oil", since: "2025-03-21")).hits.map(\.file) == ["c.txt"])
        #expect(
            try await searcher.search(SearchRequest(query: "oil", until: "2025-01-31")).hits.map(\.file) == ["a.txt"])
        #expect(try await searcher.search(SearchRequest(query: "oil since:10d")).hits.map(\.file) == ["c.txt"])
        _ = store
    }

    @Test func aLongQueryFallsBackToPartialMatchesMarkedAsSuch() async throws {
        let (store, searcher) = try await store([
            TemporaryDatabase.record(
                "pilots.txt", title: "Strike", body: ["Pilots at the airline walked out over pay."]),
            TemporaryDatabase.record("other.txt", title: "Pay", body: ["Nurses want better pay."]),
        ])
        let reply = try await searcher.search(SearchRequest(query: "airline pilots strike over pay in germany"))
        #expect(reply.total == 0)
        #expect(reply.hits.first?.file == "pilots.txt")
        #expect(reply.hits.allSatisfy { $0.partial == true })
        #expect(reply.notes.contains { $0.contains("partial") })
        _ = store
    }

    @Test func aTypoIsCorrectedWhenNothingMatches() async throws {
        let (store, searcher) = try await store([
            TemporaryDatabase.record("bank.txt", title: "Bank", body: ["Sanctions on Rosselkhozbank were eased."]),
            TemporaryDatabase.record("other.txt", title: "Other", body: ["Sanctions on steel imports."]),
        ])
        let reply = try await searcher.search(SearchRequest(query: "Roselkhozbank"))
        #expect(reply.suggestions.map(\.suggestion) == ["rosselkhozbank"])
        #expect(reply.correctedQuery == "rosselkhozbank")
        #expect(reply.hits.map(\.file) == ["bank.txt"])
        #expect(reply.notes.contains { $0.contains("showing results for") })
        _ = store
    }

    @Test func facetsCountSourcesMonthsAndSections() async throws {
        let (store, searcher) = try await store([
            TemporaryDatabase.record(
                "1.txt", title: "T1", body: ["budget one"], published: "2025-03-01T00:00:00Z",
                source: "BBC", section: "Politics"),
            TemporaryDatabase.record(
                "2.txt", title: "T2", body: ["budget two"], published: "2025-03-05T00:00:00Z",
                source: "BBC", section: "Business"),
            TemporaryDatabase.record(
                "3.txt", title: "T3", body: ["budget three"], published: "2025-02-05T00:00:00Z",
                source: "Reuters", section: "Business"),
        ])
        let facets = try #require(try await searcher.search(SearchRequest(query: "budget", facets: true)).facets)
        #expect(facets.sources == [FacetCount(value: "BBC", count: 2), FacetCount(value: "Reuters", count: 1)])
        #expect(facets.months == [FacetCount(value: "2025-03", count: 2), FacetCount(value: "2025-02", count: 1)])
        #expect(facets.sections == [FacetCount(value: "Business", count: 2), FacetCount(value: "Politics", count: 1)])
        _ = store
    }

    /// Equal counts list in byte order, and only the twenty most frequent values are listed.
    @Test func facetTiesListInByteOrderAndTheListStopsAtTwenty() async throws {
        let sources = ["b", "a", "Z", "é"] + (0..<25).map { "source \($0)" }
        let (store, searcher) = try await store(
            sources.enumerated().map { index, source in
                TemporaryDatabase.record(
                    "\(index).txt", title: "T\(index)", body: ["budget \(index)"], source: source)
            } + [TemporaryDatabase.record("extra.txt", title: "Extra", body: ["budget extra"], source: "b")])
        let facets = try #require(try await searcher.search(SearchRequest(query: "budget", facets: true)).facets)
        #expect(facets.sources.count == 20)
        #expect(facets.sources.prefix(4).map(\.value) == ["b", "Z", "a", "source 0"])
        #expect(facets.sources.first?.count == 2)
        #expect(facets.months.isEmpty)
        _ = store
    }

    @Test func nearDuplicatesFoldIntoTheEarliestUnlessAll() async throws {
        let (store, searcher) = try await store([
            TemporaryDatabase.record(
                "first.txt", title: "Quake", body: ["A strong quake hit the coast."],
                published: "2025-03-01T00:00:00Z"),
            TemporaryDatabase.record(
                "again.txt", title: "Quake", body: ["A strong quake hit the coast today."],
                published: "2025-03-02T00:00:00Z"),
        ])
        try await store.database.pool.write { db in
            let first = try Int64.fetchOne(db, sql: "SELECT min(id) FROM articles")!
            try db.execute(sql: "UPDATE articles SET cluster_id = ?", arguments: [first])
        }
        let folded = try await searcher.search(SearchRequest(query: "quake"))
        #expect(folded.total == 1)
        #expect(folded.hits.map(\.file) == ["first.txt"])
        #expect(folded.hits[0].similar?.count == 1)
        let all = try await searcher.search(SearchRequest(query: "quake", all: true))
        #expect(all.hits.count == 2)
    }

    @Test func syntaxErrorsPointAtTheColumnAsTyped() async throws {
        let (store, searcher) = try await store([])
        await #expect(throws: SearchError.self) {
            _ = try await searcher.search(SearchRequest(query: "oil since:someday"))
        }
        do {
            _ = try await searcher.search(SearchRequest(query: "oil since:someday"))
        } catch SearchError.syntax(_, let column) {
            #expect(column == 11)
        }
        _ = store
    }

    @Test(arguments: [-1, 1001])
    func limitsOutOfRangeAreRefused(_ limit: Int) async throws {
        let (store, searcher) = try await store([])
        await #expect(throws: SearchError.self) {
            _ = try await searcher.search(SearchRequest(query: "x", limit: limit))
        }
        _ = store
    }
}

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("roselkhozbank", "rosselkhozbank", 1), ("sanctoins", "sanctions", 1), ("kitten", "sitting", 3),
        ("abc", "abc", 0),
    ])
    func distances(_ a: String, _ b: String, _ expected: Int) {
        #expect(EditDistance.damerauLevenshtein(Array(a), Array(b), limit: 5) == expected)
    }

    @Test func theLimitCutsTheSearchShort() {
        #expect(EditDistance.damerauLevenshtein(Array("aaaaaaaa"), Array("bbbbbbbb"), limit: 2) == 3)
    }
}
