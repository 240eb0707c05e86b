// SPDX-License-Identifier: Apache-2.0
import GRDB
public import NewsNormalizer

/// An article with what the writer needs computed ahead: the joined body, its SHA-256 (the
/// duplicate key), its SimHash, its word count, and the body as stored (`StoredBody`).
///
/// Ingest builds these on the normalising workers, in parallel, so that the single writer,
/// the one stage that cannot be spread over the cores, spends its time on SQLite alone.
public struct PreparedArticle: Sendable {
    public let article: Article
    public let body: String
    public let bodyHash: String
    public let simHash: UInt64
    public let wordCount: Int
    /// `body` compressed, or as it is when that does not pay.
    let storedBody: DatabaseValue

    public init(_ article: Article) {
        self.article = article
        body = article.body
        // The title stands in for a missing body, so that title-only items (some feeds) are not
        // all duplicates of one another.
        bodyHash = SHA256.hexDigest(of: (body.isEmpty ? "title:" + article.title : body).utf8)
        simHash = SimHash.hash(body)
        wordCount = article.wordCount
        storedBody = StoredBody.value(for: body)
    }
}
