// SPDX-License-Identifier: Apache-2.0

/// Reads plain text: a wire story, or the text of a web page saved as text with its menus,
/// teasers and footers.
///
/// Stated metadata (YAML front matter, leading `Key: value` lines) wins over what
/// `PageTextExtractor` infers from the shape of the lines; the file name is the last-resort title.
enum PlainTextReader {
    static func read(_ text: String, fileName: String) throws(NormalizationError) -> [Article] {
        let (metadata, body) = StatedMetadata.split(Substring(text))
        let extracted = PageTextExtractor.extract(body, knownTitle: metadata.title)
        guard !extracted.paragraphs.isEmpty || metadata.title != nil || extracted.title != nil else {
            throw NormalizationError(.noContent, "the file holds no text")
        }
        var article = Article(
            title: extracted.title ?? StatedMetadata.title(fromFileName: fileName),
            subtitle: extracted.subtitle,
            authors: extracted.authors,
            publishedAt: extracted.publishedAt,
            section: extracted.section,
            paragraphs: extracted.paragraphs,
            format: .text
        )
        metadata.apply(to: &article)
        return [article]
    }
}
