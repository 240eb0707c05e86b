// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Counts for `io.newsd.Status`.
public struct IndexStatistics: Sendable, Hashable {
    public var articles: Int
    public var files: Int
    public var failedFiles: Int

    /// Reads the counts in one transaction, so they agree with each other.
    public static func read(from database: NewsDatabase) async throws -> IndexStatistics {
        try await database.pool.read { db in
            IndexStatistics(
                articles: try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0,
                files: try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0,
                failedFiles: try Int.fetchOne(db, sql: "SELECT count(*) FROM files WHERE state = 'failed'") ?? 0
            )
        }
    }
}
