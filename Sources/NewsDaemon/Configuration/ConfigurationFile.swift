// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NewsIndex

/// The YAML file's shape: every key optional, unknown keys rejected so that a typo
/// (`inobx:`) is reported instead of silently ignored.
struct ConfigurationFile: Decodable {
    var inbox: String?
    var database: String?
    var socket: String?
    var socketMode: String?
    var socketGroup: String?
    var logLevel: String?
    var maxFileSize: Int?
    var maxDatabaseSize: Int?
    var socketIdleTimeout: Int?
    var maxConnections: Int?
    var ingest: Ingest?
    var search: Search?
    var access: Access?

    struct Access: Decodable {
        var readUsers: [String]?
        var readGroups: [String]?
        var writeUsers: [String]?
        var writeGroups: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case readUsers = "read_users"
            case readGroups = "read_groups"
            case writeUsers = "write_users"
            case writeGroups = "write_groups"
        }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            readUsers = try container.decodeIfPresent([String].self, forKey: .readUsers)
            readGroups = try container.decodeIfPresent([String].self, forKey: .readGroups)
            writeUsers = try container.decodeIfPresent([String].self, forKey: .writeUsers)
            writeGroups = try container.decodeIfPresent([String].self, forKey: .writeGroups)
        }
    }

    struct Ingest: Decodable {
        var batchSize: Int?
        var workers: Int?
        var include: [String]?
        var exclude: [String]?
        var onDelete: String?
        var afterIngest: String?
        var reconcileInterval: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case batchSize = "batch_size"
            case workers, include, exclude
            case onDelete = "on_delete"
            case afterIngest = "after_ingest"
            case reconcileInterval = "reconcile_interval"
        }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            batchSize = try container.decodeIfPresent(Int.self, forKey: .batchSize)
            workers = try container.decodeIfPresent(Int.self, forKey: .workers)
            include = try container.decodeIfPresent([String].self, forKey: .include)
            exclude = try container.decodeIfPresent([String].self, forKey: .exclude)
            onDelete = try container.decodeIfPresent(String.self, forKey: .onDelete)
            afterIngest = try container.decodeIfPresent(String.self, forKey: .afterIngest)
            reconcileInterval = try container.decodeIfPresent(Int.self, forKey: .reconcileInterval)
        }
    }

    struct Search: Decodable {
        var weights: [String: Double]?
        var recencyHalfLifeDays: Double?
        var aliases: String?
        var timeBudgetMilliseconds: Int?
        var rankingWindow: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case weights, aliases
            case recencyHalfLifeDays = "recency_half_life_days"
            case timeBudgetMilliseconds = "time_budget_ms"
            case rankingWindow = "ranking_window"
        }

        init(from decoder: any Decoder) throws {
            try UnknownKeys.reject(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
            recencyHalfLifeDays = try container.decodeIfPresent(Double.self, forKey: .recencyHalfLifeDays)
            aliases = try container.decodeIfPresent(String.self, forKey: .aliases)
            timeBudgetMilliseconds = try container.decodeIfPresent(Int.self, forKey: .timeBudgetMilliseconds)
            rankingWindow = try container.decodeIfPresent(Int.self, forKey: .rankingWindow)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case inbox, database, socket, ingest, search, access
        case socketIdleTimeout = "socket_idle_timeout"
        case maxConnections = "max_connections"
        case socketMode = "socket_mode"
        case socketGroup = "socket_group"
        case logLevel = "log_level"
        case maxFileSize = "max_file_size"
        case maxDatabaseSize = "max_database_size"
    }

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inbox = try container.decodeIfPresent(String.self, forKey: .inbox)
        database = try container.decodeIfPresent(String.self, forKey: .database)
        socket = try container.decodeIfPresent(String.self, forKey: .socket)
        socketMode = try container.decodeIfPresent(String.self, forKey: .socketMode)
        socketGroup = try container.decodeIfPresent(String.self, forKey: .socketGroup)
        logLevel = try container.decodeIfPresent(String.self, forKey: .logLevel)
        maxFileSize = try container.decodeIfPresent(Int.self, forKey: .maxFileSize)
        maxDatabaseSize = try container.decodeIfPresent(Int.self, forKey: .maxDatabaseSize)
        ingest = try container.decodeIfPresent(Ingest.self, forKey: .ingest)
        search = try container.decodeIfPresent(Search.self, forKey: .search)
        access = try container.decodeIfPresent(Access.self, forKey: .access)
        socketIdleTimeout = try container.decodeIfPresent(Int.self, forKey: .socketIdleTimeout)
        maxConnections = try container.decodeIfPresent(Int.self, forKey: .maxConnections)
    }

    func apply(to configuration: inout DaemonConfiguration, path: String) throws(ConfigurationError) {
        if let inbox { configuration.inbox = inbox }
        if let database { configuration.database = database }
        if let socket { configuration.socket = socket }
        if let socketMode {
            guard let mode = mode_t(socketMode, radix: 8), mode <= 0o777 else {
                throw ConfigurationError(path: path, message: "socket_mode: expected octal permissions like \"0660\"")
            }
            configuration.socketMode = mode
        }
        if let socketGroup, !socketGroup.isEmpty { configuration.socketGroup = socketGroup }
        if let logLevel {
            guard let level = Logger.Level(rawValue: logLevel) else {
                let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(path: path, message: "log_level: expected one of \(levels)")
            }
            configuration.logLevel = level
        }
        if let maxFileSize {
            guard maxFileSize > 0 else { throw ConfigurationError(path: path, message: "max_file_size: must be > 0") }
            configuration.maximumFileSize = maxFileSize
        }
        if let maxDatabaseSize {
            guard maxDatabaseSize >= 0 else {
                throw ConfigurationError(path: path, message: "max_database_size: bytes, or 0 for no limit")
            }
            configuration.maximumDatabaseSize = maxDatabaseSize
        }
        if let socketIdleTimeout {
            guard socketIdleTimeout > 0 else {
                throw ConfigurationError(path: path, message: "socket_idle_timeout: seconds, > 0")
            }
            configuration.socketIdleTimeoutSeconds = socketIdleTimeout
        }
        if let maxConnections {
            guard maxConnections > 0 else {
                throw ConfigurationError(path: path, message: "max_connections: must be > 0")
            }
            configuration.maximumConnections = maxConnections
        }
        if let access {
            configuration.access.readUsers = access.readUsers ?? []
            configuration.access.readGroups = access.readGroups ?? []
            configuration.access.writeUsers = access.writeUsers ?? []
            configuration.access.writeGroups = access.writeGroups ?? []
        }
        if let batchSize = ingest?.batchSize {
            guard batchSize > 0 else { throw ConfigurationError(path: path, message: "ingest.batch_size: must be > 0") }
            configuration.ingest.batchSize = batchSize
        }
        if let workers = ingest?.workers {
            guard workers >= 0 else { throw ConfigurationError(path: path, message: "ingest.workers: must be ≥ 0") }
            configuration.ingest.workers = workers
        }
        if let include = ingest?.include { configuration.ingest.include = include }
        if let exclude = ingest?.exclude { configuration.ingest.exclude = exclude }
        if let onDelete = ingest?.onDelete {
            switch onDelete {
            case "remove": configuration.ingest.removeArticlesOfDeletedFiles = true
            case "keep": configuration.ingest.removeArticlesOfDeletedFiles = false
            default: throw ConfigurationError(path: path, message: "ingest.on_delete: expected remove or keep")
            }
        }
        if let afterIngest = ingest?.afterIngest {
            switch afterIngest {
            case "keep": configuration.ingest.archiveAfterIngest = false
            case "archive": configuration.ingest.archiveAfterIngest = true
            default: throw ConfigurationError(path: path, message: "ingest.after_ingest: expected keep or archive")
            }
        }
        if let interval = ingest?.reconcileInterval {
            guard interval >= 0 else {
                throw ConfigurationError(path: path, message: "ingest.reconcile_interval: seconds, ≥ 0")
            }
            configuration.ingest.reconcileIntervalSeconds = interval
        }
        if let halfLife = search?.recencyHalfLifeDays {
            guard halfLife >= 0 else {
                throw ConfigurationError(path: path, message: "search.recency_half_life_days: must be ≥ 0")
            }
            configuration.recencyHalfLifeDays = halfLife
        }
        if let aliases = search?.aliases { configuration.aliasesPath = aliases }
        if let window = search?.rankingWindow {
            guard window > 0 else {
                throw ConfigurationError(path: path, message: "search.ranking_window: must be > 0")
            }
            configuration.rankingWindow = window
        }
        if let budget = search?.timeBudgetMilliseconds {
            guard budget > 0 else {
                throw ConfigurationError(path: path, message: "search.time_budget_ms: must be > 0")
            }
            configuration.searchTimeBudgetMilliseconds = budget
        }
        for (column, weight) in search?.weights ?? [:] {
            guard weight >= 0 else {
                throw ConfigurationError(path: path, message: "search.weights.\(column): must be ≥ 0")
            }
            guard configuration.weights.set(column, to: weight) else {
                throw ConfigurationError(path: path, message: "search.weights: unknown column \(column)")
            }
        }
    }
}

/// Rejects keys a configuration object does not know.
enum UnknownKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func reject(in decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            let path = (decoder.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath + [key],
                    debugDescription: "unknown key \(path) (known here: \(allowed.joined(separator: ", ")))"
                )
            )
        }
    }
}

extension ColumnWeights {
    /// Sets a column's weight by its name; `false` for an unknown column.
    mutating func set(_ column: String, to weight: Double) -> Bool {
        switch column {
        case "title": title = weight
        case "subtitle": subtitle = weight
        case "body": body = weight
        case "authors": authors = weight
        case "source": source = weight
        case "section": section = weight
        case "tags": tags = weight
        case "url": url = weight
        default: return false
        }
        return true
    }
}
