// SPDX-License-Identifier: Apache-2.0

/// A slip in the query's structure (an unbalanced quote, a stray `OR`, an unmatched parenthesis) after which the
/// words are searched literally instead of failing.
struct QuerySlip: Sendable, Hashable {
    /// What went wrong and where, e.g. "unbalanced quote at column 12".
    var message: String
    var column: Int

    /// The note the user sees with the literal results.
    var note: String { "\(message): searched the words literally" }
}

/// Why the lexer or parser stopped: a slip to recover from, or an error to report.
enum QueryParseFailure: Error, Sendable, Hashable {
    case slip(QuerySlip)
    case syntax(QuerySyntaxError)
}

extension QueryParseFailure {
    /// The error to report. A slip only gets here from the literal pass, whose tokens cannot slip; should that
    /// ever change, the user gets the slip's own words rather than a crash.
    var syntaxError: QuerySyntaxError {
        switch self {
        case .syntax(let error): return error
        case .slip(let slip):
            return QuerySyntaxError(.emptyQuery, "could not read the query: \(slip.message)", column: slip.column)
        }
    }
}
