// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI

/// A request made ready to run: aliases expanded, the query parsed, the sort order settled.
struct SearchPlan: Sendable {
    let query: ParsedQuery
    let sort: QuerySortOrder
    let expansions: [String]
    let notes: [String]

    init(request: SearchRequest, aliases: AliasTable, now: Date) throws(SearchError) {
        var text = request.query
        if let since = request.since { text += " since:" + since }
        if let until = request.until { text += " until:" + until }
        let typed: ParsedQuery
        do {
            // Parsed as typed first, so that an error's column points into what the user wrote.
            typed = try ParsedQuery(text, now: now)
        } catch {
            throw .syntax(message: error.message, column: error.column)
        }
        let (expanded, expansions) = aliases.expand(text)
        if expansions.isEmpty {
            query = typed
        } else {
            query = (try? ParsedQuery(expanded, now: now)) ?? typed
        }
        self.expansions = expanded == text ? [] : expansions
        notes = query.notes + self.expansions
        let requested: QuerySortOrder?
        if let sort = request.sort {
            guard let order = QuerySortOrder(rawValue: sort) else {
                throw .invalidRequest("sort must be relevance, newest or oldest")
            }
            requested = order
        } else {
            requested = nil
        }
        // Without words there is nothing to rank by relevance: list by date.
        sort = query.sort ?? requested ?? (query.match == nil ? .newest : .relevance)
    }
}
