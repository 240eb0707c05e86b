// SPDX-License-Identifier: Apache-2.0

/// One lexical unit of a query, with the column where it starts so that errors and notes can point at it.
struct QueryToken: Sendable, Hashable {
    /// The filters that apply to the whole query rather than to words.
    enum Filter: String, Sendable, Hashable {
        case since, until, date, lang, sort

        init?(prefix: Substring) {
            switch prefix.lowercased() {
            case "since", "after": self = .since
            case "until", "before": self = .until
            case "date": self = .date
            case "lang", "language": self = .lang
            case "sort": self = .sort
            default: return nil
            }
        }
    }

    enum Kind: Sendable, Hashable {
        /// A bare word, `isPrefix` when it ended in `*` (which is not part of the text).
        case word(String, isPrefix: Bool)
        /// The text between double quotes, `isPrefix` when a `*` follows the closing quote.
        case phrase(String, isPrefix: Bool)
        /// `-` right before a word, phrase or group.
        case minus
        /// `NOT`, read like `-`.
        case not
        /// `AND`, which changes nothing since words are ANDed anyway.
        case and
        /// `OR` or `|`.
        case or
        case open
        case close
        /// `NEAR(`, the start of a proximity group.
        case nearOpen
        /// `,` inside `NEAR(...)`, before the distance.
        case comma
        /// Infix `NEAR` or `NEAR/n` between two words.
        case nearOperator(distance: Int)
        /// `title:` and its siblings; what follows the colon is lexed as the next token.
        case field(QueryField)
        /// `since:7d` and its siblings, with the text after the colon and the column where that text starts.
        case filter(Filter, value: String, valueColumn: Int)
    }

    var kind: Kind
    /// 1-based, counted in characters.
    var column: Int
}
