// SPDX-License-Identifier: Apache-2.0
import GRDB
public import NewsAPI

extension FileLedger {
    /// The files in state `failed`, newest first, with the reason recorded when they failed.
    ///
    /// Bounded by `limit`, because an inbox of junk could hold any number of them and the
    /// reply must fit in one varlink message.
    public func failures(limit: Int = 10_000) async throws -> [FailedFile] {
        try await database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT path, error, updated_at FROM files WHERE state = 'failed'
                    ORDER BY updated_at DESC, path LIMIT ?
                    """,
                arguments: [limit]
            ).map { row in
                FailedFile(
                    path: row["path"],
                    reason: row["error"] ?? "unknown",
                    failedAt: UTCTimestamp.rfc3339(seconds: row["updated_at"]))
            }
        }
    }
}
