// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsAPI

/// Counts the matches by source, by month and by section: the facets a results page shows
/// beside the hits, so a reader sees at a glance where and when a story ran.
///
/// One pass over the matches reads all three values of each, and Swift tallies them: three
/// `GROUP BY` statements walked a common word's matches three times (the bench's facets row
/// measures the one pass).
struct FacetCounter {
    var limit = 20

    func facets(for scope: MatchScope, in db: Database) throws -> SearchFacets {
        var sources = Tally()
        var months = Tally()
        var sections = Tally()
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT a.source, strftime('%Y-%m', a.published_at, 'unixepoch'), a.section
                    FROM \(scope.from) WHERE \(scope.condition)
                    """),
            arguments: scope.arguments)
        while let row = try rows.next() {
            sources.add(row[0])
            months.add(row[1])
            sections.add(row[2])
        }
        return SearchFacets(sources: sources.top(limit), months: months.top(limit), sections: sections.top(limit))
    }

    /// Counts of one facet's values.
    private struct Tally {
        var counts: [String: Int] = [:]

        mutating func add(_ value: String?) {
            if let value { counts[value, default: 0] += 1 }
        }

        /// The `limit` most frequent values, ties in SQLite's binary order of their UTF-8.
        func top(_ limit: Int) -> [FacetCount] {
            counts.sorted { lhs, rhs in
                lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
            }.prefix(limit).map { FacetCount(value: $0.key, count: $0.value) }
        }
    }
}
