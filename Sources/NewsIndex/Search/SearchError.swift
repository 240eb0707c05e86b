// SPDX-License-Identifier: Apache-2.0

/// Why a search could not run, in words for the person who typed the query.
public enum SearchError: Error, Sendable, Hashable {
    /// The query is malformed at `column` (1-based, in the text as typed).
    case syntax(message: String, column: Int)
    /// A request parameter is out of range.
    case invalidRequest(String)
    /// The search ran past its time budget and was stopped.
    case tooExpensive(budgetMilliseconds: Int)
}
