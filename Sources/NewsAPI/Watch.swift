// SPDX-License-Identifier: Apache-2.0

/// Parameters of `io.newsd.Watch`, which must be called with `more: true`.
public struct WatchRequest: Codable, Sendable, Hashable {
    /// newsd's query language, as for Search (see docs/QUERY.md).
    public var query: String

    public init(query: String) {
        self.query = query
    }
}

/// One reply of `io.newsd.Watch`: first the acknowledgement (`event: "watching"`), then one
/// `event: "match"` per newly indexed article that matches.
///
/// The acknowledgement lets a client know that nothing committed from then on can be missed.
public struct WatchReply: Codable, Sendable, Hashable {
    public enum Event: String, Codable, Sendable, Hashable {
        case watching
        case match
    }

    public var event: Event
    /// Present when `event` is `match`.
    public var article: ArticleSummary?

    public static let watching = WatchReply(event: .watching, article: nil)

    public init(event: Event, article: ArticleSummary?) {
        self.event = event
        self.article = article
    }
}

/// The short form of an article: enough to show it in a list and fetch it with `Get`.
public struct ArticleSummary: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var file: String?
    public var source: String?
    public var url: String?
    /// RFC 3339 in the source's own offset.
    public var publishedAt: String?

    public init(
        id: String, title: String, file: String? = nil, source: String? = nil, url: String? = nil,
        publishedAt: String? = nil
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.source = source
        self.url = url
        self.publishedAt = publishedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, title, file, source, url
        case publishedAt = "published_at"
    }
}
