// SPDX-License-Identifier: Apache-2.0
import Foundation

@testable import NewsIndex
@testable import NewsNormalizer

/// A real database file in a fresh temporary folder, removed when the test ends.
final class TemporaryDatabase {
    let folder: URL
    let database: NewsDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsindex-\(UUID().uuidString)")
        database = try NewsDatabase(path: folder.appendingPathComponent("news.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var writer: IndexWriter { IndexWriter(database: database) }
    var searcher: Searcher { Searcher(database: database) }

    static func record(
        _ path: String, title: String, body: [String], hash: String? = nil, published: String? = nil,
        source: String? = nil, section: String? = nil, language: String? = nil
    ) -> IngestRecord {
        let date = published.flatMap { ISO8601DateFormatter().date(from: $0) }.map {
            PublicationDate(instant: $0, utcOffsetSeconds: 0)
        }
        let article = Article(
            title: title, publishedAt: date, source: source, section: section, language: language, paragraphs: body,
            format: .text)
        return IngestRecord(
            file: .init(path: path, size: 1, modificationTimeNanoseconds: 1, inode: 1, sha256: hash ?? path),
            outcome: .articles([PreparedArticle(article)]))
    }
}
