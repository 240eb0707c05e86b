// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Guesses a file's format from its first bytes, then from its name.
///
/// Content wins over the extension because scrapers and "save as" dialogs routinely write
/// HTML into `.txt` files and JSON into files with no extension at all.
///
/// Works on the raw bytes of the first KiB: every format it looks for opens with ASCII, and
/// decoding, trimming and lower-casing the head through Foundation cost as much as reading a
/// whole clean text file.
enum FormatDetector {
    static func detect(_ bytes: Data, fileName: String) -> ArticleFormat {
        let head = bytes.prefix(1024).withUnsafeBytes { Head(Array($0)) }
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return .html }
        // XHTML pages open with an XML declaration too; feeds never contain <html.
        if head.hasPrefix("<?xml"), head.contains("<html") || head.contains("<!doctype html") { return .html }
        if head.hasPrefix("<?xml") || head.hasPrefix("<rss") || head.hasPrefix("<feed") {
            return .feed
        }
        if head.opensJSON { return .json }
        if MailHeaderSniffer.looksLikeMessage(head.bytes) { return .email }
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

    /// The first bytes of a file without leading white space or byte-order mark; comparisons fold ASCII case.
    struct Head {
        let bytes: ArraySlice<UInt8>

        init(_ raw: [UInt8]) {
            var start = 0
            if raw.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            while start < raw.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(raw[start]) { start += 1 }
            bytes = raw[start...]
        }

        /// Whether the head opens a JSON object or array: `{` then a key or `}`, or `[` then a value or `]`.
        /// A bracket alone is not enough: saved pages open with titles such as "[Review] The Palace…".
        var opensJSON: Bool {
            guard let first = bytes.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
                return false
            }
            let rest = bytes.dropFirst().drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
            guard let next = rest.first else { return true }
            if first == UInt8(ascii: "{") { return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}") }
            if Array("{[\"]-0123456789".utf8).contains(next) { return true }
            let word = rest.prefix { $0 >= 0x61 && $0 <= 0x7A }
            return ["true", "false", "null"].contains { word.elementsEqual($0.utf8) }
        }

        /// Whether the head starts with `prefix`, which must be lower case.
        func hasPrefix(_ prefix: StaticString) -> Bool {
            prefix.withUTF8Buffer { Self.matches(bytes, at: bytes.startIndex, $0) }
        }

        /// Whether the head contains `needle`, which must be lower case.
        func contains(_ needle: StaticString) -> Bool {
            needle.withUTF8Buffer { needle in
                guard needle.count <= bytes.count else { return false }
                return (bytes.startIndex...(bytes.endIndex - needle.count)).contains {
                    Self.matches(bytes, at: $0, needle)
                }
            }
        }

        private static func matches(_ bytes: ArraySlice<UInt8>, at start: Int, _ lower: UnsafeBufferPointer<UInt8>)
            -> Bool
        {
            guard bytes.endIndex - start >= lower.count else { return false }
            for offset in 0..<lower.count {
                let byte = bytes[start + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != lower[offset] { return false }
            }
            return true
        }
    }
}
