// SPDX-License-Identifier: Apache-2.0
import Logging
import NewsIndex
import ServiceLifecycle
import UnixSignals

/// SIGHUP re-reads the configuration file and the aliases, as `systemctl reload newsd` asks.
///
/// What can change while running changes (ranking weights, recency, aliases, the database
/// size cap); what cannot
/// (paths, the socket) is reported as needing a restart. systemd hears `RELOADING=1` with the
/// monotonic time first and `READY=1` after, so `systemctl reload` waits for the new settings.
struct ReloadService: Service {
    let configurationPath: String
    let requireFile: Bool
    let running: DaemonConfiguration
    let settings: SearchSettingsBox
    let database: NewsDatabase
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            notifier.reloading()
            await reload()
            notifier.ready()
        }
    }

    private func reload() async {
        do {
            let fresh = try DaemonConfiguration.load(path: configurationPath, requireFile: requireFile)
            settings.settings = try fresh.searchSettings()
            // A paused ingest retries on its own and finds the room a raised cap gives.
            try await database.limitSize(toBytes: fresh.maximumDatabaseSize)
            let fixed = [
                ("inbox", fresh.inbox != running.inbox), ("database", fresh.database != running.database),
                ("socket", fresh.socket != running.socket), ("access", fresh.access != running.access),
                ("socket_idle_timeout", fresh.socketIdleTimeoutSeconds != running.socketIdleTimeoutSeconds),
                ("max_connections", fresh.maximumConnections != running.maximumConnections),
            ].filter(\.1).map(\.0)
            if !fixed.isEmpty {
                logger.warning("changed settings need a restart", metadata: ["keys": "\(fixed.joined(separator: ","))"])
            }
            logger.info("configuration reloaded", metadata: ["path": "\(configurationPath)"])
        } catch {
            logger.error("reload failed; keeping the running configuration", metadata: ["error": "\(error)"])
        }
    }
}
