// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

/// Floors under the extraction quality on the scrapinghub benchmark (181 real pages), scored as
/// `../shared/tools/extraction-score` scores them, so that no change lets a figure slide back.
/// Each floor sits a little under what the extractor reaches; raise it when the extractor improves.
@Suite struct ExtractionQualityTests {
    /// `../shared/corpus/scrapinghub`: the repository root is three levels above this file.
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/scrapinghub").standardizedFileURL

    /// `{key: {"articleBody": ...}}` or `{key: {"text": ...}}`.
    private static func load(_ name: String, field: String) throws -> [String: String] {
        let data = try Data(contentsOf: corpus.appendingPathComponent(name))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return object.compactMapValues { $0[field] as? String }
    }

    private static func score(_ predictions: [String: String]) throws -> ExtractionScore {
        var score = ExtractionScore()
        for (key, truth) in try load("ground-truth.json", field: "articleBody") {
            score.add(truth: truth, prediction: predictions[key] ?? "")
        }
        return score
    }

    /// The bodies newsd would index, several articles joined; a page that fails scores as empty.
    private static func body(_ data: Data, fileName: String) -> String {
        let articles = (try? Normalizer().normalize(data, fileName: fileName)) ?? []
        return articles.map(\.body).joined(separator: "\n\n")
    }

    @Test func htmlPagesScoreAtLeast095() throws {
        let folder = Self.corpus.appendingPathComponent("html")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html.gz") }
        #expect(files.count == 181)
        var predictions: [String: String] = [:]
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            predictions[String(file.dropLast(".html.gz".count))] = Self.body(data, fileName: file)
        }
        let score = try Self.score(predictions)
        print(String(format: "html: f1 %.3f precision %.3f recall %.3f", score.f1, score.precision, score.recall))
        #expect(score.f1 >= 0.95, "HTML extraction F1 fell to \(score.f1) (was 0.967)")
    }

    @Test func pageTextsScoreAtLeast092() throws {
        let pages = try Self.load("page-text.json", field: "text")
        #expect(pages.count == 181)
        var predictions: [String: String] = [:]
        for (key, text) in pages {
            predictions[key] = Self.body(Data(text.utf8), fileName: key + ".txt")
        }
        let score = try Self.score(predictions)
        print(String(format: "text: f1 %.3f precision %.3f recall %.3f", score.f1, score.precision, score.recall))
        #expect(score.f1 >= 0.92, "page-text extraction F1 fell to \(score.f1) (was 0.929)")
    }

    @Test func tokensFollowPythonsWordPattern() {
        #expect(
            ExtractionScore.tokens("It's 3.5% of São_Paulo—naïve!") == [
                "It", "s", "3", "5", "of", "São_Paulo", "naïve",
            ])
        var score = ExtractionScore()
        score.add(truth: "one two three four five", prediction: "one two three four six")
        // Truth grams {1234, 2345}, predicted {1234, 2346}: tp 1, fp 1, fn 1.
        #expect(abs(score.precision - 0.5) < 1e-9 && abs(score.recall - 0.5) < 1e-9)
    }
}
