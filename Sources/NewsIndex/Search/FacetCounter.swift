// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsAPI

/// Counts the matches by source, by month and by section: the facets a results page shows
/// beside the hits, so a reader sees at a glance where and when a story ran.
struct FacetCounter {
    var limit = 20

    func facets(for scope: MatchScope, in db: Database) throws -> SearchFacets {
        SearchFacets(
            sources: try count("a.source", scope, db),
            months: try count("strftime('%Y-%m', a.published_at, 'unixepoch')", scope, db),
            sections: try count("a.section", scope, db))
    }

    private func count(_ expression: String, _ scope: MatchScope, _ db: Database) throws -> [FacetCount] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT \(expression) AS value, count(*) AS n
                    FROM \(scope.from) WHERE \(scope.condition) AND \(expression) IS NOT NULL
                    GROUP BY value ORDER BY n DESC, value LIMIT \(limit)
                    """),
            arguments: scope.arguments)
        return rows.map { FacetCount(value: $0["value"], count: $0["n"]) }
    }
}
