// SPDX-License-Identifier: Apache-2.0

/// Parameters of `io.newsd.QuerySyntax`: what is wrong with the query, and where.
public struct QuerySyntaxProblem: Codable, Sendable, Hashable {
    public var message: String
    /// 1-based column in the query text.
    public var column: Int

    public static let errorName = "io.newsd.QuerySyntax"

    public init(message: String, column: Int) {
        self.message = message
        self.column = column
    }
}

/// Parameters of `io.newsd.InvalidRequest`.
public struct InvalidRequestProblem: Codable, Sendable, Hashable {
    public var message: String

    public static let errorName = "io.newsd.InvalidRequest"

    public init(message: String) {
        self.message = message
    }
}

/// Parameters of `io.newsd.QueryTooExpensive`: the search used more than its CPU time budget.
public struct QueryTooExpensiveProblem: Codable, Sendable, Hashable {
    public var message: String
    public var budgetMilliseconds: Int

    public static let errorName = "io.newsd.QueryTooExpensive"

    enum CodingKeys: String, CodingKey {
        case message
        case budgetMilliseconds = "budget_ms"
    }

    public init(budgetMilliseconds: Int) {
        self.budgetMilliseconds = budgetMilliseconds
        message =
            "the search ran past its time budget of \(budgetMilliseconds) ms and was stopped; use rarer words, "
            + "longer prefixes (at least three letters before *), fewer OR alternatives, or since:/until:"
    }
}
