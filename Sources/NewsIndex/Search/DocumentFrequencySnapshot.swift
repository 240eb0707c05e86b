// SPDX-License-Identifier: Apache-2.0
import GRDB

/// The document frequency of every common term, counted in one scan of FTS5's term list.
///
/// BM25 needs each query term's document frequency, and FTS5 stores none: `bm25()`, like
/// `newsd_rank`, walks the term's whole doclist the first time a query names it, and the match
/// count of a lone word is the same walk. For a query nobody has typed since the last commit,
/// those walks were most of its time. Lucene and tantivy keep document frequencies in the term
/// dictionary; FTS5's term list (`articles_vocab`) gives them all in one scan, too slow for a
/// search but cheap enough for an idle moment (see `IdleUpkeepService`).
///
/// The snapshot stays exact while articles are only added. New articles get row ids above
/// every earlier one, so a term's frequency now is its count here plus the rows past
/// ``lastRowID`` that contain it, and FTS5 reads only those rows' part of the doclist. Removing
/// or rewriting an indexed article (counted in `article_rewrites`) makes the snapshot stale: it
/// is then not used until it is taken again.
///
/// Only terms in at least ``minimumFrequency`` rows are kept: a rarer term's walk is short,
/// and the table stays small while the vocabulary grows with years of names and typos.
struct DocumentFrequencySnapshot: Sendable {
    static let minimumFrequency: Int64 = 64

    /// Rows holding each common term, as FTS5's `row` vocabulary counts them (any column).
    let frequencies: [String: Int64]
    /// The highest article row id when the snapshot was taken.
    let lastRowID: Int64
    /// Articles when the snapshot was taken.
    let rows: Int64
    /// The `article_rewrites` count when the snapshot was taken.
    let rewrites: Int64

    /// Counts every term in one read transaction, so that the counts and the row id agree.
    static func take(in db: Database) throws -> DocumentFrequencySnapshot {
        var frequencies: [String: Int64] = [:]
        let terms = try Row.fetchCursor(
            db, sql: "SELECT term, doc FROM articles_vocab WHERE doc >= ?", arguments: [minimumFrequency])
        while let row = try terms.next() {
            frequencies[row[0]] = row[1]
        }
        let row = try Row.fetchOne(db, sql: "SELECT max(id), count(*) FROM articles")
        return DocumentFrequencySnapshot(
            frequencies: frequencies, lastRowID: row?[0] ?? 0, rows: row?[1] ?? 0,
            rewrites: try rewriteCount(in: db))
    }

    /// Whether the snapshot still describes the articles up to ``lastRowID``.
    func isCurrent(in db: Database) throws -> Bool {
        try Self.rewriteCount(in: db) == rewrites
    }

    /// Articles added since the snapshot was taken.
    func rowsAdded(in db: Database) throws -> Int64 {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM articles WHERE id > ?"), arguments: [lastRowID]) ?? 0
    }

    /// The exact number of rows that hold `term`, a token as the index spells it, or `nil` when
    /// it is not a common term. `phrase` is the same term as an FTS5 phrase, for counting the
    /// rows added since.
    func frequency(ofTerm term: String, phrase: String, in db: Database) throws -> Int64? {
        guard let counted = frequencies[term] else { return nil }
        let added = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?"),
            arguments: [phrase, lastRowID])
        return counted + (added ?? 0)
    }

    private static func rewriteCount(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT count FROM article_rewrites WHERE id = 1")) ?? 0
    }
}
