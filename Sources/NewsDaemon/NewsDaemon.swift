// SPDX-License-Identifier: Apache-2.0
import Foundation
public import Logging
import NewsAPI
import NewsIndex
import NewsNormalizer
import ServiceLifecycle
import UnixSignals
import Varlink

/// The whole daemon: database, ingest, inbox watcher and socket server, run as one service
/// group that stops in reverse order on SIGTERM or SIGINT.
public struct NewsDaemon: Sendable {
    public let configuration: DaemonConfiguration
    private let logger: Logger

    public init(configuration: DaemonConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until a shutdown signal, then returns after a clean stop.
    public func run() async throws {
        let database = try NewsDatabase(path: configuration.database)
        logger.info(
            "starting",
            metadata: [
                "version": "\(NewsVersion.current)", "inbox": "\(configuration.inbox)",
                "database": "\(configuration.database)", "socket": "\(configuration.socket)",
            ])
        let queue = IngestQueue()
        let (events, eventSink) = AsyncStream<InboxEvent>.makeStream()
        let workers =
            configuration.ingest.workers > 0
            ? configuration.ingest.workers : ProcessInfo.processInfo.activeProcessorCount
        let pipeline = IngestPipeline(
            queue: queue,
            reader: InboxFileReader(inbox: configuration.inbox, maximumFileSize: configuration.maximumFileSize),
            normalizer: Normalizer(maximumFileSize: configuration.maximumFileSize),
            ledger: FileLedger(database: database),
            writer: IndexWriter(database: database),
            batchSize: configuration.ingest.batchSize,
            workers: workers,
            logger: logger
        )
        let watcher = InboxWatcher(inbox: configuration.inbox, events: eventSink, logger: logger)
        let server = VarlinkServer(
            endpoint: .path(configuration.socket, mode: configuration.socketMode),
            info: VarlinkServiceInfo(
                vendor: "newsd", product: "newsd", version: NewsVersion.current, url: "https://github.com/newsd/newsd"),
            interfaces: [
                NewsMethods(
                    database: database,
                    searcher: Searcher(database: database, weights: configuration.weights),
                    startedAt: .now)
            ],
            logger: logger
        )
        let services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: IndexerService(pipeline: pipeline), successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup),
            .init(
                service: WatcherService(watcher: watcher, events: events, queue: queue),
                successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup),
            .init(
                service: ServerService(server: server), successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup),
        ]
        var groupConfiguration = ServiceGroupConfiguration(services: services, logger: logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(4)
        groupConfiguration.maximumCancellationDuration = .seconds(1)
        try await ServiceGroup(configuration: groupConfiguration).run()
        try? FileManager.default.removeItem(atPath: configuration.socket)
        logger.info("stopped")
    }
}
