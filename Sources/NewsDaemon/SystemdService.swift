// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NewsIndex
import ServiceLifecycle

/// Keeps systemd informed: `WATCHDOG=1` while the daemon is healthy, `STATUS=` with counts and
/// the queue, and `STOPPING=1` the moment a graceful shutdown begins.
///
/// The watchdog ping is not a free-running timer: each ping first proves that the database
/// answers a read and that the indexer is not stuck on a batch, so a wedged daemon stops
/// pinging and systemd restarts it.
struct SystemdService: Service {
    let notifier: SystemdNotifier
    let database: NewsDatabase
    let queue: IngestQueue
    let progress: IngestProgress
    let logger: Logger

    func run() async throws {
        let interval = notifier.watchdogInterval ?? .seconds(2)
        await withGracefulShutdownHandler {
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                await tick()
                try? await Task.sleep(for: interval)
            }
        } onGracefulShutdown: {
            notifier.stopping()
        }
    }

    private func tick() async {
        guard notifier.isEnabled else { return }
        guard let statistics = try? await IndexStatistics.read(from: database) else {
            logger.error("database read failed; withholding the watchdog ping")
            return
        }
        let pending = await queue.count
        let stuck = await progress.isStuck(limit: .seconds(120))
        notifier.status("\(statistics.articles) articles, \(statistics.files) files, \(pending) queued")
        if notifier.watchdogInterval != nil && !stuck { notifier.watchdog() }
    }
}

/// When the indexer last finished a batch, and whether it is inside one now: enough to tell
/// "busy" from "stuck".
actor IngestProgress {
    private var batchStartedAt: ContinuousClock.Instant?

    func started() { batchStartedAt = .now }
    func finished() { batchStartedAt = nil }

    /// Whether a batch is being processed now.
    var isBusy: Bool { batchStartedAt != nil }

    /// True when one batch has been running for longer than `limit`.
    func isStuck(limit: Duration) -> Bool {
        guard let batchStartedAt else { return false }
        return ContinuousClock.now - batchStartedAt > limit
    }
}
