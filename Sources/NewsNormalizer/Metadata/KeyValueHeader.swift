// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads leading `Key: value` lines (`Title:`, `URL:`, `Date:`, `Author:`/`By:`, `Source:`,
/// `Section:`, `Tags:`, `Language:`), the header that scrapers and note-taking tools put above
/// the text.
///
/// Only keys newsd knows start a header, so a first line such as "Brexit: what now" stays a title.
/// The header ends at the first line that is not a known key, or at a blank line after keys.
enum KeyValueHeader {
    /// The metadata and the text after the header, or `nil` when `text` does not start with one.
    static func split(_ text: Substring) -> (metadata: ArticleMetadata, rest: Substring)? {
        var lines = LineCursor(text)
        var metadata = ArticleMetadata()
        var keyCount = 0
        var rest = text
        while let line = lines.next() {
            let content = line.trimmingTrailingSpace()
            if content.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if keyCount > 0 {
                    rest = lines.rest
                    break
                }
                continue
            }
            guard let colon = content.firstIndex(of: ":"), content.distance(from: content.startIndex, to: colon) <= 20
            else { break }
            let key = content[..<colon].trimmingSpace()
            guard !key.contains(" ") || key.lowercased() == "published at",
                metadata.set(
                    key: key.replacingOccurrences(of: " ", with: ""),
                    values: [
                        String(content[content.index(after: colon)...])
                    ])
            else { break }
            keyCount += 1
            rest = lines.rest
        }
        return keyCount > 0 ? (metadata, rest) : nil
    }
}
