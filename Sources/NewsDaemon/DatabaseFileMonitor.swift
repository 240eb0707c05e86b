// SPDX-License-Identifier: Apache-2.0
import Glibc
import Logging
import ServiceLifecycle
import Synchronization

/// Notices the database file being deleted or replaced under the running daemon.
///
/// SQLite keeps writing to the inode it opened: after an `rm` (or a restore copied over by
/// rename) every commit goes to a file nobody can open again, and is lost at the next start.
/// Nothing fails, so nothing would tell. This service compares the path's inode with the one
/// opened, every few seconds; on a mismatch it logs at critical once, and `Check` reports it
/// until newsd is restarted (which re-indexes the inbox into a fresh database).
struct DatabaseFileMonitor: Service {
    let path: String
    let problem: DatabaseFileProblem
    let interval: Duration
    let logger: Logger

    func run() async throws {
        guard let opened = Self.identity(of: path) else { return }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            let current = Self.identity(of: path)
            guard current != opened, problem.message == nil else { continue }
            let message =
                current == nil
                ? "the database file \(path) was deleted while newsd ran; what newsd indexes now is lost at "
                    + "the next start: restart newsd to index the inbox into a new database"
                : "the database file \(path) was replaced while newsd ran; newsd still uses the old one: "
                    + "restart newsd to use the new file"
            problem.record(message)
            logger.critical("\(message)")
        }
    }

    /// Device and inode of the file at `path`, or `nil` when there is none.
    static func identity(of path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}

/// What `DatabaseFileMonitor` found, for `Check` to report.
final class DatabaseFileProblem: Sendable {
    private let current = Mutex<String?>(nil)

    var message: String? { current.withLock { $0 } }

    func record(_ message: String) {
        current.withLock { $0 = message }
    }
}
