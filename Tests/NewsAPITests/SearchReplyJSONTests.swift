// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsAPI

/// The hand-written JSON of a search reply must read back as the same reply, and carry the
/// same members under the same keys as `JSONEncoder`'s text.
@Suite struct SearchReplyJSONTests {
    static let full = SearchReply(
        total: 1234,
        hits: [
            SearchHit(
                id: "a1b2c3", title: "Quotes \" and \\ backslashes\n\ttabs \u{1} and café, 東京",
                file: "inbox/2025/x.txt", source: "BBC", url: "https://example.com/a/b?c=d",
                publishedAt: "2025-03-20T10:00:00+01:00", score: 12.345678901234567,
                snippet: "…the <mark>sanctions</mark> on Rosselkhozbank…", partial: true, similar: ["d4e5f6", "g7"],
                scoreParts: ScoreParts(bm25: 1e-7, recency: 0.5, ageDays: 3.25)),
            SearchHit(id: "z", title: "", file: nil, score: -0.0, snippet: ""),
        ],
        tookMilliseconds: 1.5, notes: ["showing results for \"bank\""],
        suggestions: [SpellingSuggestion(term: "bnak", suggestion: "bank", articles: 42)],
        correctedQuery: "bank",
        facets: SearchFacets(
            sources: [FacetCount(value: "BBC", count: 3)], months: [FacetCount(value: "2025-03", count: 2)],
            sections: []),
        explanation: QueryExplanation(
            match: "\"bank\"", filter: nil, sort: "relevance", expansions: ["RSHB"], halfLifeDays: 30))

    static let replies = [
        full, SearchReply(total: 0, hits: [], tookMilliseconds: 0.02),
        SearchReply(
            total: 5, hits: [], tookMilliseconds: 1e20, facets: SearchFacets(sources: [], months: [], sections: [])),
    ]

    @Test(arguments: replies)
    func readsBackAsTheSameReply(_ reply: SearchReply) throws {
        let text = Data(try reply.json())
        #expect(try JSONDecoder().decode(SearchReply.self, from: text) == reply)
    }

    @Test(arguments: replies)
    func holdsWhatJSONEncoderWrites(_ reply: SearchReply) throws {
        let written = try JSONSerialization.jsonObject(with: Data(try reply.json())) as? NSDictionary
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try JSONSerialization.jsonObject(with: try encoder.encode(reply)) as? NSDictionary
        #expect(written != nil)
        #expect(written == encoded)
    }

    @Test func keysAreSortedAsTheVarlinkEncoderSortsThem() throws {
        let text = String(decoding: try Self.full.json(), as: UTF8.self)
        let keys = ["corrected_query", "explanation", "facets", "hits", "notes", "suggestions", "took_ms", "total"]
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func aNonFiniteNumberIsRefused() {
        let reply = SearchReply(total: 0, hits: [], tookMilliseconds: .nan)
        #expect(throws: JSONWriter.NonFiniteNumber.self) { try reply.json() }
    }
}
