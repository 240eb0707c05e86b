// SPDX-License-Identifier: Apache-2.0
public import NewsAPI

/// A user's query turned into FTS5 MATCH text.
///
/// User text never reaches MATCH raw: every word becomes an FTS5 string (double-quoted, inner
/// quotes doubled) and the words are ANDed, so no input can be an FTS5 syntax error.
struct MatchExpression: Sendable {
    let text: String

    init(query: String) throws(SearchError) {
        let words = query.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { word in
            word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
        guard !words.isEmpty else {
            throw SearchError.syntax(message: "the query has no words to look for", column: 1)
        }
        text = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }
}

/// Why a search could not run, in words for the person who typed the query.
public enum SearchError: Error, Sendable, Hashable {
    /// The query is malformed at `column` (1-based).
    case syntax(message: String, column: Int)
}
