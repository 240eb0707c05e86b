// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// The check newsd runs before serving: SQLite's quick check of the whole file and FTS5's
/// integrity check of the index against the stored articles.
///
/// A broken full-text index is rebuilt from the articles table (the text is all there). A
/// database SQLite cannot read at all is moved aside and started afresh: the inbox is the
/// source of truth, so the catch-up scan then re-ingests every file. Either way the daemon
/// says so loudly instead of serving wrong answers.
public enum StartupCheck {
    /// What the check found and did, for the log.
    public enum Outcome: Sendable, Equatable {
        case healthy
        case rebuiltIndex(reason: String)
        case replacedDatabase(movedTo: String, reason: String)
    }

    /// Opens the database at `path`, checking and repairing as described.
    public static func open(path: String) throws -> (NewsDatabase, Outcome) {
        /// The file cannot be trusted: keep it for inspection and start afresh.
        func replaced(because reason: String) throws -> (NewsDatabase, Outcome) {
            let aside = try moveAside(path)
            return (try NewsDatabase(path: path), .replacedDatabase(movedTo: aside, reason: reason))
        }
        let database: NewsDatabase
        do {
            database = try NewsDatabase(path: path)
        } catch let error as DatabaseError where isCorruption(error) {
            return try replaced(because: "\(error.resultCode)")
        }
        do {
            let quick = try database.pool.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard quick == "ok" else { return try replaced(because: quick ?? "?") }
            do {
                try database.pool.write { db in
                    try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
                }
                return (database, .healthy)
            } catch let error as DatabaseError where isCorruption(error) {
                try rebuildIndex(database)
                return (database, .rebuiltIndex(reason: "\(error.resultCode)"))
            }
        } catch let error as DatabaseError where isCorruption(error) {
            return try replaced(because: "\(error.resultCode)")
        }
    }

    /// Rebuilds the full-text index from the stored articles.
    public static func rebuildIndex(_ database: NewsDatabase) throws {
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        }
        database.forgetSearchStatistics()
    }

    static func isCorruption(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    /// Renames the file and its WAL and shared-memory companions to `<path>.corrupt-<time>`.
    private static func moveAside(_ path: String) throws -> String {
        let suffix = ".corrupt-\(Int(Date().timeIntervalSince1970))"
        for companion in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + companion) {
            try FileManager.default.moveItem(atPath: path + companion, toPath: path + suffix + companion)
        }
        return path + suffix
    }
}
