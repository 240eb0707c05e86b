// SPDX-License-Identifier: Apache-2.0

/// A column of `articles_fts` that a query word can be limited to, as in `title:sanctions`.
///
/// The names people type (`author:`, `tag:`) differ from the column names (`authors`, `tags`), so the mapping
/// lives here, in one place, next to the FTS5 column order it must agree with.
public enum QueryField: String, Sendable, Hashable, CaseIterable {
    case title, subtitle, body, authors, source, section, tags, url

    /// The FTS5 column name, as created by the schema.
    public var columnName: String { rawValue }

    /// Reads the word before a colon, case-insensitively: `Title`, `author`, `authors`, `tag`, `tags` ...
    init?(prefix: Substring) {
        switch prefix.lowercased() {
        case "title": self = .title
        case "subtitle": self = .subtitle
        case "body": self = .body
        case "author", "authors": self = .authors
        case "source", "site": self = .source
        case "section": self = .section
        case "tag", "tags": self = .tags
        case "url": self = .url
        default: return nil
        }
    }
}
