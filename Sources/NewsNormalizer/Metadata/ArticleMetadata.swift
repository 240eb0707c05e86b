// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a file states about its article in so many words: front matter, `Key: value` header lines.
///
/// Stated metadata always wins over what the text heuristics guess, so readers fill this first and
/// let heuristics fill only the fields left `nil`. The key names are shared by every format so that
/// `Author:` in a text file and `author:` in front matter mean the same thing.
struct ArticleMetadata: Sendable, Hashable {
    var title: String?
    var subtitle: String?
    var authors: [String] = []
    var publishedAt: PublicationDate?
    var source: String?
    var url: String?
    var section: String?
    var tags: [String] = []
    var language: String?

    /// Whether no field is set.
    var isEmpty: Bool { self == ArticleMetadata() }

    /// The field a key names, case-insensitively, or `nil` for keys newsd does not read.
    enum Field: Sendable {
        case title, subtitle, authors, date, source, url, section, tags, language
    }

    static func field(forKey key: some StringProtocol) -> Field? {
        fieldsByKey[key.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "")]
    }

    private static let fieldsByKey: [String: Field] = [
        "title": .title, "headline": .title,
        "subtitle": .subtitle, "dek": .subtitle, "description": .subtitle, "summary": .subtitle,
        "author": .authors, "authors": .authors, "by": .authors, "byline": .authors,
        "date": .date, "published": .date, "publishedat": .date, "publishdate": .date, "pubdate": .date,
        "datepublished": .date, "created": .date,
        "source": .source, "site": .source, "sitename": .source, "publication": .source, "publisher": .source,
        "url": .url, "link": .url, "canonical": .url, "canonicalurl": .url,
        "section": .section, "category": .section, "categories": .section,
        "tags": .tags, "keywords": .tags, "tag": .tags,
        "language": .language, "lang": .language, "locale": .language,
    ]

    /// Stores one value under the field its key names; the first value given for a field wins.
    ///
    /// - Returns: whether the key was one newsd reads.
    @discardableResult
    mutating func set(key: some StringProtocol, values: [String]) -> Bool {
        guard let field = Self.field(forKey: key) else { return false }
        let values = values.map { TextCleaner.cleanInline($0) }.filter { !$0.isEmpty }
        guard let first = values.first else { return true }
        switch field {
        case .title: title = title ?? first
        case .subtitle: subtitle = subtitle ?? first
        case .authors:
            if authors.isEmpty { authors = values.flatMap(Self.splitAuthors) }
        case .date: publishedAt = publishedAt ?? DateParser.parse(first)
        case .source: source = source ?? first
        case .url: url = url ?? first
        case .section: section = section ?? first
        case .tags:
            if tags.isEmpty { tags = values.count == 1 ? Self.splitList(first) : values }
        case .language: language = language ?? first.replacingOccurrences(of: "_", with: "-")
        }
        return true
    }

    /// "Jane Doe and John Roe" / "Jane Doe, John Roe" → two authors; a leading "By" is dropped.
    static func splitAuthors(_ text: String) -> [String] {
        var text = Substring(text)
        if text.lowercased().hasPrefix("by ") { text = text.dropFirst(3) }
        return text.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .split(separator: ",").map { TextCleaner.cleanInline(String($0)) }.filter { !$0.isEmpty }
    }

    /// "a, b; c" → ["a", "b", "c"].
    static func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { TextCleaner.cleanInline(String($0)) }
            .filter { !$0.isEmpty }
    }

    /// Copies every set field onto `article`, keeping the article's value where this has none.
    func apply(to article: inout Article) {
        if let title { article.title = title }
        if let subtitle { article.subtitle = subtitle }
        if !authors.isEmpty { article.authors = authors }
        if let publishedAt { article.publishedAt = publishedAt }
        if let source { article.source = source }
        if let url { article.url = url }
        if let section { article.section = section }
        if !tags.isEmpty { article.tags = tags }
        if let language { article.language = language }
    }
}
