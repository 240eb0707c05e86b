// SPDX-License-Identifier: Apache-2.0
import GRDB

/// The set of articles a query selects, as SQL: a FROM clause, a WHERE condition and its
/// arguments, shared by the count, the ranking, the facets and the fallbacks.
struct MatchScope {
    let compiledMatch: FTS5Match?
    var match: String? { compiledMatch?.text }
    /// The MATCH expression's phrases, in FTS5's numbering, for `RankFunction`.
    var phrases: [String] { compiledMatch?.phrases ?? [] }
    let filters: QueryFilters
    let from: String
    let condition: String
    let arguments: StatementArguments
    /// The condition's filter part alone, for `explain`.
    let filterText: String?
    /// The FROM clause when the condition needs no `articles` column (a text match without
    /// filters): counting matches, finding the ranking window and ranking by bm25 then read
    /// only FTS5's doclists, instead of looking up every matching row in `articles_ranking`,
    /// which was most of a common word's cost.
    var textOnlyFrom: String? { match != nil && filterText == nil ? "articles_fts" : nil }

    init(match compiled: FTS5Match?, filters: QueryFilters, lowestRowID: Int64? = nil) {
        compiledMatch = compiled
        let match = compiled?.text
        self.filters = filters
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let match {
            // The covering index, not the table: see the v4 migration.
            from = "articles_fts JOIN articles a INDEXED BY articles_ranking ON a.id = articles_fts.rowid"
            clauses.append("articles_fts MATCH ?")
            arguments += [match]
            if let lowestRowID {
                clauses.append("articles_fts.rowid >= ?")
                arguments += [lowestRowID]
            }
        } else {
            from = "articles a"
        }
        if let filter = filters.sqlCondition(table: "a") {
            clauses.append(filter.sql)
            for value in filter.arguments {
                switch value {
                case .text(let text): arguments += [text]
                case .real(let number): arguments += [number]
                }
            }
            filterText = Self.inline(filter.sql, filter.arguments)
        } else {
            filterText = nil
        }
        condition = clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
        self.arguments = arguments
    }

    /// The same scope with bm25 limited to rows from `rowID` up (the newest ones).
    func restricted(toRowIDsFrom rowID: Int64) -> MatchScope {
        MatchScope(match: compiledMatch, filters: filters, lowestRowID: rowID)
    }

    private static func inline(_ sql: String, _ arguments: [SQLValue]) -> String {
        var text = ""
        var values = arguments.makeIterator()
        for character in sql {
            guard character == "?", let value = values.next() else {
                text.append(character)
                continue
            }
            switch value {
            case .text(let string): text += "'" + string.replacingOccurrences(of: "'", with: "''") + "'"
            case .real(let number): text += String(number)
            }
        }
        return text
    }
}
