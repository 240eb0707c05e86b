// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsAPI

/// The best passage of each hit, with the query's terms marked, stemmed forms included (FTS5
/// highlights what its tokenizer matched).
///
/// Made only for the page being returned, one small statement per hit: snippet() reads the
/// article's text, which is too dear to do for every candidate.
struct SnippetMaker {
    /// FTS5 counts in tokens; about 30 tokens make the 200 characters of a search result line.
    var tokens = 30
    var maximumCharacters = 220

    func snippets(for hits: [Candidate], plan: SearchPlan, in db: Database) throws -> [Int64: String] {
        var snippets: [Int64: String] = [:]
        let highlight = plan.query.matchAnyTerm ?? plan.query.match
        for hit in hits {
            if let highlight,
                let snippet = try String.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT snippet(articles_fts, 2, '\(SearchHit.markOpen)', '\(SearchHit.markClose)', '…', \(tokens))
                            FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?
                            """),
                    arguments: [highlight, hit.rowID]), !snippet.isEmpty
            {
                snippets[hit.rowID] = Self.flattened(snippet)
                continue
            }
            let body =
                try String.fetchOne(
                    db.cachedStatement(sql: "SELECT body FROM articles WHERE id = ?"), arguments: [hit.rowID]) ?? ""
            snippets[hit.rowID] = Self.flattened(Self.opening(of: body, maximumCharacters: maximumCharacters))
        }
        return snippets
    }

    /// A snippet is one line: paragraph breaks inside it become spaces.
    static func flattened(_ snippet: String) -> String {
        snippet.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The body's first characters, cut at a word boundary.
    static func opening(of body: String, maximumCharacters: Int) -> String {
        guard body.count > maximumCharacters else { return body }
        let cut = body.prefix(maximumCharacters)
        let boundary = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<boundary]) + "…"
    }
}
