// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite("Feed reader")
struct FeedReaderTests {
    private func normalize(_ text: String, fileName: String = "feed.xml") throws -> [Article] {
        try Normalizer().normalize(Data(text.utf8), fileName: fileName)
    }

    @Test func readsRSS2WithFullContent() throws {
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Example &amp; Co News</title><link>https://example.com</link><language>en-us</language>
            <item>
              <title>First &lt;em&gt;story&lt;/em&gt;</title>
              <link>https://example.com/1</link>
              <description>Short teaser.</description>
              <content:encoded><![CDATA[<p>Full text, first paragraph.</p><script>evil()</script>
                <p>Second paragraph.</p>]]></content:encoded>
              <dc:creator>Ana Lima</dc:creator>
              <category>World</category><category>Trade</category>
              <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
            </item>
            <item><title>Second story</title><description>Only a &lt;b&gt;summary&lt;/b&gt; here.</description>
              <author>news@example.com (Ben Okafor)</author><guid>https://example.com/2</guid></item>
            </channel></rss>
            """
        let articles = try normalize(rss)
        #expect(articles.count == 2)
        let first = try #require(articles.first)
        #expect(first.title == "First story")
        #expect(first.paragraphs == ["Full text, first paragraph.", "Second paragraph."])
        #expect(first.subtitle == "Short teaser.")
        #expect(first.authors == ["Ana Lima"])
        #expect(first.tags == ["World", "Trade"])
        #expect(first.source == "Example & Co News")
        #expect(first.url == "https://example.com/1")
        #expect(first.language == "en-US")
        #expect(first.publishedAt?.rfc3339 == "2003-06-10T04:00:00Z")
        #expect(first.format == .feed)
        #expect(articles[1].paragraphs == ["Only a summary here."])
        #expect(articles[1].authors == ["Ben Okafor"])
        #expect(articles[1].url == "https://example.com/2")
    }

    @Test func readsAtom() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
              <title>Beispiel</title>
              <entry>
                <title type="text">Eintrag</title>
                <link rel="alternate" href="https://example.de/eintrag"/>
                <link rel="enclosure" href="https://example.de/a.mp3"/>
                <author><name>Clara Weiss</name></author>
                <published>2024-01-02T03:04:05+01:00</published>
                <updated>2024-01-03T00:00:00Z</updated>
                <category term="Politik"/>
                <summary>Kurz.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
                  <p>Absatz eins.</p><p>Zwei.</p></div></content>
              </entry>
            </feed>
            """
        let article = try #require(try normalize(atom, fileName: "x.atom").first)
        #expect(article.title == "Eintrag")
        #expect(article.url == "https://example.de/eintrag")
        #expect(article.authors == ["Clara Weiss"])
        #expect(article.publishedAt?.rfc3339 == "2024-01-02T03:04:05+01:00")
        #expect(article.tags == ["Politik"])
        #expect(article.paragraphs == ["Absatz eins.", "Zwei."])
        #expect(article.source == "Beispiel")
        #expect(article.language == "de")
    }

    @Test func doesNotExpandExternalEntities() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname"><!ENTITY lol "lol">]>
            <rss version="2.0"><channel><title>T</title>
            <item><title>Leak &secret; &lol;</title><description>Body &secret;.</description></item>
            </channel></rss>
            """
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "no-such-host-name"
        let articles = (try? normalize(xxe)) ?? []
        for article in articles {
            #expect(!article.title.contains(hostname))
            #expect(!article.body.contains(hostname))
        }
    }

    @Test func readsAHundredThousandItems() throws {
        var rss = "<rss version=\"2.0\"><channel><title>Big</title>"
        for index in 0..<100_000 {
            rss += "<item><title>Item \(index)</title><description>Body \(index).</description></item>"
        }
        rss += "</channel></rss>"
        let articles = try normalize(rss)
        #expect(articles.count == 100_000)
        #expect(articles.last?.title == "Item 99999")
    }

    @Test func keepsItemsBeforeDamage() throws {
        let broken =
            "<rss><channel><title>T</title><item><title>Whole</title><description>Fine.</description></item>"
            + "<item><title>Cut"
        let articles = try normalize(broken)
        #expect(articles.first?.title == "Whole")
    }

    /// Comments are removed before libxml2 reads the feed (XMLCommentStripper), but a `<!--` inside CDATA is text
    /// and must not swallow the items after it.
    @Test func commentsGoButCDATAStays() throws {
        let rss = """
            <?xml version="1.0"?><!-- generator -- v1 --><rss><channel><title>C</title>
            <item><title>One</title><description><![CDATA[Prices <!-- rising]]></description></item>
            <!-- <item><title>Hidden</title></item> -->
            <item><title>Two</title><description>Second.</description></item>
            </channel></rss>
            """
        let articles = try normalize(rss)
        #expect(articles.map(\.title) == ["One", "Two"])
        #expect(articles.first?.body.hasPrefix("Prices") == true)
    }

    /// UTF-16 feeds are read as UTF-8 (so that their comments can be stripped too), with or without a byte-order mark.
    @Test func readsUTF16Feeds() throws {
        let rss = """
            <?xml version="1.0" encoding="UTF-16"?><rss><channel><title>C</title><!-- a -- b -->
            <item><title>Ünïcode</title><description>Text.</description></item></channel></rss>
            """
        for data in [rss.data(using: .utf16), rss.data(using: .utf16BigEndian), rss.data(using: .utf16LittleEndian)] {
            let articles = try Normalizer().normalize(try #require(data), fileName: "feed.xml")
            #expect(articles.map(\.title) == ["Ünïcode"])
            #expect(articles.first?.paragraphs == ["Text."])
        }
    }

    @Test func readsTheNPRJSONFeedSample() throws {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = root.deletingLastPathComponent().appendingPathComponent("shared/samples/npr-technology.feed.json")
        guard let data = try? Data(contentsOf: sample) else { return }  // the sample lives outside the repository
        let articles = try Normalizer().normalize(data, fileName: "npr.json")
        #expect(articles.count == 25)
        let first = try #require(articles.first)
        #expect(first.title == "Keller Rinaudo: How can delivery drones save lives?")
        #expect(first.source == "Technology")
        #expect(first.authors == ["Manoush Zomorodi"])
        #expect(first.publishedAt?.rfc3339 == "2021-10-29T10:26:00-04:00")
        #expect(first.paragraphs.first?.hasPrefix("In rural areas") == true)
        #expect(first.format == .feed)
    }

    @Test func parsesDates() {
        #expect(InterimDateParser.parse("2019-11-20")?.rfc3339 == "2019-11-20T00:00:00Z")
        #expect(InterimDateParser.parse("2019-11-20 13:45:10")?.utcOffsetSeconds == nil)
        #expect(InterimDateParser.parse("2019-11-20T13:45:10.123Z")?.rfc3339 == "2019-11-20T13:45:10Z")
        #expect(InterimDateParser.parse("2019-11-20T13:45:10-0500")?.rfc3339 == "2019-11-20T13:45:10-05:00")
        #expect(InterimDateParser.parse("Wed, 02 Oct 2002 08:00:00 EST")?.rfc3339 == "2002-10-02T08:00:00-05:00")
        #expect(InterimDateParser.parse("02 Oct 2002 15:00 +0200")?.rfc3339 == "2002-10-02T15:00:00+02:00")
        #expect(InterimDateParser.parse("yesterday") == nil)
        #expect(InterimDateParser.parse("2019-13-45") == nil)
    }
}
