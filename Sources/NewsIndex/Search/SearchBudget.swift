// SPDX-License-Identifier: Apache-2.0
import Glibc
import GRDB
import GRDBSQLite

/// Bounds the work one search may do: CPU time of the thread running its read transaction.
///
/// The query limits (`QueryLimits`) bound what a query may say, not what it costs: a one-letter
/// prefix or a common word over a large index still makes FTS5 walk long posting lists. SQLite's
/// progress handler (https://sqlite.org/c3ref/progress_handler.html) runs every 1000 virtual
/// machine steps on that same thread; once the thread has used more CPU than the budget, it
/// returns non-zero, SQLite stops the statement with `SQLITE_INTERRUPT`, and the search fails
/// with `SearchError.tooExpensive`. Only that connection is affected.
///
/// CPU time rather than wall time: on a saturated machine (both cores busy ingesting, or a
/// test suite) an ordinary search can take seconds of wall time while doing little work, and
/// must not be refused for it; the check also runs inside SQLite, so it does not depend on a
/// free thread in Swift's cooperative pool to fire a timer.
struct SearchBudget: Sendable, Hashable {
    var limit: Duration

    init(limit: Duration) {
        self.limit = limit
    }

    /// Runs `body` with the handler installed, turning an interruption into `tooExpensive`.
    func run<Value>(in db: Database, _ body: () throws -> Value) throws -> Value {
        guard let connection = db.sqliteConnection else { return try body() }
        let meter = Meter(limitNanoseconds: limitNanoseconds)
        let context = Unmanaged.passRetained(meter)
        sqlite3_progress_handler(
            connection, 1000,
            { pointer in
                guard let pointer else { return 0 }
                return Unmanaged<Meter>.fromOpaque(pointer).takeUnretainedValue().isSpent ? 1 : 0
            }, context.toOpaque())
        defer {
            sqlite3_progress_handler(connection, 0, nil, nil)
            context.release()
        }
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && meter.isSpent {
            throw SearchError.tooExpensive(budgetMilliseconds: Int(limitNanoseconds / 1_000_000))
        }
    }

    private var limitNanoseconds: Int64 {
        Int64(limit.components.seconds) * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
    }

    /// The thread's CPU time when the search began, and how much it may use.
    private final class Meter {
        let start = Meter.threadCPUNanoseconds()
        let limitNanoseconds: Int64

        init(limitNanoseconds: Int64) {
            self.limitNanoseconds = limitNanoseconds
        }

        var isSpent: Bool { Meter.threadCPUNanoseconds() - start > limitNanoseconds }

        static func threadCPUNanoseconds() -> Int64 {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        }
    }
}
