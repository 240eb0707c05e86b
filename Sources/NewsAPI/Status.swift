// SPDX-License-Identifier: Apache-2.0

/// The reply of `io.newsd.Status`.
public struct StatusReply: Codable, Sendable, Hashable {
    public var version: String
    public var articles: Int
    public var files: Int
    public var failedFiles: Int
    public var databaseBytes: Int
    public var uptimeSeconds: Double

    public init(
        version: String,
        articles: Int,
        files: Int,
        failedFiles: Int,
        databaseBytes: Int,
        uptimeSeconds: Double
    ) {
        self.version = version
        self.articles = articles
        self.files = files
        self.failedFiles = failedFiles
        self.databaseBytes = databaseBytes
        self.uptimeSeconds = uptimeSeconds
    }

    enum CodingKeys: String, CodingKey {
        case version, articles, files
        case failedFiles = "failed_files"
        case databaseBytes = "database_bytes"
        case uptimeSeconds = "uptime_seconds"
    }
}

/// An empty parameter object, for methods that take none.
public struct NoParameters: Codable, Sendable, Hashable {
    public init() {}
}
