// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

/// The bounds `MainBlockSelector` narrows its search to: below the repeated headline, above the comments.
@Suite struct PageBoundsTests {
    private func block(_ line: String) -> TextBlock { TextBlock(text: Substring(line), runLength: 1) }

    @Test func relativeTimesAndCommentMarkersAreRecognised() {
        for line in ["32M ago", "updated 15M ago", "2 days ago at 07:52 am", "vor 2 Stunden"] {
            #expect(MainBlockSelector.isRelativeTime(block(line)), "\(line)")
        }
        for line in ["Ago", "In 2019, a long time ago, the council met again to decide.", "Ten years ago"] {
            #expect(!MainBlockSelector.isRelativeTime(block(line)), "\(line)")
        }
        #expect(MainBlockSelector.isDateOnly(block("Wednesday November 20, 2019")))
        #expect(!MainBlockSelector.isDateOnly(block("November 20, 2019 was a cold and rainy day.")))
        #expect(MainBlockSelector.isCommentMarker(block("Catherine on May 3, 2018 at 5:23 pm said:")))
        #expect(MainBlockSelector.isCommentMarker(block("Comments")))
        #expect(!MainBlockSelector.isCommentMarker(block("Related")))
    }

    @Test func theRepeatedHeadlineIsMatchedGiveOrTakeAWord() {
        let blocks = [
            "Key moments from Kurt Volker's and Tim Morrison's testimony - CBS News", "Politics", "World",
            "Key moments from Kurt Volker's and Tim Morrison's impeachment hearing testimony",
            "The first paragraph of the story.",
        ].map(block)
        #expect(MainBlockSelector.titleAnchor(blocks) == 3)
    }

    @Test func commentsAndTeasersAfterAShortArticleAreLeftOut() throws {
        let comment =
            "I have read this with great interest, and I think that the council should have asked everyone "
            + "before it decided anything at all about the bridge, which matters to all of us who live here."
        var page = """
            Council approves the new river bridge - Town News

            Home | News | Sport | Contact

            Council approves the new river bridge

            The town council voted on Tuesday to build a new bridge over the river, ending a debate that has run for \
            more than ten years in the town.

            Work starts in the spring and should take two years, the mayor said after the vote in the town hall.

            Comments

            """
        for name in ["Anna", "Ben", "Carl", "Dora"] { page += "\(name)\n\n2 days ago\n\n\(comment)\n\n" }
        page += "Most popular\n\nPrivacy policy | Terms of use\n"
        let article = try #require(try Normalizer().normalize(Data(page.utf8), fileName: "page.txt").first)
        #expect(article.title == "Council approves the new river bridge")
        #expect(article.paragraphs.count == 2)
        #expect(!article.body.contains("great interest"))
    }
}
