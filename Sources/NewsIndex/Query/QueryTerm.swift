// SPDX-License-Identifier: Apache-2.0

/// One thing to look for: a word, a quoted phrase, or either with a trailing `*` (a prefix).
///
/// Terms keep the user's text as typed; FTS5's tokenizer does the case folding and stemming, so that highlighting
/// and did-you-mean see what the user saw.
public struct QueryTerm: Sendable, Hashable, Identifiable {
    /// The term's position among all terms of its query, counting from 0 in reading order; stable, so that a
    /// fallback can name the terms it drops.
    public let id: Int
    /// The text as typed, without quotes or the trailing `*`.
    public let text: String
    /// Whether the user quoted it.
    public let isPhrase: Bool
    /// Whether it ends in `*`, matching every word that starts with the text.
    public let isPrefix: Bool
    /// The column the term is limited to when a field such as `title:` applies; the innermost one when fields nest.
    public let field: QueryField?
    /// Whether the term sits under an exclusion (`-word`); such terms are never highlighted.
    public let isExcluded: Bool
    /// The 1-based column where the term starts in the query.
    public let column: Int

    public init(
        id: Int, text: String, isPhrase: Bool = false, isPrefix: Bool = false, field: QueryField? = nil,
        isExcluded: Bool = false, column: Int
    ) {
        self.id = id
        self.text = text
        self.isPhrase = isPhrase
        self.isPrefix = isPrefix
        self.field = field
        self.isExcluded = isExcluded
        self.column = column
    }

    /// The term as an FTS5 string: double-quoted with inner quotes doubled, so that no user text is ever read as
    /// FTS5 syntax, plus `*` for a prefix (https://sqlite.org/fts5.html#fts5_strings).
    ///
    /// Works on Unicode scalars, not Characters: a `"` followed by a combining mark is one Character that is not
    /// equal to `"`, yet SQLite sees the quote byte, so escaping by Character would let it end the string early.
    /// Control characters become spaces, since SQLite also ends an FTS5 string at a NUL. Both were found by the
    /// FTS5 acceptance test.
    public var fts5String: String {
        var body = String.UnicodeScalarView()
        for scalar in searchText.unicodeScalars {
            switch scalar.value {
            case 0x22: body.append(contentsOf: "\"\"".unicodeScalars)
            case 0..<0x20, 0x7F..<0xA0: body.append(" ")
            default: body.append(scalar)
            }
        }
        let quoted = "\"" + String(body) + "\""
        return isPrefix ? quoted + "*" : quoted
    }

    /// The text looked for: as typed, but an unquoted word loses an English possessive
    /// (`world's` → `world`), as Lucene's English analyzer does.
    ///
    /// The tokenizer splits `world's` into `world` and `s`, so the word as typed is a phrase
    /// whose second token is in nearly every article: checking its positions made such queries
    /// the slowest of the benchmark's, while `world` alone finds the same articles and more.
    public var searchText: String {
        guard !isPhrase, !isPrefix, text.count > 2 else { return text }
        for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] where text.hasSuffix(suffix) {
            let stem = String(text.dropLast(2))
            if stem.unicodeScalars.last.map({ $0.properties.isAlphabetic || $0.properties.numericType != nil }) == true
            {
                return stem
            }
        }
        return text
    }

    /// Whether the text holds anything FTS5's `unicode61` tokenizer would index. A term without letters or digits
    /// (`...`, `--`) becomes an empty phrase, which matches nothing and would empty the whole AND around it.
    var hasSearchableText: Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                return true
            default:
                return false
            }
        }
    }
}
