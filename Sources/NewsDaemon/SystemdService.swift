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

/// The indexer's steps in progress (reading a batch, committing one), and since when: enough
/// to tell "busy" from "stuck". Reading the next batch and committing the previous one overlap,
/// so each step is tracked on its own.
actor IngestProgress {
    private var running: [Int: ContinuousClock.Instant] = [:]
    private var nextStep = 0

    /// Marks a step as begun; pass the result to `finished`.
    func started() -> Int {
        nextStep += 1
        running[nextStep] = .now
        return nextStep
    }

    func finished(_ step: Int) { running[step] = nil }

    /// Whether any step is running now.
    var isBusy: Bool { !running.isEmpty }

    /// True when one step has been running for longer than `limit`.
    func isStuck(limit: Duration) -> Bool {
        let now = ContinuousClock.now
        return running.values.contains { now - $0 > limit }
    }
}
