// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite("JSON article reader")
struct JSONArticleReaderTests {
    private func normalize(_ text: String, fileName: String = "a.json") throws(NormalizationError) -> [Article] {
        try Normalizer().normalize(Data(text.utf8), fileName: fileName)
    }

    @Test func readsTrafilaturaOutput() throws {
        let json = """
            {"title": "Grain bank hit", "author": "Ana Lima", "date": "2024-03-04", "hostname": "example.com",
             "source": "https://example.com/grain", "source-hostname": "Example News", "excerpt": "Teaser.",
             "categories": "World; Trade", "tags": "sanctions,grain", "url": "https://example.com/grain",
             "language": "en", "text": "First paragraph.\\nSecond paragraph."}
            """
        let article = try #require(try normalize(json).first)
        #expect(article.title == "Grain bank hit")
        #expect(article.authors == ["Ana Lima"])
        #expect(article.paragraphs == ["First paragraph.", "Second paragraph."])
        #expect(article.source == "Example News")
        #expect(article.url == "https://example.com/grain")
        #expect(article.tags == ["sanctions", "grain", "World", "Trade"])
        #expect(article.subtitle == "Teaser.")
        #expect(article.language == "en")
        #expect(article.publishedAt?.rfc3339 == "2024-03-04T00:00:00Z")
        #expect(article.format == .json)
    }

    @Test func readsNewspaperAndNewsPleaseInOneArray() throws {
        let json = """
            [{"title": "Newspaper", "authors": ["A", "B"], "publish_date": "2019-11-20 00:00:00",
              "text": "Body one.\\n\\nBody two.", "canonical_link": "https://n.example/1", "meta_lang": "fr",
              "keywords": ["x", "y"]},
             {"title": "News-please", "authors": ["C"], "date_publish": "2019-11-21 10:00:00",
              "maintext": "Main text.", "source_domain": "np.example", "url": "https://np.example/2",
              "language": "de", "description": "Desc."}]
            """
        let articles = try normalize(json)
        #expect(articles.count == 2)
        #expect(articles[0].authors == ["A", "B"])
        #expect(articles[0].paragraphs == ["Body one.", "Body two."])
        #expect(articles[0].url == "https://n.example/1")
        #expect(articles[0].language == "fr")
        #expect(articles[1].source == "np.example")
        #expect(articles[1].subtitle == "Desc.")
    }

    @Test func readsSchemaOrgAndJSONLines() throws {
        let lines = """
            {"@type": "NewsArticle", "headline": "One", "author": {"@type": "Person", "name": "D"}, \
            "datePublished": "2020-01-01T00:00:00+01:00", "articleBody": "<p>Para.</p><p>Graph.</p>", \
            "publisher": {"name": "Pub"}, "inLanguage": "es"}

            {"title": "Two", "text": "Second."}
            """
        let articles = try normalize(lines, fileName: "a.jsonl")
        #expect(articles.count == 2)
        #expect(articles[0].title == "One")
        #expect(articles[0].authors == ["D"])
        #expect(articles[0].paragraphs == ["Para.", "Graph."])
        #expect(articles[0].source == "Pub")
        #expect(articles[0].language == "es")
        #expect(articles[1].paragraphs == ["Second."])
    }

    @Test func badJSONSaysWhere() {
        do {
            _ = try normalize("{\"title\": \"x\",\n \"text\": }")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.message.contains("line") || error.message.contains("character"))
        }
        do {
            _ = try normalize("{\"title\": \"ok\", \"text\": \"fine\"}\n{\"title\": broken}\n", fileName: "a.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.message.contains("line 2"))
        }
    }

    @Test func detectsJSONFeeds() throws {
        let feed = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "language": "en",
             "authors": [{"name": "Feed Author"}],
             "items": [{"id": "1", "title": "Item", "content_text": "Plain body.", "tags": ["t"],
                        "date_published": "2021-10-29T10:26:00-04:00", "url": "https://f.example/1"}]}
            """
        let article = try #require(try normalize(feed).first)
        #expect(article.format == .feed)
        #expect(article.source == "Feed")
        #expect(article.authors == ["Feed Author"])
        #expect(article.paragraphs == ["Plain body."])
        #expect(article.tags == ["t"])
    }
}
