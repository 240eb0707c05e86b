// SPDX-License-Identifier: Apache-2.0

/// The parts of a query that FTS5 does not answer: dates and language, checked on the `articles` row.
public struct QueryFilters: Sendable, Hashable {
    /// The `published_at` interval from `since:`, `until:` and `date:`; several of them intersect.
    /// Articles without a publication date never pass a date filter.
    public var published: DateRange?
    /// Language tags from `lang:`; an article passes when its language is any of them or a subtag of one
    /// (`lang:en` takes `en-GB`). Lowercase ASCII, validated, so they are safe inside `LIKE`.
    public var languages: [String]

    public init(published: DateRange? = nil, languages: [String] = []) {
        self.published = published
        self.languages = languages
    }

    /// Whether no filter is set.
    public var isEmpty: Bool { published == nil && languages.isEmpty }

    /// A SQL condition over the `articles` columns, with `?` placeholders, or `nil` when there is no filter.
    ///
    /// - Parameter table: The name or alias the statement gives `articles`, used to qualify columns since the
    ///   searcher joins `articles_fts`, which has no `published_at` but does share the text columns.
    public func sqlCondition(table: String = "articles") -> (sql: String, arguments: [SQLValue])? {
        var clauses: [String] = []
        var arguments: [SQLValue] = []
        if let published {
            if let lower = published.lowerBound {
                clauses.append("\(table).published_at >= ?")
                arguments.append(.real(lower))
            }
            if let upper = published.upperBound {
                clauses.append("\(table).published_at < ?")
                arguments.append(.real(upper))
            }
        }
        if !languages.isEmpty {
            // LIKE is ASCII case-insensitive in SQLite, so `EN-gb` in the data still matches; the tags were
            // validated to hold no `%` or `_`.
            let alternatives = languages.map { _ in "\(table).language LIKE ? OR \(table).language LIKE ?" }
            clauses.append("(" + alternatives.joined(separator: " OR ") + ")")
            for language in languages {
                arguments.append(.text(language))
                arguments.append(.text(language + "-%"))
            }
        }
        guard !clauses.isEmpty else { return nil }
        return (clauses.joined(separator: " AND "), arguments)
    }

    /// Whether `value` is a BCP 47 tag shape: letters, then `-`-separated letters or digits (`en`, `pt-BR`,
    /// `zh-Hant-TW`).
    static func isLanguageTag(_ value: Substring) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
