// SPDX-License-Identifier: Apache-2.0

/// Gathers the whole-query filters (`since:`, `until:`, `date:`, `lang:`, `sort:`) wherever they appear.
struct QueryFilterCollector {
    private(set) var filters = QueryFilters()
    private(set) var sort: QuerySortOrder?
    private(set) var notes: [String] = []
    private let now: Double

    init(now: Double) {
        self.now = now
    }

    /// Whether any filter or sort order was given.
    var isEmpty: Bool { filters.isEmpty && sort == nil }

    mutating func add(_ filter: QueryToken.Filter, value: String, column: Int) throws(QuerySyntaxError) {
        switch filter {
        case .since, .until, .date:
            let role: QueryDate.Role = filter == .since ? .since : filter == .until ? .until : .date
            guard let range = QueryDate.range(Substring(value), role: role, now: now) else {
                let ranges = filter == .date ? ", a range such as 2025-03-20..2025-03-27" : ""
                throw QuerySyntaxError(
                    .invalidDate,
                    "\(filter.rawValue): takes a date such as 2025-03-31, 2025-03 or 2025\(ranges), "
                        + "or a time back from now such as 12h, 7d, 2w, 3m or 1y",
                    column: column)
            }
            let combined = filters.published.map { $0.intersection(range) } ?? range
            if combined.isEmpty && !(filters.published?.isEmpty ?? false) {
                notes.append("the date filters leave no time between them, so nothing can match")
            }
            filters.published = combined
        case .lang:
            guard QueryFilters.isLanguageTag(Substring(value)) else {
                throw QuerySyntaxError(
                    .invalidLanguage, "lang: takes a language code such as en, de or pt-BR", column: column)
            }
            let tag = value.lowercased()
            if !filters.languages.contains(tag) { filters.languages.append(tag) }
        case .sort:
            guard let order = QuerySortOrder(value: Substring(value)) else {
                throw QuerySyntaxError(.invalidSort, "sort: takes relevance, newest or oldest", column: column)
            }
            if let sort, sort != order {
                notes.append("sort:\(order.rawValue) at column \(column) replaces sort:\(sort.rawValue)")
            }
            sort = order
        }
    }
}
