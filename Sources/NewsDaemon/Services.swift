// SPDX-License-Identifier: Apache-2.0
import ServiceLifecycle
import Varlink
import VarlinkNIO

/// The ingest pipeline as a service: it stops taking new work on graceful shutdown; a batch
/// being committed is one transaction, so stopping mid-way loses nothing committed.
struct IndexerService: Service {
    let pipeline: IngestPipeline

    func run() async throws {
        try await stoppingOnGracefulShutdown {
            try await pipeline.run()
        }
    }
}

/// The inbox watcher as a service, feeding the ingest queue. Watches go in before the
/// catch-up scan is queued, so that no file can fall between the two.
struct WatcherService: Service {
    let watcher: InboxWatcher
    let events: AsyncStream<InboxEvent>
    let queue: IngestQueue

    func run() async throws {
        try await stoppingOnGracefulShutdown {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    for await event in events { await queue.add(event) }
                }
                try await watcher.run(onWatching: { await queue.add(.rescan) })
                watcher.events.finish()
            }
        }
    }
}

/// The varlink server as a service: stops listening at the start of a graceful shutdown.
struct ServerService: Service {
    let server: VarlinkServer
    /// Called once the socket accepts connections: the moment to say READY=1.
    let onListening: @Sendable () -> Void

    func run() async throws {
        try await stoppingOnGracefulShutdown {
            try await server.run(onListening: onListening)
        }
    }
}

/// Runs `operation` until it returns or a graceful shutdown cancels it; cancellation is the
/// normal way these services stop, so it is not reported as a failure.
private func stoppingOnGracefulShutdown(_ operation: @escaping @Sendable () async throws -> Void) async throws {
    do {
        try await cancelWhenGracefulShutdown(operation)
    } catch is CancellationError {
        return
    }
}
