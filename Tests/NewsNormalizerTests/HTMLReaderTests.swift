// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite("HTML reader")
struct HTMLReaderTests {
    private func normalize(_ html: String, fileName: String = "page.html") throws -> Article {
        let articles = try Normalizer().normalize(Data(html.utf8), fileName: fileName)
        #expect(articles.count == 1)
        return try #require(articles.first)
    }

    private static let story = """
        <p>The sanctions on Rosselkhozbank, announced on Monday, are the first to touch food exports, \
        officials said, and they take effect at once.</p>
        <p>Grain traders, who had expected a delay, scrambled to reroute shipments, according to three people \
        familiar with the matter.</p>
        <p>The ministry declined to comment.</p>
        """

    @Test func extractsTheStoryAndLeavesTheChrome() throws {
        let html = """
            <!doctype html><html lang="en-GB"><head>
            <title>Sanctions hit grain bank | Example News</title>
            <meta property="og:title" content="Sanctions hit grain bank | Example News">
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2024-03-04T09:30:00+02:00">
            <meta property="article:section" content="World">
            <meta property="article:tag" content="sanctions"><meta property="article:tag" content="grain">
            <link rel="canonical" href="https://example.com/world/grain">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Example"},
             {"@type": "NewsArticle", "headline": "Sanctions hit grain bank",
              "author": [{"@type": "Person", "name": "Ana Lima"}, "Ben Okafor"]}]}
            </script>
            <script>var tracking = "Do not index this";</script>
            </head><body>
            <header><a href="/">Home</a> <a href="/world">World</a></header>
            <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
            <div class="breadcrumb"><a href="/">Home</a> › World</div>
            <main><article class="article-body"><h1>Sanctions hit grain bank</h1>\(Self.story)
            <div class="share-tools"><a href="#">Share on Facebook</a></div></article>
            <aside class="related-stories"><h2>Related</h2><ul><li><a href="/x">Another story, long title here \
            about something</a></li></ul></aside></main>
            <div class="newsletter-signup"><p>Sign up for our newsletter, every morning, free, in your inbox.</p></div>
            <footer><p>© Example News, all rights reserved, 2024.</p></footer>
            </body></html>
            """
        let article = try normalize(html)
        #expect(article.title == "Sanctions hit grain bank")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs.first?.hasPrefix("The sanctions on Rosselkhozbank") == true)
        #expect(article.paragraphs.last == "The ministry declined to comment.")
        #expect(!article.body.contains("newsletter"))
        #expect(!article.body.contains("Share on"))
        #expect(!article.body.contains("Do not index"))
        #expect(article.authors == ["Ana Lima", "Ben Okafor"])
        #expect(article.source == "Example News")
        #expect(article.url == "https://example.com/world/grain")
        #expect(article.section == "World")
        #expect(article.tags == ["sanctions", "grain"])
        #expect(article.language == "en-GB")
        #expect(article.publishedAt?.rfc3339 == "2024-03-04T09:30:00+02:00")
        #expect(article.format == .html)
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let html = """
            <html><head><title>Old template</title></head><body><div id="content">
            First paragraph of an old page, written with line breaks, not paragraph tags, as was usual.<br><br>
            Second paragraph, with a single<br>line break inside it, which stays one paragraph, of course.
            </div></body></html>
            """
        let article = try normalize(html)
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs[1].hasPrefix("Second paragraph, with a single line break"))
    }

    @Test func readsGzippedPages() throws {
        let gzip: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x3d, 0x8e, 0x51, 0x0a, 0x03, 0x21, 0x0c, 0x44,
            0xaf, 0x92, 0x03, 0x2c, 0xf5, 0x02, 0xc1, 0x9f, 0x7e, 0xf4, 0x1c, 0xa9, 0x66, 0x57, 0xc1, 0xa8, 0xc4, 0x2c,
            0xa5, 0x3d, 0x7d, 0xdd, 0x0a, 0xfd, 0x1b, 0x1e, 0xc3, 0xbc, 0xc1, 0x64, 0x52, 0x3c, 0x26, 0xa6, 0xe8, 0xd1,
            0xb2, 0x15, 0xf6, 0x8f, 0x0f, 0xba, 0x95, 0xd0, 0x2d, 0xfe, 0x6c, 0xf1, 0xed, 0x91, 0xd4, 0x72, 0xb8, 0x68,
            0xf7, 0xf7, 0x26, 0x5d, 0x79, 0x0c, 0x8e, 0xd0, 0xe9, 0xe0, 0x01, 0xa4, 0x0c, 0x3a, 0xbb, 0x40, 0xbb, 0xb1,
            0x42, 0xae, 0x7b, 0x21, 0xcb, 0xf5, 0x00, 0x4b, 0x2c, 0x1b, 0xbc, 0xb2, 0x25, 0x08, 0x4d, 0x84, 0xc6, 0x06,
            0xa1, 0xd0, 0x39, 0x78, 0x06, 0xaa, 0x11, 0xa4, 0x29, 0xdf, 0xd0, 0xf5, 0xe9, 0xfa, 0xef, 0xbb, 0xe5, 0x73,
            0xbf, 0x6b, 0x5f, 0x4e, 0xe6, 0x15, 0x79, 0xa1, 0x00, 0x00, 0x00,
        ]
        let articles = try Normalizer().normalize(Data(gzip), fileName: "page.html.gz")
        #expect(articles.first?.title == "Gz")
        #expect(articles.first?.paragraphs.first?.hasPrefix("Compressed pages") == true)
    }

    @Test func survivesTenThousandNestedElements() throws {
        let depth = 10_000
        let html =
            "<html><body>" + String(repeating: "<div><span>", count: depth)
            + "Deep text, with commas, that should not crash anything at all, ever."
            + String(repeating: "</span></div>", count: depth) + "</body></html>"
        // libxml2 stops descending at 256 levels; the point is a clear error and no stack overflow.
        #expect {
            try Normalizer().normalize(Data(html.utf8), fileName: "deep.html")
        } throws: { error in
            (error as? NormalizationError)?.code == .malformed
        }
    }

    @Test func readsTruncatedPages() throws {
        let html = "<html><head><title>Cut</title></head><body><article><p>" + Self.story.prefix(150)
        let article = try normalize(String(html))
        #expect(article.title == "Cut")
        #expect(article.body.contains("Rosselkhozbank"))
    }

    @Test func decodesLatin1AndDeclaredCharsets() throws {
        var latin1 = Data("<html><head><title>Caf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Data("</title></head><body><p>Un caf".utf8))
        latin1.append(0xE9)
        latin1.append(contentsOf: Data(", deux, trois.</p></body></html>".utf8))
        #expect(try Normalizer().normalize(latin1, fileName: "a.html").first?.title == "Café")

        var cyrillic = Data("<html><head><meta charset=\"windows-1251\"><title>".utf8)
        cyrillic.append(contentsOf: [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0])  // "Москва"
        cyrillic.append(contentsOf: Data("</title></head><body><p>Text, text.</p></body></html>".utf8))
        #expect(try Normalizer().normalize(cyrillic, fileName: "b.html").first?.title == "Москва")
    }

    @Test func emptyDocumentsGiveAClearError() {
        #expect(throws: NormalizationError.self) {
            try Normalizer().normalize(Data("<html><body></body></html>".utf8), fileName: "empty.html")
        }
        #expect(throws: NormalizationError.self) {
            try Normalizer().normalize(Data("<html>".utf8), fileName: "empty.html")
        }
    }

    @Test func cleansTitles() {
        #expect(TitleCleaner.clean("Story headline here | Site Name", siteName: "Site Name") == "Story headline here")
        #expect(TitleCleaner.clean("A long story headline - SiteName", siteName: nil) == "A long story headline")
        #expect(
            TitleCleaner.clean("Brexit - the long and winding sequel", siteName: nil)
                == "Brexit - the long and winding sequel")
    }
}
