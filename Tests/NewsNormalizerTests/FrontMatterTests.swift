// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsNormalizer

@Suite struct FrontMatterTests {
    @Test func readsScalarsQuotedValuesAndBothListForms() throws {
        let text = """
            ---
            title: "Macron fails: Europe"
            date: 2025-03-25T14:03:00+01:00
            author:
              - Jane Doe
              - 'John Roe'
            tags: [ukraine, "black sea"]
            nested:
              key: ignored
            lang: en_GB
            ---
            Body.
            """
        let (metadata, rest) = try #require(FrontMatter.split(Substring(text)))
        #expect(metadata.title == "Macron fails: Europe")
        #expect(metadata.publishedAt?.utcOffsetSeconds == 3600)
        #expect(metadata.authors == ["Jane Doe", "John Roe"])
        #expect(metadata.tags == ["ukraine", "black sea"])
        #expect(metadata.language == "en-GB")
        #expect(rest == "Body.")
    }

    @Test func unclosedFrontMatterIsNotFrontMatter() {
        #expect(FrontMatter.split("---\ntitle: x\nno closing line") == nil)
    }
}
