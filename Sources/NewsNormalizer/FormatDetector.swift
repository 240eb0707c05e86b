// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Guesses a file's format from its first bytes, then from its name.
///
/// Content wins over the extension because scrapers and "save as" dialogs routinely write
/// HTML into `.txt` files and JSON into files with no extension at all.
enum FormatDetector {
    static func detect(_ bytes: Data, fileName: String) -> ArticleFormat {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            .lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
        // XHTML pages open with an XML declaration too; feeds never contain <html.
        if head.hasPrefix("<?xml"), head.contains("<html") || head.contains("<!doctype html") { return .html }
        if head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") {
            return .feed
        }
        if head.hasPrefix("{") || head.hasPrefix("[") { return .json }
        let lowerName = fileName.lowercased()
        for (suffix, format) in extensionFormats where lowerName.hasSuffix(suffix) {
            return format
        }
        if head.hasPrefix("---\n") || head.hasPrefix("---\r\n") { return .markdown }
        return .text
    }

    private static let extensionFormats: [(String, ArticleFormat)] = [
        (".md", .markdown), (".markdown", .markdown),
        (".html", .html), (".htm", .html), (".html.gz", .html),
        (".json", .json), (".jsonl", .json), (".ndjson", .json),
        (".rss", .feed), (".atom", .feed), (".xml", .feed),
        (".eml", .email),
    ]
}
