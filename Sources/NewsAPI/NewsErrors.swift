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
