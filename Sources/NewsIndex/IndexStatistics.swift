// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Counts for `io.newsd.Status`.
public struct IndexStatistics: Sendable, Hashable {
    public var articles: Int
    public var files: Int
    public var failedFiles: Int
    public var indexedFiles: Int = 0
    public var duplicateFiles: Int = 0

    /// Reads the counts that triggers keep in `row_counts` (migration v12): a status call costs
    /// the same at any size of index.
    public static func read(from database: NewsDatabase) async throws -> IndexStatistics {
        try await database.pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, count FROM row_counts") {
                counts[row[0]] = row[1]
            }
            let byState = { (state: String) in counts["files:" + state, default: 0] }
            return IndexStatistics(
                articles: counts["articles", default: 0],
                files: counts.filter { $0.key.hasPrefix("files:") }.values.reduce(0, +),
                failedFiles: byState("failed"),
                indexedFiles: byState("indexed"),
                duplicateFiles: byState("duplicate")
            )
        }
    }
}
