// SPDX-License-Identifier: Apache-2.0

/// The reply of `io.newsd.Check`.
public struct CheckReply: Codable, Sendable, Hashable {
    /// True when both SQLite's and FTS5's checks found nothing wrong.
    public var ok: Bool
    /// One line per problem found, or a single "ok" line per check that passed.
    public var messages: [String]

    public init(ok: Bool, messages: [String]) {
        self.ok = ok
        self.messages = messages
    }
}

/// Parameters of `io.newsd.Backup`.
public struct BackupRequest: Codable, Sendable, Hashable {
    /// An absolute path the daemon may create; an existing file is never replaced.
    public var path: String

    public init(path: String) {
        self.path = path
    }
}

/// The reply of `io.newsd.Backup`.
public struct BackupReply: Codable, Sendable, Hashable {
    public var path: String
    public var bytes: Int
    public var tookMilliseconds: Double

    public init(path: String, bytes: Int, tookMilliseconds: Double) {
        self.path = path
        self.bytes = bytes
        self.tookMilliseconds = tookMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case path, bytes
        case tookMilliseconds = "took_ms"
    }
}

/// The reply of `io.newsd.Reindex`.
public struct ReindexReply: Codable, Sendable, Hashable {
    /// How many articles the rebuilt index holds.
    public var articles: Int
    public var tookMilliseconds: Double

    public init(articles: Int, tookMilliseconds: Double) {
        self.articles = articles
        self.tookMilliseconds = tookMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case articles
        case tookMilliseconds = "took_ms"
    }
}

/// Parameters of `io.newsd.BackupFailed`: why no copy was written, without internal detail.
public struct BackupProblem: Codable, Sendable, Hashable {
    public var path: String
    public var message: String

    public static let errorName = "io.newsd.BackupFailed"

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}
