// SPDX-License-Identifier: Apache-2.0

/// One article object as scrapers write it, whatever their field names.
///
/// trafilatura, newspaper, news-please and schema.org each spell the same fields differently
/// (`text`/`maintext`/`articleBody`, `date`/`publish_date`/`date_publish`/`datePublished`);
/// each field tries the names in the order below and takes the first that is present.
struct ScrapedArticle {
    let article: Article

    /// `nil` when the object has neither a title nor body text.
    init?(_ object: [String: Any]) {
        let fields = Fields(object)
        let title = fields.string("title", "headline", "name") ?? ""
        let paragraphs = fields.body()
        guard !paragraphs.isEmpty || !title.isEmpty else { return nil }
        let url =
            fields.string("url", "canonical_link", "link", "source_url")
            ?? fields.string("source").flatMap { $0.hasPrefix("http") ? $0 : nil }
        article = Article(
            title: title,
            subtitle: fields.string("excerpt", "description", "summary", "meta_description"),
            authors: fields.names("author", "authors", "creator"),
            publishedAt: fields.string(
                "date", "publish_date", "date_publish", "datePublished", "published", "pubDate", "published_at",
                "date_published"
            ).flatMap(InterimDateParser.parse),
            source: fields.string("sitename", "source-hostname", "hostname", "source_domain")
                ?? fields.names("publisher").first
                ?? fields.string("source").flatMap { $0.hasPrefix("http") ? nil : $0 },
            url: url,
            section: fields.string("section", "articleSection"),
            tags: fields.list("tags", "keywords", "categories", "meta_keywords"),
            language: fields.string("language", "meta_lang", "inLanguage", "lang"),
            paragraphs: paragraphs,
            format: .json
        )
    }

    private struct Fields {
        let object: [String: Any]

        init(_ object: [String: Any]) { self.object = object }

        /// The first non-empty string among the keys, cleaned.
        func string(_ keys: String...) -> String? {
            for key in keys {
                if let value = object[key] as? String {
                    let cleaned = TextCleaner.cleanInline(value)
                    if !cleaned.isEmpty { return cleaned }
                }
            }
            return nil
        }

        /// People or organisations: a string, an object with `name`, or an array of either.
        func names(_ keys: String...) -> [String] {
            for key in keys {
                let values: [Any] = (object[key] as? [Any]) ?? object[key].map { [$0] } ?? []
                let names = values.compactMap { value -> String? in
                    let raw = value as? String ?? (value as? [String: Any])?["name"] as? String
                    return raw.map(TextCleaner.cleanInline).flatMap { $0.isEmpty ? nil : $0 }
                }
                if !names.isEmpty { return names }
            }
            return []
        }

        /// A list given as an array of strings or as one comma- or semicolon-separated string.
        func list(_ keys: String...) -> [String] {
            var seen = Set<String>()
            var result: [String] = []
            for key in keys {
                let raw: [String]
                if let array = object[key] as? [Any] {
                    raw = array.compactMap { $0 as? String }
                } else if let string = object[key] as? String {
                    raw = string.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
                } else {
                    continue
                }
                for value in raw.map(TextCleaner.cleanInline) where !value.isEmpty {
                    if seen.insert(value.lowercased()).inserted { result.append(value) }
                }
            }
            return result
        }

        /// The body: scrapers' plain text, with one paragraph per line unless blank lines separate them;
        /// HTML bodies go through the HTML cleaner.
        func body() -> [String] {
            let keys = ["text", "maintext", "articleBody", "content", "body", "raw_text", "content_text"]
            for key in keys {
                guard let text = object[key] as? String, !text.isEmpty else { continue }
                let paragraphs: [String]
                if Self.looksLikeHTML(text) {
                    paragraphs = HTMLReader.fragmentParagraphs(text)
                } else if text.contains("\n\n") {
                    paragraphs = TextCleaner.paragraphs(text)
                } else {
                    paragraphs = text.split(whereSeparator: \.isNewline).map { TextCleaner.cleanInline(String($0)) }
                        .filter { !$0.isEmpty }
                }
                if !paragraphs.isEmpty { return paragraphs }
            }
            if let html = object["content_html"] as? String ?? object["html"] as? String {
                return HTMLReader.fragmentParagraphs(html)
            }
            return []
        }

        private static func looksLikeHTML(_ text: String) -> Bool {
            let head = text.prefix(2000)
            return ["<p>", "<p ", "<div", "<br", "</p>"].contains { head.contains($0) }
        }
    }
}
