// SPDX-License-Identifier: Apache-2.0
import Logging
import NewsIndex
import ServiceLifecycle

/// When nothing has been queued for a while, merges FTS5 segments a slice at a time and
/// checkpoints the WAL, so that bursts leave no lasting cost for queries.
struct IdleUpkeepService: Service {
    let database: NewsDatabase
    let queue: IngestQueue
    let progress: IngestProgress
    let logger: Logger
    var interval: Duration = .seconds(30)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                guard await queue.count == 0, await !progress.isBusy else { continue }
                do {
                    try await IndexTuning.idleUpkeep(database)
                } catch {
                    logger.warning("idle index upkeep failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
