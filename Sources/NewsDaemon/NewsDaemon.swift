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
import VarlinkNIO

/// The whole daemon: database, ingest, inbox watcher and socket server, run as one service
/// group that stops in reverse order on SIGTERM or SIGINT.
public struct NewsDaemon: Sendable {
    public let configuration: DaemonConfiguration
    private let configurationPath: String
    private let requireFile: Bool
    private let logger: Logger
    /// The listening socket systemd passed, taken once at start-up (`sd_listen_fds` clears
    /// the environment it reads).
    private let activatedSocket: (fd: Int32, name: String)?

    /// - Parameters:
    ///   - configurationPath: where the configuration came from, re-read on SIGHUP.
    ///   - requireFile: whether that file must exist (it was named with `--config`).
    public init(configuration: DaemonConfiguration, configurationPath: String, requireFile: Bool, logger: Logger) {
        self.configuration = configuration
        self.configurationPath = configurationPath
        self.requireFile = requireFile
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
        let notifier = SystemdNotifier()
        // Migrations and the start-up check can take a while on a large index: tell systemd
        // before its start timeout runs out.
        notifier.extendTimeout(microseconds: 120_000_000)
        let (database, health) = try StartupCheck.open(path: configuration.database)
        switch health {
        case .healthy:
            break
        case .rebuiltIndex(let reason):
            logger.critical(
                "the full-text index was corrupt and has been rebuilt from the stored articles",
                metadata: ["reason": "\(reason)"])
        case .replacedDatabase(let movedTo, let reason):
            logger.critical(
                "the database was unreadable; it was moved aside and every inbox file will be indexed again",
                metadata: ["moved_to": "\(movedTo)", "reason": "\(reason)"])
        }
        try IndexTuning.configure(database)
        try await database.limitSize(toBytes: configuration.maximumDatabaseSize)
        let searchSettings = SearchSettingsBox(try configuration.searchSettings())
        logger.info(
            "starting",
            metadata: [
                "version": "\(NewsVersion.current)", "inbox": "\(configuration.inbox)",
                "database": "\(configuration.database)", "socket": "\(configuration.socket)",
            ])
        let queue = IngestQueue()
        let filter = InboxFilter(include: configuration.ingest.include, exclude: configuration.ingest.exclude)
        let progress = IngestProgress()
        let startedAt = ContinuousClock.now
        let metrics = IngestMetrics(startedAt: startedAt)
        let watchHub = WatchHub(logger: logger)
        let databaseFileProblem = DatabaseFileProblem()
        let (events, eventSink) = AsyncStream<InboxEvent>.makeStream()
        let workers =
            configuration.ingest.workers > 0
            ? configuration.ingest.workers : ProcessInfo.processInfo.activeProcessorCount
        var pipeline = IngestPipeline(
            queue: queue,
            reader: InboxFileReader(inbox: configuration.inbox, maximumFileSize: configuration.maximumFileSize),
            filter: filter,
            removeArticlesOfDeletedFiles: configuration.ingest.removeArticlesOfDeletedFiles,
            normalizer: Normalizer(maximumFileSize: configuration.maximumFileSize),
            ledger: FileLedger(database: database),
            writer: IndexWriter(database: database),
            batchSize: configuration.ingest.batchSize,
            workers: workers,
            logger: logger,
            progress: progress
        )
        pipeline.metrics = metrics
        pipeline.archiveAfterIngest = configuration.ingest.archiveAfterIngest
        pipeline.onCommit = { await watchHub.publish($0) }
        let watcher = InboxWatcher(inbox: configuration.inbox, filter: filter, events: eventSink, logger: logger)
        let server = VarlinkServer(
            endpoint: try endpoint(),
            info: VarlinkServiceInfo(
                vendor: "newsd", product: "newsd", version: NewsVersion.current, url: "https://github.com/newsd/newsd"),
            interfaces: [
                NewsMethods(
                    database: database,
                    access: try configuration.access.policy(),
                    settings: searchSettings,
                    startedAt: startedAt,
                    operations: OperationMethods(
                        database: database, watchHub: watchHub, queue: queue, metrics: metrics,
                        dropper: InboxDropper(inbox: configuration.inbox),
                        maximumFileSize: configuration.maximumFileSize, databaseFileProblem: databaseFileProblem,
                        logger: logger))
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
            .init(
                service: IdleUpkeepService(
                    database: database, queue: queue, progress: progress, metrics: metrics, logger: logger),
                successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
            .init(
                service: ReconcileService(
                    queue: queue, interval: .seconds(configuration.ingest.reconcileIntervalSeconds)),
                successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
            .init(
                service: DatabaseFileMonitor(
                    path: configuration.database, problem: databaseFileProblem, interval: .seconds(2), logger: logger),
                successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
            .init(
                service: ReloadService(
                    configurationPath: configurationPath, requireFile: requireFile, running: configuration,
                    settings: searchSettings, database: database, notifier: notifier, logger: logger),
                successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore),
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
        limits.idleTimeout = .seconds(configuration.socketIdleTimeoutSeconds)
        limits.maximumConnections = configuration.maximumConnections
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
