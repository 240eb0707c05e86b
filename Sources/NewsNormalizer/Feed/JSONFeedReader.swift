// SPDX-License-Identifier: Apache-2.0

/// Reads a JSON Feed (https://jsonfeed.org, versions 1 and 1.1): one article per item.
enum JSONFeedReader {
    /// Whether a decoded JSON object is a JSON Feed: its `version` is the spec's URL.
    static func isFeed(_ object: [String: Any]) -> Bool {
        (object["version"] as? String)?.hasPrefix("https://jsonfeed.org/version/") == true
    }

    static func read(_ feed: [String: Any]) throws(NormalizationError) -> [Article] {
        guard let items = feed["items"] as? [Any] else {
            throw NormalizationError(.malformed, "the JSON Feed has no \"items\" array")
        }
        let source = (feed["title"] as? String).map(TextCleaner.cleanInline)
        let feedLanguage = feed["language"] as? String
        // Version 1 has one `author`; 1.1 has `authors`. Items inherit the feed's.
        let feedAuthors = authors(feed)
        return items.compactMap { item -> Article? in
            guard let item = item as? [String: Any] else { return nil }
            let paragraphs: [String]
            if let html = item["content_html"] as? String, !html.isEmpty {
                paragraphs = HTMLReader.fragmentParagraphs(html)
            } else if let text = item["content_text"] as? String ?? item["summary"] as? String {
                paragraphs = TextCleaner.paragraphs(text)
            } else {
                paragraphs = []
            }
            let title = TextCleaner.cleanInline(item["title"] as? String ?? "")
            guard !paragraphs.isEmpty || !title.isEmpty else { return nil }
            let itemAuthors = authors(item)
            let summary = (item["summary"] as? String).map(TextCleaner.cleanInline)
            let date = (item["date_published"] as? String ?? item["date_modified"] as? String)
            return Article(
                title: title,
                subtitle: summary.flatMap { summary in
                    summary.isEmpty || paragraphs.first?.hasPrefix(summary.prefix(60)) == true ? nil : summary
                },
                authors: itemAuthors.isEmpty ? feedAuthors : itemAuthors,
                publishedAt: date.flatMap(InterimDateParser.parse),
                source: source,
                url: item["url"] as? String ?? item["external_url"] as? String,
                tags: ((item["tags"] as? [Any]) ?? []).compactMap { $0 as? String }.map(TextCleaner.cleanInline),
                language: item["language"] as? String ?? feedLanguage,
                paragraphs: paragraphs,
                format: .feed
            )
        }
    }

    private static func authors(_ object: [String: Any]) -> [String] {
        var objects = (object["authors"] as? [Any]) ?? []
        if let author = object["author"] { objects.append(author) }
        return objects.compactMap { ($0 as? [String: Any])?["name"] as? String }.map(TextCleaner.cleanInline)
            .filter { !$0.isEmpty }
    }
}
