// SPDX-License-Identifier: Apache-2.0

/// The reply of `io.newsd.Status`.
public struct StatusReply: Codable, Sendable, Hashable {
    public var version: String
    public var articles: Int
    public var files: Int
    public var failedFiles: Int
    public var databaseBytes: Int
    public var uptimeSeconds: Double
    /// Files whose articles are in the index.
    public var indexedFiles: Int
    /// Files that held only articles the index already had.
    public var duplicateFiles: Int
    /// Paths waiting for the indexer.
    public var queueLength: Int
    /// Files taken per second, averaged over the last minute.
    public var ingestRate: Double
    /// Seconds from a file's arrival in the inbox to its articles being searchable: the last
    /// file, and the 95th percentile of the last 1000. Absent until a file has been indexed.
    public var lagLastSeconds: Double?
    public var lagP95Seconds: Double?
    /// Open `io.newsd.Watch` calls.
    public var watchers: Int
    /// Why ingest is paused (the database or the disk is full), absent while it runs.
    /// Queries keep working meanwhile, and ingest resumes by itself once there is room.
    public var ingestPaused: String?

    public init(
        version: String,
        articles: Int,
        files: Int,
        failedFiles: Int,
        databaseBytes: Int,
        uptimeSeconds: Double,
        indexedFiles: Int = 0,
        duplicateFiles: Int = 0,
        queueLength: Int = 0,
        ingestRate: Double = 0,
        lagLastSeconds: Double? = nil,
        lagP95Seconds: Double? = nil,
        watchers: Int = 0,
        ingestPaused: String? = nil
    ) {
        self.version = version
        self.articles = articles
        self.files = files
        self.failedFiles = failedFiles
        self.databaseBytes = databaseBytes
        self.uptimeSeconds = uptimeSeconds
        self.indexedFiles = indexedFiles
        self.duplicateFiles = duplicateFiles
        self.queueLength = queueLength
        self.ingestRate = ingestRate
        self.lagLastSeconds = lagLastSeconds
        self.lagP95Seconds = lagP95Seconds
        self.watchers = watchers
        self.ingestPaused = ingestPaused
    }

    enum CodingKeys: String, CodingKey {
        case version, articles, files, watchers
        case failedFiles = "failed_files"
        case databaseBytes = "database_bytes"
        case uptimeSeconds = "uptime_seconds"
        case indexedFiles = "indexed_files"
        case duplicateFiles = "duplicate_files"
        case queueLength = "queue_length"
        case ingestRate = "ingest_rate"
        case lagLastSeconds = "lag_last_seconds"
        case lagP95Seconds = "lag_p95_seconds"
        case ingestPaused = "ingest_paused"
    }
}

/// An empty parameter object, for methods that take none.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}
}
