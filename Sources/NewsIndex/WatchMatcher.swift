// SPDX-License-Identifier: Apache-2.0
public import Foundation
import GRDB
public import NewsAPI

/// Decides which newly committed articles match a standing query, for `io.newsd.Watch`.
///
/// The query is parsed once, when the watch starts; each commit then costs one MATCH
/// restricted to the batch's new rows, so a watch never rescans the index.
public struct WatchMatcher: Sendable {
    private let database: NewsDatabase
    private let match: String?
    private let filter: (sql: String, arguments: [SQLValue])?

    /// Parses `query` as Search does.
    ///
    /// - Throws: ``QuerySyntaxError`` for a query Search would refuse too.
    public init(database: NewsDatabase, query: String, now: Date = Date()) throws(QuerySyntaxError) {
        let parsed = try ParsedQuery(query, now: now)
        self.database = database
        self.match = parsed.match
        self.filter = parsed.filters.sqlCondition(table: "a")
    }

    /// The articles among `publicIDs` that match, in commit order.
    public func matches(among publicIDs: [String]) async throws -> [ArticleSummary] {
        guard !publicIDs.isEmpty else { return [] }
        let (match, filter) = (self.match, self.filter)
        return try await database.pool.read { db in
            let placeholders = Array(repeating: "?", count: publicIDs.count).joined(separator: ", ")
            var rowIDs = try Int64.fetchAll(
                db, sql: "SELECT id FROM articles WHERE public_id IN (\(placeholders))",
                arguments: StatementArguments(publicIDs))
            guard !rowIDs.isEmpty else { return [] }
            if let match {
                // Row ids are integers from the database itself, so listing them inline is safe;
                // the user's text goes only through the bound MATCH argument.
                let list = rowIDs.map(String.init).joined(separator: ", ")
                rowIDs = try Int64.fetchAll(
                    db, sql: "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN (\(list))",
                    arguments: [match])
                guard !rowIDs.isEmpty else { return [] }
            }
            var sql = """
                SELECT a.public_id, a.title, f.path, a.source, a.url, a.published_at, a.published_offset
                FROM articles a LEFT JOIN files f ON f.id = a.file_id
                WHERE a.id IN (\(rowIDs.map(String.init).joined(separator: ", ")))
                """
            var arguments = StatementArguments()
            if let filter {
                sql += " AND " + filter.sql
                arguments += StatementArguments(filter.arguments.map(Self.bindable))
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY a.id", arguments: arguments).map(Self.summary(from:))
        }
    }

    private static func summary(from row: Row) -> ArticleSummary {
        ArticleSummary(
            id: row["public_id"], title: row["title"], file: row["path"], source: row["source"], url: row["url"],
            publishedAt: (row["published_at"] as Double?).map {
                PublicationDateText.rfc3339(seconds: $0, offset: row["published_offset"])
            })
    }

    private static func bindable(_ value: SQLValue) -> DatabaseValue {
        switch value {
        case .text(let text): text.databaseValue
        case .real(let number): number.databaseValue
        }
    }
}
