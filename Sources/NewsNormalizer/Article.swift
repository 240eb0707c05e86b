// SPDX-License-Identifier: Apache-2.0
import Foundation

/// One clean news article, as every reader hands it to the index.
///
/// The normaliser fills what the source says and leaves the rest empty: a date is never
/// invented, and an unknown language stays `nil` rather than defaulting to English, because
/// search filters would otherwise silently lie.
public struct Article: Sendable, Hashable, Codable {
    public var title: String
    public var subtitle: String?
    public var authors: [String]
    public var publishedAt: PublicationDate?
    /// The site or publication name ("BBC News", "Responsible Statecraft").
    public var source: String?
    public var url: String?
    public var section: String?
    public var tags: [String]
    /// A BCP 47 language tag such as `en` or `pt-BR`.
    public var language: String?
    /// The body as paragraphs: already cleaned, never empty strings.
    public var paragraphs: [String]
    public var format: ArticleFormat

    public init(
        title: String,
        subtitle: String? = nil,
        authors: [String] = [],
        publishedAt: PublicationDate? = nil,
        source: String? = nil,
        url: String? = nil,
        section: String? = nil,
        tags: [String] = [],
        language: String? = nil,
        paragraphs: [String],
        format: ArticleFormat
    ) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.publishedAt = publishedAt
        self.source = source
        self.url = url
        self.section = section
        self.tags = tags
        self.language = language
        self.paragraphs = paragraphs
        self.format = format
    }

    /// The body as plain text, paragraphs separated by a blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }

    /// The 64-bit SimHash of the body, for near-duplicate detection: compare two with
    /// `SimHash.distance(_:_:)`; lightly edited copies of a story are within 3 bits. Computed on
    /// each access, so store it rather than reading it twice.
    public var simHash: UInt64 { SimHash.hash(body) }

    /// Words in the body, counted the way a reader would (runs of letters and digits).
    public var wordCount: Int {
        var count = 0
        var inWord = false
        for scalar in body.unicodeScalars {
            // ASCII first: most text is, and Unicode property lookups cost far more.
            let isWordScalar =
                scalar.isASCII
                ? (scalar.value >= 0x30 && scalar.value <= 0x39)
                    || ((scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar && !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }
}
