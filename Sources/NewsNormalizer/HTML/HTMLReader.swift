// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads a saved web page: the article's main text and the page's metadata.
enum HTMLReader {
    static func read(_ bytes: Data, fileName: String) throws(NormalizationError) -> [Article] {
        let charset = HTMLCharset(bytes)
        guard
            let tree = HTMLTree.parse(
                charset.bytes, encoding: charset.encoding, ignoreDeclaredEncoding: charset.isTranscoded
            )
        else {
            throw NormalizationError(.malformed, "libxml2 found no HTML element in the page")
        }
        let metadata = HTMLMetadata(tree)
        var paragraphs = MainContentExtractor(tree).paragraphs()
        if paragraphs.isEmpty, let body = metadata.linkedDataBody {
            // Script-rendered pages: the markup is an empty shell, but JSON-LD may carry the text.
            paragraphs = TextCleaner.paragraphs(body)
        }
        let title = metadata.title ?? metadata.heading ?? ""
        if paragraphs.isEmpty, title.isEmpty, tree.maximumDepth >= 250 {
            throw NormalizationError(
                .malformed, "the markup nests \(tree.maximumDepth)+ elements deep, past libxml2's limit of 256"
            )
        }
        paragraphs = dropLeadingRepeats(of: [title, metadata.heading ?? ""], from: paragraphs)
        var subtitle = metadata.description
        if let description = subtitle, let first = paragraphs.first, first.hasPrefix(description.prefix(60)) {
            subtitle = nil
        }
        let article = Article(
            title: title,
            subtitle: subtitle,
            authors: metadata.authors,
            publishedAt: metadata.publishedText.flatMap(InterimDateParser.parse),
            source: metadata.siteName,
            url: metadata.url,
            section: metadata.section,
            tags: metadata.tags,
            language: metadata.language,
            paragraphs: paragraphs,
            format: .html
        )
        return [article]
    }

    /// The paragraphs of an HTML fragment, such as a feed item's `content:encoded`: cleaned, not scored.
    static func fragmentParagraphs(_ html: String) -> [String] {
        guard html.contains("<") else { return TextCleaner.paragraphs(html) }
        guard let tree = HTMLTree.parse(Array(html.utf8), encoding: "UTF-8", ignoreDeclaredEncoding: true) else {
            return []
        }
        return ParagraphWriter.fragmentParagraphs(tree)
    }

    /// Templates repeat the headline above the story; the title field already has it.
    private static func dropLeadingRepeats(of titles: [String], from paragraphs: [String]) -> [String] {
        var paragraphs = paragraphs[...]
        let lowered = Set(titles.filter { !$0.isEmpty }.map { $0.lowercased() })
        while let first = paragraphs.first, paragraphs.count > 1, lowered.contains(first.lowercased()) {
            paragraphs = paragraphs.dropFirst()
        }
        return Array(paragraphs)
    }
}
