// SPDX-License-Identifier: Apache-2.0

/// Parameters of `io.newsd.Search`.
public struct SearchRequest: Codable, Sendable, Hashable {
    public var query: String
    public var limit: Int?
    public var offset: Int?

    public init(query: String, limit: Int? = nil, offset: Int? = nil) {
        self.query = query
        self.limit = limit
        self.offset = offset
    }
}

/// The reply of `io.newsd.Search`.
public struct SearchReply: Codable, Sendable, Hashable {
    public var total: Int
    public var hits: [SearchHit]
    public var tookMilliseconds: Double

    public init(total: Int, hits: [SearchHit], tookMilliseconds: Double) {
        self.total = total
        self.hits = hits
        self.tookMilliseconds = tookMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case total, hits
        case tookMilliseconds = "took_ms"
    }
}

/// One ranked result.
public struct SearchHit: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var file: String?
    public var source: String?
    public var url: String?
    public var publishedAt: String?
    public var score: Double
    /// The best passage, with each matched term between `SearchHit.markOpen` and `markClose`.
    public var snippet: String

    /// Marks around a matched term in `snippet`: the HTML tags web search APIs use, so
    /// that a web page can show snippets as they are.
    public static let markOpen = "<mark>"
    public static let markClose = "</mark>"

    public init(
        id: String,
        title: String,
        file: String?,
        source: String? = nil,
        url: String? = nil,
        publishedAt: String? = nil,
        score: Double,
        snippet: String
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.source = source
        self.url = url
        self.publishedAt = publishedAt
        self.score = score
        self.snippet = snippet
    }

    enum CodingKeys: String, CodingKey {
        case id, title, file, source, url, score, snippet
        case publishedAt = "published_at"
    }
}
