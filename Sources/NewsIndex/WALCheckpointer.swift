// SPDX-License-Identifier: Apache-2.0
import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Copies the write-ahead log back into the database file on a connection of its own, so that
/// no commit waits for it.
///
/// SQLite's default, `wal_autocheckpoint`, runs the checkpoint inside the commit that takes the
/// log past 1,000 pages: that commit copies the pages and syncs the database file, and every
/// write queued behind it on the one writer waits, a freshly dropped file included. After a
/// burst, FTS5's segment merges fill the log quickly, so the wait showed in the freshness tail.
/// A passive checkpoint takes neither the writer's lock nor waits for readers
/// (https://sqlite.org/c3ref/wal_checkpoint_v2.html), so it can run beside the writer; the
/// writer connection's WAL hook, which replaces the automatic checkpoint, only asks for one
/// (https://sqlite.org/c3ref/wal_hook.html).
///
/// The log only starts again from its beginning when a write begins after a checkpoint that
/// copied every page: a checkpoint beside a writer that never pauses (a burst of files) is
/// always behind, and the log grew to 3 GB in the 100,000-file burst of `scripts/bench`. So once it passes
/// ``writerPageLimit`` pages, the writer checkpoints itself, as SQLite's automatic checkpoint
/// did; most pages are copied by then, so little is left for it. After the log starts again it
/// is cut back to ``sizeLimit`` bytes (`journal_size_limit`).
///
/// Requests coalesce: while a checkpoint runs, any number of requests make one more run after it.
public final class WALCheckpointer: Sendable {
    /// Log size, in pages, from which a commit asks for a checkpoint: SQLite's own default.
    static let pageThreshold: Int32 = 1000
    /// Log size, in pages, from which the writer checkpoints itself after its commit.
    static let writerPageLimit: Int32 = 8000
    /// Size the log file is cut back to when it starts again, in bytes.
    static let sizeLimit = 64 << 20

    private let path: String
    private let state = Mutex(State())
    private let connection = Mutex<DatabaseQueue?>(nil)
    private let worker = DispatchQueue(label: "newsd.wal-checkpointer", qos: .utility)

    private struct State {
        var isRunning = false
        var isRequestedAgain = false
        var completedRuns = 0
    }

    init(path: String) {
        self.path = path
    }

    /// How many background checkpoints have finished; lets tests await one.
    var completedRuns: Int {
        state.withLock { $0.completedRuns }
    }

    /// Replaces the automatic checkpoint of the writer connection `db` with requests to this
    /// checkpointer, up to ``writerPageLimit``.
    ///
    /// The hook's context is not retained: the caller keeps this checkpointer alive as long as
    /// the connection (`NewsDatabase` captures it in the pool's `prepareDatabase`, which the pool
    /// keeps until its connections are closed).
    func takeOverCheckpoints(of db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        try db.execute(sql: "PRAGMA journal_size_limit = \(Self.sizeLimit)")
        sqlite3_wal_hook(
            connection,
            { context, connection, _, pages in
                if pages >= WALCheckpointer.writerPageLimit {
                    // What SQLite's automatic checkpoint does in its hook; busy (the checkpointer
                    // is at work) leaves it to the next commit.
                    _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                } else if let context, pages >= WALCheckpointer.pageThreshold {
                    Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().request()
                }
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs a passive checkpoint now and returns when it is done: for idle moments, when the
    /// log should be emptied even if it never reached the threshold.
    public func checkpoint() async throws {
        try await openConnection().writeWithoutTransaction { db in
            _ = try db.checkpoint(.passive)
        }
    }

    /// Starts a background checkpoint, or asks the running one to go again once it is done.
    /// Called from the writer's commit, so it only takes a lock and maybe queues a block.
    func request() {
        let start = state.withLock { state in
            if state.isRunning {
                state.isRequestedAgain = true
                return false
            }
            state.isRunning = true
            return true
        }
        if start {
            worker.async { self.runUntilNoRequestIsLeft() }
        }
    }

    private func runUntilNoRequestIsLeft() {
        while true {
            // A failure leaves the log to the next request or to the idle checkpoint, which
            // reports its errors; the writer goes on either way.
            _ = try? openConnection().writeWithoutTransaction { db in
                try db.checkpoint(.passive)
            }
            let again = state.withLock { state in
                state.completedRuns += 1
                state.isRunning = state.isRequestedAgain
                state.isRequestedAgain = false
                return state.isRunning
            }
            if !again { return }
        }
    }

    /// Opens the checkpointer's own connection; `NewsDatabase` calls it once the database
    /// exists. Opening it later could create an empty database where the file was deleted
    /// under the daemon, and hide that from `DatabaseFileMonitor`.
    func connect() throws {
        var configuration = Configuration()
        configuration.label = "newsd.wal-checkpointer"
        let opened = try DatabaseQueue(path: path, configuration: configuration)
        connection.withLock { $0 = opened }
    }

    /// Closes the connection (see `NewsDatabase.deinit`); later checkpoints fail.
    func close() {
        let opened = connection.withLock { connection in
            defer { connection = nil }
            return connection
        }
        try? opened?.close()
    }

    private func openConnection() throws -> DatabaseQueue {
        guard let opened = connection.withLock({ $0 }) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the WAL checkpointer is not connected")
        }
        return opened
    }
}
