// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite struct MarkdownReaderTests {
    private func read(_ text: String) throws -> Article {
        try #require(try Normalizer().normalize(Data(text.utf8), fileName: "note.md").first)
    }

    @Test func frontMatterTitleAndMarkupStripped() throws {
        let article = try read(
            """
            ---
            title: From front matter
            date: 2025-03-25
            tags: [a, b]
            ---
            # From front matter

            Some **bold**, _italic_ and `code` with a [link](https://example.org) and ![a photo](p.jpg) here.
            A snake_case name and 2 * 3 stay.

            ## A section

            - first item
            - second item
            1. numbered

            > quoted text

            ```swift
            let x = 1
            ```

            [ref]: https://example.org
            """)
        #expect(article.title == "From front matter")
        #expect(article.format == .markdown)
        #expect(article.tags == ["a", "b"])
        #expect(article.publishedAt?.rfc3339 == "2025-03-25T00:00:00Z")
        #expect(
            article.paragraphs == [
                "Some bold, italic and code with a link and here. A snake_case name and 2 * 3 stay.",
                "A section", "first item", "second item", "numbered", "quoted text", "let x = 1",
            ])
    }

    @Test func firstHeadingIsTheTitleWithoutFrontMatter() throws {
        let article = try read("# Heading title\n\nBody text.\n\nSetext\n------\n\nMore.\n")
        #expect(article.title == "Heading title")
        #expect(article.paragraphs == ["Body text.", "Setext", "More."])
    }

    @Test func keyValueHeaderWorksInMarkdownToo() throws {
        let article = try read("Title: Stated\nAuthor: Jane Doe\n\n# Stated\n\nBody.\n")
        #expect(article.title == "Stated")
        #expect(article.authors == ["Jane Doe"])
        #expect(article.paragraphs == ["Body."])
    }
}
