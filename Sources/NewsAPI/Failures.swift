// SPDX-License-Identifier: Apache-2.0

/// The reply of `io.newsd.Failures`: the inbox files that gave no article, newest first.
public struct FailuresReply: Codable, Sendable, Hashable {
    public var files: [FailedFile]

    public init(files: [FailedFile]) {
        self.files = files
    }
}

/// One inbox file that could not be ingested, and why, in words a person can act on.
public struct FailedFile: Codable, Sendable, Hashable {
    /// Relative to the inbox.
    public var path: String
    public var reason: String
    /// RFC 3339 in UTC: when the file was last looked at.
    public var failedAt: String

    public init(path: String, reason: String, failedAt: String) {
        self.path = path
        self.reason = reason
        self.failedAt = failedAt
    }

    enum CodingKeys: String, CodingKey {
        case path, reason
        case failedAt = "failed_at"
    }
}
