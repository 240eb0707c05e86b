// SPDX-License-Identifier: Apache-2.0
import ServiceLifecycle

/// Queues a full comparison of the inbox with the ledger at a fixed interval: the safety net
/// for events inotify cannot deliver (files changed over NFS or SMB, a queue that overflowed
/// while the overflow event itself was lost). Unchanged files cost one `lstat` each.
struct ReconcileService: Service {
    let queue: IngestQueue
    let interval: Duration

    func run() async throws {
        guard interval > .zero else { return }
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                await queue.add(.rescan)
            }
        }
    }
}
