// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
public import NewsAPI

/// Checks, copies and rebuilds the index while the daemon serves.
///
/// Errors from SQLite are turned into plain sentences here: their text can hold SQL, which
/// must not reach a client.
public struct IndexMaintenance: Sendable {
    private let database: NewsDatabase

    public init(database: NewsDatabase) {
        self.database = database
    }

    /// SQLite's `integrity_check` (pages, indexes, constraints) and FTS5's own check that the
    /// full-text index agrees with the `articles` table.
    public func check() async throws -> CheckReply {
        var messages = try await database.pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        var ok = messages == ["ok"]
        if ok { messages = ["database: ok"] }
        do {
            // An INSERT in form only: FTS5 runs its check and raises SQLITE_CORRUPT_VTAB on a
            // mismatch; nothing is written. See https://sqlite.org/fts5.html#the_integrity_check_command
            try await database.pool.write { db in
                try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)")
            }
            messages.append("full-text index: ok")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            ok = false
            messages.append("full-text index: does not match the stored articles; run 'newsq reindex'")
        }
        if ok {
            do {
                messages.append(try await checkRowCounts())
            } catch let error as DatabaseError {
                // SQLite's message alone: the error's description holds the SQL.
                messages.append("counts: not compared with the tables (\(error.message ?? "\(error.resultCode)"))")
            }
        }
        return CheckReply(ok: ok, messages: messages)
    }

    /// Compares the counts that `io.newsd.Status` reports (kept by triggers) with the tables,
    /// and sets them right when they differ: they are figures for people, so a wrong one is
    /// mended and reported rather than failing the check.
    private func checkRowCounts() async throws -> String {
        try await database.pool.write { db in
            var actual = ["articles": try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0]
            for row in try Row.fetchAll(db, sql: "SELECT 'files:' || state, count(*) FROM files GROUP BY state") {
                actual[row[0]] = row[1]
            }
            let kept = try Dictionary(
                Row.fetchAll(db, sql: "SELECT name, count FROM row_counts").map { ($0[0] as String, $0[1] as Int) },
                uniquingKeysWith: { first, _ in first })
            var corrected: [String] = []
            for name in Set(actual.keys).union(kept.keys).sorted() where actual[name, default: 0] != kept[name] {
                let count = actual[name, default: 0]
                try db.execute(
                    sql: "INSERT OR REPLACE INTO row_counts (name, count) VALUES (?, ?)", arguments: [name, count])
                corrected.append("\(name) \(kept[name].map(String.init) ?? "missing") → \(count)")
            }
            return corrected.isEmpty ? "counts: ok" : "counts: corrected (\(corrected.joined(separator: ", ")))"
        }
    }

    /// Rebuilds the full-text index from the stored articles, in one write transaction:
    /// searches keep seeing the old index until it commits.
    public func reindex() async throws -> ReindexReply {
        let started = ContinuousClock.now
        let articles = try await database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES('rebuild')")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0
        }
        database.forgetSearchStatistics()
        return ReindexReply(articles: articles, tookMilliseconds: (ContinuousClock.now - started).milliseconds)
    }

    /// Why a backup was refused or failed, in words for the client.
    public struct BackupFailure: Error, Sendable {
        /// Safe to show to the client.
        public var message: String
        /// The underlying error, for the daemon's log only.
        public var detail: String?
    }

    /// Copies the database to `path` with SQLite's online backup API, which sees one
    /// consistent snapshot even while the indexer writes.
    ///
    /// The path is claimed with `O_CREAT | O_EXCL` first, so an existing file (or a symlink
    /// planted there) is never overwritten. The copy runs on its own thread: it is blocking
    /// I/O that must not hold a Swift concurrency thread.
    public func backup(to path: String) async throws(BackupFailure) -> BackupReply {
        guard path.hasPrefix("/") else { throw BackupFailure(message: "the path must be absolute") }
        let started = ContinuousClock.now
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it exists already; choose a new path" : String(cString: strerror(errno))
            throw BackupFailure(message: "cannot create the file: \(reason)")
        }
        close(descriptor)
        let pool = database.pool
        let result: Result<Void, any Error> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    returning: Result {
                        let copy = try DatabaseQueue(path: path)
                        try pool.backup(to: copy)
                        try copy.close()
                    })
            }
        }
        if case .failure(let error) = result {
            unlink(path)
            throw BackupFailure(message: "the copy failed; see the daemon's log", detail: "\(error)")
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupReply(
            path: path, bytes: bytes, tookMilliseconds: (ContinuousClock.now - started).milliseconds)
    }
}
