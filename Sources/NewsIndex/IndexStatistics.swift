// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Counts for `io.newsd.Status`.
public struct IndexStatistics: Sendable, Hashable {
    public var articles: Int
    public var files: Int
    public var failedFiles: Int
    public var indexedFiles: Int = 0
    public var duplicateFiles: Int = 0

    /// Reads the counts in one transaction, so they agree with each other.
    public static func read(from database: NewsDatabase) async throws -> IndexStatistics {
        try await database.pool.read { db in
            // One pass over the `files_state` index rather than one count per state.
            var byState: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM files GROUP BY state") {
                byState[row[0]] = row[1]
            }
            return IndexStatistics(
                articles: try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
                files: byState.values.reduce(0, +),
                failedFiles: byState["failed", default: 0],
                indexedFiles: byState["indexed", default: 0],
                duplicateFiles: byState["duplicate", default: 0]
            )
        }
    }
}
