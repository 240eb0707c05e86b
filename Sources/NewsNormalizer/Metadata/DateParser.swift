// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Parses the date notations that articles, feeds and mail headers use, into a `PublicationDate`.
///
/// Understood: ISO 8601 / RFC 3339 (`2025-03-25`, `2025-03-25T14:03:00+02:00`, with or without a zone),
/// RFC 822/2822 (`Tue, 25 Mar 2025 14:03:00 +0000`, `GMT`, North American zone names),
/// `March 25, 2025`, `25 March 2025`, each optionally followed by a time and a zone.
/// Numeric day/month forms (`25/03/2025`) are read only when they cannot be misread, that is when
/// one of the two numbers is over 12 (or both are equal): a wrong date is worse than none, because
/// date filters would silently hide the article. No date is ever invented: anything not understood
/// gives `nil`. When the text names no zone, `utcOffsetSeconds` is `nil` and the wall time is taken as UTC.
enum DateParser {
    /// Parses `text` when the whole of it (around white space) is one date.
    static func parse(_ text: some StringProtocol) -> PublicationDate? {
        parse(text, allowingTrailingText: false)
    }

    /// Parses a date at the start of `text` and ignores what follows it, for page lines such as
    /// `November 20, 2019 - 11:28 AMT` or `March 3, 2025 | 5 min read`.
    static func parseLeading(_ text: some StringProtocol) -> PublicationDate? {
        parse(text, allowingTrailingText: true)
    }

    private static func parse(_ text: some StringProtocol, allowingTrailingText: Bool) -> PublicationDate? {
        let bytes = Array(text.utf8.prefix(200))
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start >= 8 else { return nil }
        let trimmed = Array(bytes[start..<end])
        if let iso = ISODateScanner.scan(trimmed, allowingTrailingText: allowingTrailingText) { return iso }
        var tokens = DateToken.tokenize(trimmed)
        return WordyDateGrammar.match(&tokens, allowingTrailingText: allowingTrailingText)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
