// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsAPI

/// The best passage of each hit, with the query's terms marked, stemmed forms included
/// (`sanction` marks `sanctions`, as the index matched it).
///
/// Made only for the page being returned: one indexed lookup of the body per hit, then
/// `PassagePicker` in Swift.
struct SnippetMaker {
    var picker = PassagePicker()

    func snippets(for hits: [Candidate], plan: SearchPlan, in db: Database) throws -> [Int64: String] {
        var snippets: [Int64: String] = [:]
        let patterns = HighlightPattern.patterns(for: plan.query)
        let bodies = try db.cachedStatement(sql: "SELECT body FROM articles WHERE id = ?")
        for hit in hits {
            let body = try String.fetchOne(bodies, arguments: [hit.rowID]) ?? ""
            let snippet =
                picker.passage(of: body, patterns: patterns)
                ?? Self.opening(of: body, maximumCharacters: picker.maximumCharacters)
            snippets[hit.rowID] = Self.flattened(snippet)
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
