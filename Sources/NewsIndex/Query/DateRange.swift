// SPDX-License-Identifier: Apache-2.0

/// A half-open interval of `published_at` values, in Unix seconds (UTC).
///
/// Half-open because "until 2025-03-31" means up to the end of that day: the upper bound is the first second of
/// the next day, excluded, which needs no "23:59:59.999" guesswork. Either side may be open.
public struct DateRange: Sendable, Hashable {
    /// The earliest instant included, or `nil` for no lower bound.
    public var lowerBound: Double?
    /// The first instant excluded, or `nil` for no upper bound.
    public var upperBound: Double?

    public init(lowerBound: Double? = nil, upperBound: Double? = nil) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// Both ranges at once: several date filters in one query narrow one another.
    func intersection(_ other: DateRange) -> DateRange {
        let lower = [lowerBound, other.lowerBound].compactMap { $0 }.max()
        let upper = [upperBound, other.upperBound].compactMap { $0 }.min()
        return DateRange(lowerBound: lower, upperBound: upper)
    }

    /// Whether no instant can fall in the range.
    public var isEmpty: Bool {
        guard let lowerBound, let upperBound else { return false }
        return lowerBound >= upperBound
    }
}
