// SPDX-License-Identifier: Apache-2.0

/// Parameters of `io.newsd.Ingest`: a file's bytes for the daemon to put in its inbox, for
/// users who may talk to the socket but not write the inbox.
public struct IngestRequest: Codable, Sendable, Hashable {
    /// The name the file should get; the daemon keeps only a safe last component of it.
    public var name: String
    /// The file's bytes, base64 (varlink is JSON, which has no bytes type).
    public var contentBase64: String

    /// The largest file a client should send. The daemon enforces its own `max_file_size`
    /// too; checking first on the client saves sending 27 MB of base64 only to be refused.
    public static let maximumContentBytes = 20 * 1024 * 1024

    public init(name: String, contentBase64: String) {
        self.name = name
        self.contentBase64 = contentBase64
    }

    enum CodingKeys: String, CodingKey {
        case name
        case contentBase64 = "content_base64"
    }
}

/// The reply of `io.newsd.Ingest`.
public struct IngestReply: Codable, Sendable, Hashable {
    /// Where the file landed, relative to the inbox.
    public var path: String

    public init(path: String) {
        self.path = path
    }
}

/// Parameters of `io.newsd.TooLarge`: the content is over the daemon's `max_file_size`.
public struct TooLargeProblem: Codable, Sendable, Hashable {
    public var limit: Int

    public static let errorName = "io.newsd.TooLarge"

    public init(limit: Int) {
        self.limit = limit
    }
}
