// SPDX-License-Identifier: Apache-2.0
import Logging
import NewsIndex
import ServiceLifecycle

/// Once ingest goes quiet, merges FTS5 segments slice after slice until nothing is left to
/// merge, then checkpoints the WAL and, when they are stale, counts the common terms' document
/// frequencies again: a burst's cost to queries is gone seconds after it ends.
///
/// Each slice is one short write transaction and the queue is checked between slices, so a
/// file that arrives meanwhile waits at most one slice (about 80 ms) for the writer; queries
/// read from their own snapshot and never wait. The work is redone only after new commits.
struct IdleUpkeepService: Service {
    let database: NewsDatabase
    let queue: IngestQueue
    let progress: IngestProgress
    let metrics: IngestMetrics
    let logger: Logger
    var interval: Duration = .seconds(1)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            // The commit count when the index was last found fully merged; none at start, so
            // that an index left unmerged by the previous run is merged too.
            var settledAt: Int?
            while true {
                try await Task.sleep(for: interval)
                let commits = await metrics.commitCount
                guard commits != settledAt, await isIdle() else { continue }
                do {
                    if try await mergeWhileIdle(), await metrics.commitCount == commits {
                        try await database.checkpointer.checkpoint()
                        if try await database.refreshDocumentFrequencies() { settledAt = commits }
                    }
                } catch {
                    logger.warning("idle index upkeep failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    private func isIdle() async -> Bool {
        guard await queue.count == 0 else { return false }
        return await !progress.isBusy
    }

    /// Merges until FTS5 has nothing left (`true`) or ingest resumes (`false`).
    private func mergeWhileIdle() async throws -> Bool {
        while try await IndexTuning.mergeSlice(database) {
            guard !Task.isCancelled, await isIdle() else { return false }
        }
        return true
    }
}
