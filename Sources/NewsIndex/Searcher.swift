// SPDX-License-Identifier: Apache-2.0
public import Foundation
import GRDB
public import NewsAPI

/// Answers searches: user query → FTS5 MATCH → ranked hits with snippets.
///
/// Each search is one read transaction, so a search never sees half of a batch.
public struct Searcher: Sendable {
    private let database: NewsDatabase
    public var weights: ColumnWeights

    public init(database: NewsDatabase, weights: ColumnWeights = ColumnWeights()) {
        self.database = database
        self.weights = weights
    }

    public func search(_ request: SearchRequest) async throws -> SearchReply {
        let started = ContinuousClock.now
        let limit = min(max(request.limit ?? 10, 0), 1000)
        let offset = max(request.offset ?? 0, 0)
        let match = try MatchExpression(query: request.query)
        let weightList = weights.sqlArguments
        let (total, hits) = try await database.pool.read { db in
            let total =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                    arguments: [match.text]
                ) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.public_id, a.title, f.path, a.source, a.url, a.published_at, a.published_offset,
                           bm25(articles_fts, \(weightList)) AS rank,
                           snippet(articles_fts, 2, '\(SearchHit.markOpen)', '\(SearchHit.markClose)', '…', 24)
                               AS snippet
                    FROM articles_fts
                    JOIN articles a ON a.id = articles_fts.rowid
                    LEFT JOIN files f ON f.id = a.file_id
                    WHERE articles_fts MATCH ?
                    ORDER BY rank
                    LIMIT ? OFFSET ?
                    """,
                arguments: [match.text, limit, offset]
            )
            return (total, rows.map(Self.hit(from:)))
        }
        let elapsed = ContinuousClock.now - started
        return SearchReply(total: total, hits: hits, tookMilliseconds: elapsed.milliseconds)
    }

    private static func hit(from row: Row) -> SearchHit {
        let publishedAt: String? = (row["published_at"] as Double?).map { seconds in
            PublicationDateText.rfc3339(seconds: seconds, offset: row["published_offset"])
        }
        return SearchHit(
            id: row["public_id"],
            title: row["title"],
            file: row["path"],
            source: row["source"],
            url: row["url"],
            publishedAt: publishedAt,
            score: -(row["rank"] as Double),
            snippet: row["snippet"] ?? ""
        )
    }
}

extension Duration {
    /// The duration in milliseconds, as a fraction.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
