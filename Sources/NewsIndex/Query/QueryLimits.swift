// SPDX-License-Identifier: Apache-2.0

/// Bounds on what one query may ask for, so that hostile input costs little.
///
/// Queries arrive from any client of the socket. The length check runs before any other work, so a 100 KB query
/// is refused after counting at most 4 KB of it; the term cap keeps MATCH strings and FTS5's work small; the
/// depth cap is what lets the parser recurse at all.
public struct QueryLimits: Sendable, Hashable {
    /// The longest query, in UTF-8 bytes.
    public var maximumLength: Int
    /// How deep parentheses, fields and exclusions may nest.
    public var maximumDepth: Int
    /// How many words, phrases and prefixes (included or excluded) a query may hold.
    public var maximumTerms: Int
    /// The largest distance `NEAR` accepts; FTS5 has no cap, but a larger one means "anywhere" anyway.
    public var maximumNearDistance: Int

    public init(
        maximumLength: Int = 4096, maximumDepth: Int = 32, maximumTerms: Int = 64, maximumNearDistance: Int = 1000
    ) {
        self.maximumLength = maximumLength
        self.maximumDepth = maximumDepth
        self.maximumTerms = maximumTerms
        self.maximumNearDistance = maximumNearDistance
    }

    /// The limits newsd runs with.
    public static let standard = QueryLimits()
}
