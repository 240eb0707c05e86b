// SPDX-License-Identifier: Apache-2.0

/// The metadata a text states before its body: YAML front matter, then `Key: value` lines.
enum StatedMetadata {
    /// The stated metadata (empty when there is none) and the text after it.
    static func split(_ text: Substring) -> (metadata: ArticleMetadata, rest: Substring) {
        var metadata = ArticleMetadata()
        var rest = text
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        if let front = FrontMatter.split(rest) {
            metadata = front.metadata
            rest = front.rest
        }
        if let header = KeyValueHeader.split(rest) {
            metadata.fill(from: header.metadata)
            rest = header.rest
        }
        return (metadata, rest)
    }

    /// "2025-03-25-macron-troops.txt" → "2025-03-25-macron-troops": the last resort, so that an
    /// article is never without a title.
    static func title(fromFileName fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}

extension ArticleMetadata {
    /// Fills the fields still unset from `other`: the first statement of a field wins.
    mutating func fill(from other: ArticleMetadata) {
        title = title ?? other.title
        subtitle = subtitle ?? other.subtitle
        if authors.isEmpty { authors = other.authors }
        publishedAt = publishedAt ?? other.publishedAt
        source = source ?? other.source
        url = url ?? other.url
        section = section ?? other.section
        if tags.isEmpty { tags = other.tags }
        language = language ?? other.language
    }
}
