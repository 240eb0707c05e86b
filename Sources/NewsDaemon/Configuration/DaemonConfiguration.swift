// SPDX-License-Identifier: Apache-2.0
public import Foundation
public import Logging
public import NewsIndex
import Yams

/// Everything newsd can be told: from the YAML file, then the environment.
///
/// Every key has a default, so an empty file (or none at all, with the environment
/// variables set) is a working configuration. Relative paths resolve against the working
/// directory, which is the repository root in development and `/` under systemd.
public struct DaemonConfiguration: Sendable, Hashable {
    public var inbox: String = "var/inbox"
    public var database: String = "var/newsd.sqlite"
    public var socket: String = "var/newsd.sock"
    /// Permission bits of the socket file when newsd binds it itself.
    public var socketMode: mode_t = 0o660
    /// Group given to the socket file newsd binds itself; `nil` keeps newsd's own group.
    public var socketGroup: String?
    public var logLevel: Logger.Level = .info
    /// Seconds a connection may sit idle between calls, or stall on a reply, before it is closed.
    public var socketIdleTimeoutSeconds: Int = 60
    /// Connections served at once; more are closed as they arrive.
    public var maximumConnections: Int = 256
    /// Who may call read and write methods.
    public var access = AccessSettings()
    /// Files larger than this are refused before they are read.
    public var maximumFileSize: Int = 20 * 1024 * 1024
    /// A cap on the database file in bytes, 0 for none: when it is reached ingest pauses, as on
    /// a full disk, until the cap is raised (SIGHUP applies it).
    public var maximumDatabaseSize: Int = 0
    public var ingest = IngestSettings()
    public var weights = ColumnWeights()
    /// The recency blend's half-life; 0 turns it off.
    public var recencyHalfLifeDays: Double = 90
    /// The file of names that mean the same, expanded at query time; missing is fine.
    public var aliasesPath: String = "Config/aliases.yaml"
    /// The CPU time one search may use before it is stopped with `QueryTooExpensive`.
    public var searchTimeBudgetMilliseconds: Int = 2000
    /// bm25 is computed for at most this many matches, the newest.
    public var rankingWindow: Int = SearchSettings().rankingWindow

    public struct IngestSettings: Sendable, Hashable {
        /// The most files committed in one transaction.
        public var batchSize: Int = 256
        /// Files normalised at once; 0 means one per core.
        public var workers: Int = 0
        /// Globs a file must match (any), when given; `*.pdf` matches names, `feeds/*.xml` paths.
        public var include: [String] = []
        /// Globs that keep a file out.
        public var exclude: [String] = []
        /// `remove`: a file deleted from the inbox takes its articles out of the index;
        /// `keep`: the articles stay searchable (the inbox is then a drop box).
        public var removeArticlesOfDeletedFiles = true
        /// `archive`: once ingested, a file moves into `.archive/YYYY/MM/DD/` in the inbox;
        /// `keep`: it stays where it was dropped.
        public var archiveAfterIngest = false
        /// How often the whole inbox is compared with the ledger, in seconds, in case an event
        /// was missed (a network file system, a full inotify queue); 0 turns it off.
        public var reconcileIntervalSeconds: Int = 3600

        public init() {}
    }

    public init() {}

    /// Ranking settings from this configuration, with the alias file read now.
    func searchSettings() throws(ConfigurationError) -> SearchSettings {
        var settings = SearchSettings()
        settings.weights = weights
        settings.halfLifeDays = recencyHalfLifeDays
        settings.aliases = try AliasFile.load(path: aliasesPath)
        settings.timeBudget = .milliseconds(searchTimeBudgetMilliseconds)
        settings.rankingWindow = rankingWindow
        return settings
    }

    /// The environment variables that override the file, by the key they replace.
    public static let environmentOverrides = [
        "NEWSD_INBOX": "inbox", "NEWSD_DATABASE": "database", "NEWSD_SOCKET": "socket",
    ]

    /// Loads the file at `path` (when it exists) and applies the environment on top.
    ///
    /// - Parameter requireFile: when true, a missing file is an error (an explicit `--config`).
    public static func load(
        path: String,
        requireFile: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = DaemonConfiguration()
        if FileManager.default.fileExists(atPath: path) {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError(path: path, message: "cannot read it: \(error.localizedDescription)")
            }
            try configuration.apply(yaml: text, path: path)
        } else if requireFile {
            throw ConfigurationError(path: path, message: "no such file")
        }
        if let inbox = environment["NEWSD_INBOX"], !inbox.isEmpty { configuration.inbox = inbox }
        if let database = environment["NEWSD_DATABASE"], !database.isEmpty { configuration.database = database }
        if let socket = environment["NEWSD_SOCKET"], !socket.isEmpty { configuration.socket = socket }
        return configuration
    }

    mutating func apply(yaml text: String, path: String) throws(ConfigurationError) {
        let file: ConfigurationFile
        do {
            file = try YAMLDecoder().decode(ConfigurationFile.self, from: text.isEmpty ? "{}" : text)
        } catch let error as DecodingError {
            throw ConfigurationError(path: path, message: ConfigurationError.describe(error))
        } catch {
            throw ConfigurationError(path: path, message: "\(error)")
        }
        try file.apply(to: &self, path: path)
    }
}

/// A configuration file that cannot be used, with the key or line at fault.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }

    static func describe(_ error: DecodingError) -> String {
        func key(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .typeMismatch(let type, let context): return "\(key(context.codingPath)): expected \(type)"
        case .valueNotFound(_, let context): return "\(key(context.codingPath)): missing value"
        case .keyNotFound(let codingKey, _): return "missing key \(codingKey.stringValue)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not valid YAML: \(context.debugDescription)"
                : "\(key(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
