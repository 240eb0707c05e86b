// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
public import NewsAPI

/// Reads stored articles whole, by public id: what `io.newsd.Get` returns.
public struct ArticleStore: Sendable {
    private let database: NewsDatabase

    public init(database: NewsDatabase) {
        self.database = database
    }

    /// The article with this public id, or `nil` when there is none.
    public func article(id: String) async throws -> StoredArticle? {
        try await database.pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.*, newsd_text(a.body) AS text, f.path FROM articles a LEFT JOIN files f ON f.id = a.file_id
                    WHERE a.public_id = ?
                    """,
                arguments: [id]
            ).map(Self.article(from:))
        }
    }

    private static func article(from row: Row) -> StoredArticle {
        let publishedAt = (row["published_at"] as Double?).map { seconds in
            PublicationDateText.rfc3339(seconds: seconds, offset: row["published_offset"])
        }
        return StoredArticle(
            id: row["public_id"],
            title: row["title"],
            subtitle: row["subtitle"],
            authors: lines(row["authors"]),
            source: row["source"],
            section: row["section"],
            tags: lines(row["tags"]),
            url: row["url"],
            language: row["language"],
            publishedAt: publishedAt,
            ingestedAt: UTCTimestamp.rfc3339(seconds: row["ingested_at"]),
            format: row["format"],
            wordCount: row["word_count"],
            file: row["path"],
            body: row["text"]
        )
    }

    /// Authors and tags are stored one per line.
    private static func lines(_ text: String?) -> [String] {
        text?.split(separator: "\n").map(String.init) ?? []
    }
}

/// Instants newsd itself recorded (ingest, failure), rendered in UTC.
enum UTCTimestamp {
    static func rfc3339(seconds: Double) -> String {
        PublicationDateText.rfc3339(seconds: seconds.rounded(.down), offset: 0)
    }
}
