// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads articles that scrapers write as JSON: one object, an array of objects, or JSON Lines
/// (one object per line). A JSON Feed is recognised by its `version` and read as a feed.
enum JSONArticleReader {
    static func read(_ bytes: Data, fileName: String) throws(NormalizationError) -> [Article] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: bytes, options: [])
        } catch {
            // Not one JSON value: JSON Lines, or broken.
            return try readLines(bytes, wholeFileError: error)
        }
        switch json {
        case let object as [String: Any]:
            if JSONFeedReader.isFeed(object) { return try JSONFeedReader.read(object) }
            return ScrapedArticle(object).map { [$0.article] } ?? []
        case let array as [Any]:
            return array.compactMap { ($0 as? [String: Any]).flatMap(ScrapedArticle.init)?.article }
        default:
            throw NormalizationError(.malformed, "the JSON holds a single value, not an article object")
        }
    }

    private static func readLines(_ bytes: Data, wholeFileError: any Error) throws(NormalizationError) -> [Article] {
        var articles: [Article] = []
        var lineNumber = 0
        var parsedLines = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line), options: [])
            } catch {
                if parsedLines == 0 {
                    throw NormalizationError(.malformed, "the JSON does not parse: \(describe(wholeFileError))")
                }
                throw NormalizationError(
                    .malformed, "JSON Lines: line \(lineNumber) does not parse: \(describe(error))")
            }
            parsedLines += 1
            if let object = object as? [String: Any], let article = ScrapedArticle(object)?.article {
                articles.append(article)
            }
        }
        return articles
    }

    /// Foundation's debug description says where ("around line 3, column 7"); its localized one does not.
    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        return nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
    }
}
