// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
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
    /// The listening socket systemd passed, taken once at start-up (`sd_listen_fds` clears
    /// the environment it reads).
    private let activatedSocket: (fd: Int32, name: String)?

    public init(configuration: DaemonConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        activatedSocket =
            SocketActivation.listenFileDescriptors { fd, name in
                logger.warning(
                    "ignoring a passed descriptor that is not a listening Unix socket",
                    metadata: ["fd": "\(fd)", "name": "\(name)"])
            }.first
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
        let progress = IngestProgress()
        let notifier = SystemdNotifier()
        let startedAt = ContinuousClock.now
        let metrics = IngestMetrics(startedAt: startedAt)
        let watchHub = WatchHub(logger: logger)
        let (events, eventSink) = AsyncStream<InboxEvent>.makeStream()
        let workers =
            configuration.ingest.workers > 0
            ? configuration.ingest.workers : ProcessInfo.processInfo.activeProcessorCount
        var pipeline = IngestPipeline(
            queue: queue,
            reader: InboxFileReader(inbox: configuration.inbox, maximumFileSize: configuration.maximumFileSize),
            normalizer: Normalizer(maximumFileSize: configuration.maximumFileSize),
            ledger: FileLedger(database: database),
            writer: IndexWriter(database: database),
            batchSize: configuration.ingest.batchSize,
            workers: workers,
            logger: logger,
            progress: progress
        )
        pipeline.metrics = metrics
        pipeline.onCommit = { await watchHub.publish($0) }
        let watcher = InboxWatcher(inbox: configuration.inbox, events: eventSink, logger: logger)
        let server = VarlinkServer(
            endpoint: try endpoint(),
            info: VarlinkServiceInfo(
                vendor: "newsd", product: "newsd", version: NewsVersion.current, url: "https://github.com/newsd/newsd"),
            interfaces: [
                NewsMethods(
                    database: database,
                    searcher: Searcher(database: database, weights: configuration.weights),
                    startedAt: startedAt,
                    operations: OperationMethods(
                        database: database, watchHub: watchHub, queue: queue, metrics: metrics,
                        dropper: InboxDropper(inbox: configuration.inbox),
                        maximumFileSize: configuration.maximumFileSize, logger: logger))
            ],
            limits: serverLimits,
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
                service: ServerService(server: server, onListening: { notifier.ready() }),
                successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup),
            // Last, so that it is the first to hear of a shutdown and says STOPPING=1 at once.
            .init(
                service: SystemdService(
                    notifier: notifier, database: database, queue: queue, progress: progress, logger: logger),
                successTerminationBehavior: .ignore,
                failureTerminationBehavior: .ignore),
        ]
        var groupConfiguration = ServiceGroupConfiguration(services: services, logger: logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(4)
        groupConfiguration.maximumCancellationDuration = .seconds(1)
        try await ServiceGroup(configuration: groupConfiguration).run()
        if activatedSocket == nil { try? FileManager.default.removeItem(atPath: configuration.socket) }
        logger.info("stopped")
    }

    /// Room in one message for an Ingest call carrying a file of `max_file_size` as base64.
    private var serverLimits: VarlinkServer.Limits {
        var limits = VarlinkServer.Limits()
        limits.maximumMessageSize = max(limits.maximumMessageSize, configuration.maximumFileSize / 3 * 4 + 64 * 1024)
        return limits
    }

    /// The socket systemd passed (socket activation), else the configured path.
    private func endpoint() throws -> VarlinkServer.Endpoint {
        if let activatedSocket {
            logger.info("serving the socket passed by systemd", metadata: ["name": "\(activatedSocket.name)"])
            return .descriptor(activatedSocket.fd)
        }
        var group: gid_t?
        if let name = configuration.socketGroup {
            guard let entry = getgrnam(name) else {
                throw ConfigurationError(path: "socket_group", message: "no group named \(name)")
            }
            group = entry.pointee.gr_gid
        }
        return .path(configuration.socket, mode: configuration.socketMode, group: group)
    }
}
