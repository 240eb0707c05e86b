// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite struct PlainTextReaderTests {
    private func read(_ text: String) throws -> Article {
        try #require(try Normalizer().normalize(Data(text.utf8), fileName: "story.txt").first)
    }

    @Test func cleanTextKeepsFirstLineAsTitleAndEveryParagraph() throws {
        let article = try read(
            """
            Ad sales boost Time Warner profit

            Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.

            Analysts were pleased.

            The firm said it would keep investing in broadband
            """)
        #expect(article.title == "Ad sales boost Time Warner profit")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs.last == "The firm said it would keep investing in broadband")
    }

    @Test func keyValueHeaderWinsOverHeuristics() throws {
        let article = try read(
            """
            Title: Stated title
            URL: https://example.org/a
            Date: Tue, 25 Mar 2025 14:03:00 +0000
            By: Jane Doe and John Roe
            Section: World
            Tags: a, b
            Language: en

            The first paragraph is body text, not a title, and must stay in the body.

            Second paragraph.
            """)
        #expect(article.title == "Stated title")
        #expect(article.url == "https://example.org/a")
        #expect(article.publishedAt?.rfc3339 == "2025-03-25T14:03:00Z")
        #expect(article.authors == ["Jane Doe", "John Roe"])
        #expect(article.section == "World")
        #expect(article.tags == ["a", "b"])
        #expect(article.language == "en")
        #expect(article.paragraphs.first?.hasPrefix("The first paragraph") == true)
    }

    @Test func aColonInTheFirstLineIsNotAHeader() throws {
        let article = try read("Brexit: what now\n\nThe talks resumed on Monday, officials said.\n")
        #expect(article.title == "Brexit: what now")
        #expect(article.paragraphs == ["The talks resumed on Monday, officials said."])
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let article = try read(
            """
            A wrapped note

            This paragraph was wrapped at a fixed column by a mail client, so that
            each of its lines is about the same length and the sentence runs over
            the line ends until it finally stops here.
            """)
        #expect(article.paragraphs.count == 1)
    }
}
