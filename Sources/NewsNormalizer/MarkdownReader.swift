// SPDX-License-Identifier: Apache-2.0

/// Reads Markdown: front matter or `Key: value` lines first, then the text without its markup.
///
/// The title is the stated one, else the first heading when it comes before any paragraph, else
/// the first line. Markdown is written, not scraped, so no boilerplate is removed: every heading,
/// list item and code block stays in the body, each as its own paragraph.
enum MarkdownReader {
    static func read(_ text: String, fileName: String) throws(NormalizationError) -> [Article] {
        let (metadata, body) = StatedMetadata.split(Substring(text))
        var blocks = MarkdownStripper.blocks(body)
        var title = metadata.title
        if let first = blocks.first, case .heading = first.kind {
            if title == nil || title == first.text {
                title = title ?? first.text
                blocks.removeFirst()
            }
        } else if title == nil, let first = blocks.first, first.kind == .paragraph, first.text.count <= 200 {
            title = first.text
            blocks.removeFirst()
        }
        guard title != nil || !blocks.isEmpty else {
            throw NormalizationError(.noContent, "the Markdown file holds no text")
        }
        var article = Article(
            title: title ?? StatedMetadata.title(fromFileName: fileName),
            paragraphs: blocks.map(\.text),
            format: .markdown
        )
        metadata.apply(to: &article)
        return [article]
    }
}
