// SPDX-License-Identifier: Apache-2.0

/// Why a search query could not be run, and where in the query the problem is.
///
/// Only mistakes whose intent we cannot guess are errors (a date that is not a date, a field with nothing after
/// it). Slips in structure such as an unbalanced quote fall back to a literal search with a note instead, because
/// the person still wants results. The message names the user's own text back to them, so it belongs in the reply
/// to that user and not in logs above `.debug`.
///
/// A struct with a private enum inside, so that new codes can be added without breaking callers that switch over
/// them.
public struct QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Value: String, Sendable, Hashable {
            case emptyQuery, onlyExclusions, missingFieldValue, invalidDate, invalidLanguage, invalidSort
            case invalidNear, misplacedFilter, tooLong, tooDeep, tooManyTerms
        }
        fileprivate let value: Value

        /// The query holds nothing to search for and no filter.
        public static let emptyQuery = Code(value: .emptyQuery)
        /// A query, or one OR branch of it, only excludes; FTS5 cannot run a pure NOT.
        public static let onlyExclusions = Code(value: .onlyExclusions)
        /// A field such as `title:` or `since:` has nothing after it.
        public static let missingFieldValue = Code(value: .missingFieldValue)
        /// `since:`, `until:` or `date:` got something that is not a date we read.
        public static let invalidDate = Code(value: .invalidDate)
        /// `lang:` got something that is not a BCP 47 language tag.
        public static let invalidLanguage = Code(value: .invalidLanguage)
        /// `sort:` got something other than `relevance`, `newest` or `oldest`.
        public static let invalidSort = Code(value: .invalidSort)
        /// `NEAR(...)` or `NEAR/n` has a bad distance or something other than words inside.
        public static let invalidNear = Code(value: .invalidNear)
        /// A whole-query filter (`since:`, `lang:` ...) sits where only words can go, e.g. after `-` or `OR`.
        public static let misplacedFilter = Code(value: .misplacedFilter)
        /// The query is longer than ``QueryLimits/maximumLength`` bytes.
        public static let tooLong = Code(value: .tooLong)
        /// Parentheses, fields and exclusions nest deeper than ``QueryLimits/maximumDepth``.
        public static let tooDeep = Code(value: .tooDeep)
        /// The query holds more than ``QueryLimits/maximumTerms`` words and phrases.
        public static let tooManyTerms = Code(value: .tooManyTerms)

        public var description: String { value.rawValue }
    }

    public let code: Code
    /// A sentence for the person who typed the query.
    public let message: String
    /// The 1-based column, in characters, where the problem starts.
    public let column: Int

    public init(_ code: Code, _ message: String, column: Int) {
        self.code = code
        self.message = message
        self.column = column
    }

    public var description: String { "\(code) at column \(column): \(message)" }
}
