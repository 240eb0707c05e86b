// SPDX-License-Identifier: Apache-2.0
import Foundation
public import GRDB

/// The one SQLite database of a daemon: a WAL-mode pool with one writer and many readers.
///
/// Opening it creates the file and its folder when missing and runs pending migrations, so
/// that a first start on an empty machine needs no set-up step.
public final class NewsDatabase: Sendable {
    public let path: String
    /// The indexer writes through it (the only writer); every read but a search's goes
    /// through it too.
    public let pool: DatabasePool
    /// Read-only connections for searches, which read synchronously on the calling thread
    /// (see `Searcher`). Kept apart from `pool` so that a search waiting for a free connection
    /// only ever waits for another search, which needs nothing else to finish: a connection of
    /// `pool` held by an asynchronous read is released only once its task resumes, and that
    /// task could need the very thread a waiting search blocks.
    let searchPool: DatabasePool
    /// Counts of recent searches, until the next commit (see `MatchSummary`).
    let matchSummaries = MatchSummaryCache(capacity: 10_000)
    /// Phrase frequencies and row lengths for ranking, until the next commit (see `RankFunction`).
    let rankingStatistics = RankingStatistics()
    /// Fingerprints by band for the writer's near-duplicate lookups.
    let simHashBands = SimHashBands()
    /// Checkpoints the WAL beside the writer instead of inside its commits.
    public let checkpointer: WALCheckpointer

    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let checkpointer = WALCheckpointer(path: path)
        self.checkpointer = checkpointer
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        let rankingStatistics = rankingStatistics
        configuration.prepareDatabase { db in
            StoredBody.register(in: db)
            try RankFunction.register(in: db, statistics: rankingStatistics)
            try PhraseRowsFunction.register(in: db, statistics: rankingStatistics)
            // NORMAL is durable across application crashes in WAL mode; only an OS crash or
            // power loss can drop the last transactions, which the ledger then re-ingests.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly {
                // The writer's page cache, 16 MB rather than SQLite's 2 MB: a burst inserts into
                // indexes keyed by hashes (`public_id`, `body_sha256`), which touch pages all
                // over the index, and with the default the writer read them back from the OS on
                // every batch of a burst.
                try db.execute(sql: "PRAGMA cache_size = -16384")
                try checkpointer.takeOverCheckpoints(of: db)
            }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Schema.migrator.migrate(pool)
        try checkpointer.connect()
        configuration.readonly = true
        searchPool = try DatabasePool(path: path, configuration: configuration)
    }

    /// The last connection to close checkpoints the WAL and deletes it, if it is the writer:
    /// the search pool and the checkpointer close first, so that a stopped daemon leaves the
    /// database file alone, which the next start checks.
    deinit {
        try? searchPool.close()
        checkpointer.close()
    }

    /// Forgets cached counts, frequencies and lengths: after a rebuild of the index, whose generation
    /// bytes may then repeat an earlier one's (see `IndexGeneration`).
    func forgetSearchStatistics() {
        matchSummaries.removeAll()
        rankingStatistics.removeAll()
    }

    /// Size of the database file plus its WAL, in bytes.
    public var sizeInBytes: Int {
        [path, path + "-wal"].reduce(0) { total, file in
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            return total + ((attributes?[.size] as? Int) ?? 0)
        }
    }
}
