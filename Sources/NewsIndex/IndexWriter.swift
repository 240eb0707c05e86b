// SPDX-License-Identifier: Apache-2.0
public import Foundation
import GRDB
import NewsNormalizer

/// Commits ingest results: the ledger row of each file and its articles, in one transaction
/// per batch.
///
/// Batching is what makes bursts fast (one fsync per batch, not per file); the caller decides
/// the batch size, so that a single dropped file is still committed at once. Every statement is
/// a cached prepared statement: compiling the article insert (with its FTS5 trigger) anew for
/// each article cost more than running it.
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
        do {
            return try await database.pool.write { db in
                var fullText = PendingFullText()
                let results = try records.map { try write($0, at: timestamp, in: db, fullText: &fullText) }
                try fullText.flush(in: db)
                return results
            }
        } catch {
            // The batch's fingerprints went into the band index, its rows did not: a batch
            // retried while the disk is full would add them again every time.
            database.simHashBands.forget()
            throw error
        }
    }

    /// Forgets files that left the inbox, with their articles.
    public func removeFiles(atPaths paths: [String]) async throws {
        let removedArticles = try await database.pool.write { db in
            // Their articles go with the ledger rows (the foreign key cascades), which SQLite's
            // change count leaves out; the count kept for Status has them.
            let articles = try db.cachedStatement(sql: "SELECT count FROM row_counts WHERE name = 'articles'")
            let before = try Int.fetchOne(articles) ?? 0
            for path in paths {
                try db.cachedStatement(sql: "DELETE FROM files WHERE path = ?").execute(arguments: [path])
            }
            return before - (try Int.fetchOne(articles) ?? 0)
        }
        if removedArticles > 0 { database.simHashBands.noteRemoved(removedArticles) }
    }

    /// Points the ledger rows of moved files at their new paths, in one transaction.
    ///
    /// A move whose target the ledger already names is not made (the ledger keeps one row per
    /// path): the moves made are returned.
    @discardableResult
    public func moveFiles(_ moves: [(from: String, to: String)]) async throws -> [(from: String, to: String)] {
        try await database.pool.write { db in
            let update = try db.cachedStatement(sql: "UPDATE OR IGNORE files SET path = ? WHERE path = ?")
            return try moves.filter { move in
                try update.execute(arguments: [move.to, move.from])
                return db.changesCount == 1
            }
        }
    }

    private func write(
        _ record: IngestRecord, at timestamp: Double, in db: Database, fullText: inout PendingFullText
    ) throws -> Result {
        // Duplicates are looked up first, so that the ledger row is written once, in its final state.
        var ledgerRow = LedgerRow(state: "indexed")
        var fresh: [PreparedArticle] = []
        var duplicateOf: (id: Int64, path: String)?
        switch record.outcome {
        case .failed(let reason):
            ledgerRow = LedgerRow(state: "failed", error: reason)
        case .articles(let articles):
            var freshHashes = Set<String>()
            for article in articles where !freshHashes.contains(article.bodyHash) {
                // The file's own articles are about to be replaced: they are not originals.
                if let existing = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT f.id, f.path FROM articles a JOIN files f ON f.id = a.file_id
                            WHERE a.body_sha256 = ? AND f.path != ?
                            """),
                    arguments: [article.bodyHash, record.file.path]
                ) {
                    duplicateOf = duplicateOf ?? (existing[0], existing[1])
                } else {
                    freshHashes.insert(article.bodyHash)
                    fresh.append(article)
                }
            }
            if fresh.isEmpty, let original = duplicateOf {
                ledgerRow = LedgerRow(state: "duplicate", duplicateOf: original.id)
            }
        }
        let (fileID, isNew) = try upsertFile(record.file, as: ledgerRow, at: timestamp, in: db)
        if !isNew {
            // The delete trigger takes the file's old articles out of FTS5, which must hold them by then.
            if fullText.fileIDs.contains(fileID) { try fullText.flush(in: db) }
            try db.cachedStatement(sql: "DELETE FROM articles WHERE file_id = ?").execute(arguments: [fileID])
            if db.changesCount > 0 { database.simHashBands.noteRemoved(db.changesCount) }
        }
        switch ledgerRow.state {
        case "failed": return .failed
        case "duplicate": return .duplicate(ofPath: duplicateOf!.path)
        default:
            let ids = try fresh.map { article in
                try insert(article, fileID: fileID, at: timestamp, in: db, fullText: &fullText)
            }
            return .indexed(articleIDs: ids)
        }
    }

    /// What the ledger says became of a file.
    private struct LedgerRow {
        var state: String
        var error: String?
        var duplicateOf: Int64?
    }

    /// Writes the file's ledger row; returns its id and whether the row is new, in which case
    /// no article can refer to it yet (a removed row's articles went with it).
    ///
    /// An insert that does nothing on conflict, then an update: a burst is almost all new
    /// files, and `RETURNING` made SQLite gather each statement's results in a temporary table.
    private func upsertFile(
        _ file: IngestRecord.FileIdentity, as row: LedgerRow, at timestamp: Double, in db: Database
    ) throws -> (id: Int64, isNew: Bool) {
        let columns: StatementArguments = [
            file.size, file.modificationTimeNanoseconds, Int64(bitPattern: file.inode), file.sha256,
            row.state, row.error, row.duplicateOf, timestamp,
        ]
        try db.cachedStatement(
            sql: """
                INSERT INTO files (
                    size, mtime_ns, inode, sha256, state, error, duplicate_of, updated_at, path, first_seen_at
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(path) DO NOTHING
                """
        ).execute(arguments: columns + [file.path, timestamp])
        if db.changesCount == 1 { return (db.lastInsertedRowID, true) }
        let update = try db.cachedStatement(
            sql: """
                UPDATE files SET
                    size = ?, mtime_ns = ?, inode = ?, sha256 = ?, state = ?, error = ?, duplicate_of = ?, updated_at = ?
                WHERE path = ?
                RETURNING id
                """)
        return (try Int64.fetchOne(update, arguments: columns + [file.path])!, false)
    }

    private func insert(
        _ prepared: PreparedArticle,
        fileID: Int64,
        at timestamp: Double,
        in db: Database,
        fullText: inout PendingFullText
    ) throws -> String {
        let (article, simHash) = (prepared.article, prepared.simHash)
        let authors = article.authors.isEmpty ? nil : article.authors.joined(separator: "\n")
        let tags = article.tags.isEmpty ? nil : article.tags.joined(separator: "\n")
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO articles (
                    public_id, file_id, title, subtitle, body, authors, source, section, tags, url, language,
                    published_at, published_offset, ingested_at, format, word_count, body_sha256, simhash
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(public_id) DO NOTHING
                """)
        // The public id is the body hash's first 12 hex digits, longer in the rare case that
        // another body's hash starts alike; trying the insert costs less than looking first.
        var publicID = String(prepared.bodyHash.prefix(12))
        while true {
            try insert.execute(arguments: [
                publicID, fileID, article.title, article.subtitle, prepared.storedBody, authors, article.source,
                article.section, tags, article.url, article.language,
                article.publishedAt?.instant.timeIntervalSince1970, article.publishedAt?.utcOffsetSeconds,
                timestamp, article.format.rawValue, prepared.wordCount, prepared.bodyHash, Int64(bitPattern: simHash),
            ])
            if db.changesCount == 1 { break }
            // Cannot happen while body hashes are unique, but must not loop for ever if it does.
            guard publicID.count < prepared.bodyHash.count else {
                throw DatabaseError(
                    resultCode: .SQLITE_CONSTRAINT, message: "public id \(publicID) is taken by another article")
            }
            publicID = String(prepared.bodyHash.prefix(publicID.count + 4))
        }
        let articleID = db.lastInsertedRowID
        // In `Schema.textColumns` order; inserted at the end of the batch (see `write(_:)`).
        fullText.rows.append([
            articleID, article.title, article.subtitle, prepared.body, authors, article.source, article.section, tags,
            article.url,
        ])
        fullText.fileIDs.insert(fileID)
        _ = try NearDuplicateClusters.assign(
            articleID: articleID, simHash: simHash, wordCount: prepared.wordCount, bands: database.simHashBands, in: db)
        return publicID
    }
}

/// FTS5 rows of a batch's articles, inserted after every other statement of the transaction.
///
/// Once FTS5 has been written to in a transaction, SQLite tells it of each later statement
/// savepoint (which any statement checking foreign keys takes), and FTS5 then flushes its pending
/// terms to a new segment: interleaved with the article inserts, that made a tiny segment per
/// article, and flushing and merging them was much of the writer's work.
private struct PendingFullText {
    var rows: [StatementArguments] = []
    /// Files whose articles have rows waiting here.
    var fileIDs: Set<Int64> = []

    mutating func flush(in db: Database) throws {
        guard !rows.isEmpty else { return }
        let insert = try db.cachedStatement(sql: Schema.insertFullText)
        for arguments in rows { try insert.execute(arguments: arguments) }
        rows.removeAll()
        fileIDs.removeAll()
    }
}
