// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsIndex

/// A fixed instant, so that relative dates (`since:7d`) parse the same on every run and a crasher reproduces.
let now = Date(timeIntervalSince1970: 1_742_860_800)

/// An in-memory table shaped like `articles_fts` (same columns, tokenizer and prefixes, see Schema.swift), so
/// that every MATCH the compiler writes is also checked by FTS5 itself: one it rejects would reach users as an
/// internal error. `scripts/check-fts5-match.py` does the same for the unit tests.
let database: DatabaseQueue = {
    do {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE articles (
                        id INTEGER PRIMARY KEY, title TEXT, subtitle TEXT, body TEXT, authors TEXT, source TEXT,
                        section TEXT, tags TEXT, url TEXT, published_at REAL, language TEXT);
                    CREATE VIRTUAL TABLE articles_fts USING fts5(
                        title, subtitle, body, authors, source, section, tags, url,
                        content = 'articles', content_rowid = 'id',
                        tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
                    INSERT INTO articles VALUES (1, 'Sanctions hit Rosselkhozbank', 'EU widens list',
                        'The central bank said oil and gas exports fell.', 'Jane Smith', 'Reuters', 'world',
                        'sanctions, russia', 'https://reuters.com/a/1', 1742515200.0, 'en');
                    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                    """)
        }
        return queue
    } catch {
        fatalError("cannot set up the FTS5 check: \(error)")
    }
}()

/// Runs `match` and the filter condition on FTS5, trapping if SQLite rejects either.
func check(match: String?, filters: QueryFilters) {
    let condition = filters.sqlCondition()
    guard match != nil || condition != nil else { return }
    var clauses: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []
    if let match {
        clauses.append("articles_fts MATCH ?")
        arguments.append(match)
    }
    if let condition {
        clauses.append(condition.sql)
        for value in condition.arguments {
            switch value {
            case .text(let text): arguments.append(text)
            case .real(let real): arguments.append(real)
            }
        }
    }
    let sql =
        "SELECT count(*) FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid WHERE "
        + clauses.joined(separator: " AND ")
    do {
        _ = try database.read { try Int.fetchOne($0, sql: sql, arguments: StatementArguments(arguments)) }
    } catch {
        fatalError("FTS5 rejected MATCH \(match.debugDescription) / \(condition.debugDescription): \(error)")
    }
}

/// libFuzzer's entry point: the input, read as UTF-8 (invalid bytes replaced, as the socket's JSON would), is a
/// query.
///
/// A `QuerySyntaxError` is fine; a trap, a hang, or a MATCH that FTS5 refuses is the bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let query = try? ParsedQuery(text, now: now, limits: .standard) else { return 0 }
    _ = query.notes
    _ = query.sort
    check(match: query.match, filters: query.filters)
    check(match: query.matchAnyTerm, filters: query.filters)
    let ids = query.positiveTerms.map(\.id)
    if let first = ids.first {
        check(match: query.match(droppingTerms: [first]), filters: query.filters)
    }
    return 0
}
