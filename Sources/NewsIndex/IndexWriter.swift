// SPDX-License-Identifier: Apache-2.0
public import Foundation
import GRDB
import NewsNormalizer

/// Commits ingest results: the ledger row of each file and its articles, in one transaction
/// per batch.
///
/// Batching is what makes bursts fast (one fsync per batch, not per file); the caller decides
/// the batch size, so that a single dropped file is still committed at once.
public struct IndexWriter: Sendable {
    private let database: NewsDatabase
    private let now: @Sendable () -> Date

    public init(database: NewsDatabase, now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.now = now
    }

    /// What became of one record.
    public enum Result: Sendable, Hashable {
        case indexed(articleIDs: [String])
        case duplicate(ofPath: String)
        case failed
    }

    /// Commits a batch; the results are in the records' order.
    @discardableResult
    public func write(_ records: [IngestRecord]) async throws -> [Result] {
        let timestamp = now().timeIntervalSince1970
        return try await database.pool.write { db in
            try records.map { try write($0, at: timestamp, in: db) }
        }
    }

    /// Forgets files that left the inbox, with their articles.
    public func removeFiles(atPaths paths: [String]) async throws {
        try await database.pool.write { db in
            for path in paths {
                try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
            }
        }
    }

    private func write(_ record: IngestRecord, at timestamp: Double, in db: Database) throws -> Result {
        let fileID = try upsertFile(record.file, at: timestamp, in: db)
        try db.execute(sql: "DELETE FROM articles WHERE file_id = ?", arguments: [fileID])
        switch record.outcome {
        case .failed(let reason):
            try setState("failed", error: reason, duplicateOf: nil, fileID: fileID, in: db)
            return .failed
        case .articles(let articles):
            var inserted: [String] = []
            var duplicateOf: (id: Int64, path: String)?
            for article in articles {
                let hash = Self.bodyHash(of: article)
                if let existing = try Row.fetchOne(
                    db,
                    sql: "SELECT f.id, f.path FROM articles a JOIN files f ON f.id = a.file_id WHERE a.body_sha256 = ?",
                    arguments: [hash]
                ) {
                    duplicateOf = duplicateOf ?? (existing[0], existing[1])
                    continue
                }
                inserted.append(try insert(article, bodyHash: hash, fileID: fileID, at: timestamp, in: db))
            }
            if inserted.isEmpty, let original = duplicateOf {
                try setState("duplicate", error: nil, duplicateOf: original.id, fileID: fileID, in: db)
                return .duplicate(ofPath: original.path)
            }
            try setState("indexed", error: nil, duplicateOf: nil, fileID: fileID, in: db)
            return .indexed(articleIDs: inserted)
        }
    }

    private func upsertFile(_ file: IngestRecord.FileIdentity, at timestamp: Double, in db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO files (path, size, mtime_ns, inode, sha256, state, first_seen_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'indexed', ?, ?)
                ON CONFLICT(path) DO UPDATE SET
                    size = excluded.size, mtime_ns = excluded.mtime_ns, inode = excluded.inode,
                    sha256 = excluded.sha256, updated_at = excluded.updated_at
                """,
            arguments: [
                file.path, file.size, file.modificationTimeNanoseconds, Int64(bitPattern: file.inode), file.sha256,
                timestamp, timestamp,
            ]
        )
        return try Int64.fetchOne(db, sql: "SELECT id FROM files WHERE path = ?", arguments: [file.path])!
    }

    private func setState(_ state: String, error: String?, duplicateOf: Int64?, fileID: Int64, in db: Database) throws {
        try db.execute(
            sql: "UPDATE files SET state = ?, error = ?, duplicate_of = ? WHERE id = ?",
            arguments: [state, error, duplicateOf, fileID]
        )
    }

    private func insert(
        _ article: Article,
        bodyHash: String,
        fileID: Int64,
        at timestamp: Double,
        in db: Database
    ) throws -> String {
        let simHash = article.simHash
        var publicID = String(bodyHash.prefix(12))
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM articles WHERE public_id = ?", arguments: [publicID]) == true {
            publicID = String(bodyHash.prefix(publicID.count + 4))
        }
        try db.execute(
            sql: """
                INSERT INTO articles (
                    public_id, file_id, title, subtitle, body, authors, source, section, tags, url, language,
                    published_at, published_offset, ingested_at, format, word_count, body_sha256, simhash
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                publicID, fileID, article.title, article.subtitle, article.body,
                article.authors.isEmpty ? nil : article.authors.joined(separator: "\n"),
                article.source, article.section,
                article.tags.isEmpty ? nil : article.tags.joined(separator: "\n"),
                article.url, article.language,
                article.publishedAt?.instant.timeIntervalSince1970, article.publishedAt?.utcOffsetSeconds,
                timestamp, article.format.rawValue, article.wordCount, bodyHash, Int64(bitPattern: simHash),
            ]
        )
        _ = try NearDuplicateClusters.assign(
            articleID: db.lastInsertedRowID, simHash: simHash, wordCount: article.wordCount, in: db)
        return publicID
    }

    /// The identity of an article's text: the body, or the title when there is no body, so
    /// that title-only items (some feeds) are not all duplicates of one another.
    static func bodyHash(of article: Article) -> String {
        let body = article.body
        return SHA256.hexDigest(of: (body.isEmpty ? "title:" + article.title : body).utf8)
    }
}
