// SPDX-License-Identifier: Apache-2.0

/// Parameters of `io.newsd.Get`.
public struct GetRequest: Codable, Sendable, Hashable {
    /// The public id a search hit or a watch match gave.
    public var id: String

    public init(id: String) {
        self.id = id
    }
}

/// The reply of `io.newsd.Get`: the article wrapped in its own object, so that facts about the
/// lookup itself can be added beside it later without mixing with the article's fields.
public struct GetReply: Codable, Sendable, Hashable {
    public var article: StoredArticle

    public init(article: StoredArticle) {
        self.article = article
    }
}

/// One normalised article as the index stores it: every field, the body as plain text with
/// paragraphs separated by blank lines.
public struct StoredArticle: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    public var source: String?
    public var section: String?
    public var tags: [String]
    public var url: String?
    /// A BCP 47 language tag, when the source said.
    public var language: String?
    /// RFC 3339 in the source's own offset; absent when the source gave no date.
    public var publishedAt: String?
    /// RFC 3339 in UTC: when newsd indexed the article.
    public var ingestedAt: String
    /// The reader that produced it: `text`, `markdown`, `html`, `feed`, `json`.
    public var format: String
    public var wordCount: Int
    /// The inbox file it came from, relative to the inbox; absent once the file is gone.
    public var file: String?
    public var body: String

    public init(
        id: String, title: String, subtitle: String? = nil, authors: [String] = [], source: String? = nil,
        section: String? = nil, tags: [String] = [], url: String? = nil, language: String? = nil,
        publishedAt: String? = nil, ingestedAt: String, format: String, wordCount: Int, file: String? = nil,
        body: String
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.source = source
        self.section = section
        self.tags = tags
        self.url = url
        self.language = language
        self.publishedAt = publishedAt
        self.ingestedAt = ingestedAt
        self.format = format
        self.wordCount = wordCount
        self.file = file
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case id, title, subtitle, authors, source, section, tags, url, language, format, file, body
        case publishedAt = "published_at"
        case ingestedAt = "ingested_at"
        case wordCount = "word_count"
    }
}

/// Parameters of `io.newsd.NotFound`: no article has this id (any more).
public struct NotFoundProblem: Codable, Sendable, Hashable {
    public var id: String

    public static let errorName = "io.newsd.NotFound"

    public init(id: String) {
        self.id = id
    }
}
