// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

/// The saved-page sample must give exactly what its `expected.json` lists, line by line.
@Suite struct PlainTextScrapeTests {
    /// `/work/shared/samples`: the repository root is three levels above this file, `shared/` is its sibling.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/samples").standardizedFileURL

    struct Expected: Decodable {
        var articles: Int
        var title: String
        var subtitle: String
        var section: String
        var body_starts_with: String
        var body_ends_with: String
        var body_contains: [String]
        var body_excludes: [String]
    }

    @Test func diplomacyWatchScrapeMatchesExpectedJSON() throws {
        let text = try Data(contentsOf: Self.samples.appendingPathComponent("diplomacy-watch-scrape.txt"))
        let expectedData = try Data(
            contentsOf: Self.samples.appendingPathComponent("diplomacy-watch-scrape.expected.json"))
        let expected = try JSONDecoder().decode(Expected.self, from: expectedData)
        let articles = try Normalizer().normalize(text, fileName: "diplomacy-watch-scrape.txt")
        #expect(articles.count == expected.articles)
        let article = try #require(articles.first)
        #expect(article.title == expected.title)
        #expect(article.subtitle == expected.subtitle)
        #expect(article.section == expected.section)
        #expect(article.body.hasPrefix(expected.body_starts_with))
        #expect(article.body.hasSuffix(expected.body_ends_with))
        for needle in expected.body_contains {
            #expect(article.body.contains(needle), "body should contain \(needle)")
        }
        for needle in expected.body_excludes {
            #expect(!article.body.contains(needle), "body should not contain \(needle)")
        }
        #expect(article.format == .text)
    }
}
