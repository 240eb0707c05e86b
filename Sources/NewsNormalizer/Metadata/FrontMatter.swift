// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads YAML front matter (`---` lines around `key: value` pairs) as Jekyll, Hugo and most
/// Markdown exporters write it.
///
/// Only the flat subset is read: scalars (plain, single- or double-quoted), `[a, b]` flow lists
/// and `- item` block lists. That is all article front matter uses, and it keeps the normaliser
/// free of a YAML dependency; nested maps are skipped, never misread as values.
enum FrontMatter {
    /// The metadata and the text after the closing `---`, or `nil` when `text` has no front matter.
    static func split(_ text: Substring) -> (metadata: ArticleMetadata, rest: Substring)? {
        var lines = LineCursor(text)
        guard let opening = lines.next(), opening.trimmingTrailingSpace() == "---" else { return nil }
        var metadata = ArticleMetadata()
        var pendingKey: Substring?
        var pendingItems: [String] = []
        func flushPending() {
            if let key = pendingKey { metadata.set(key: key, values: pendingItems) }
            pendingKey = nil
            pendingItems = []
        }
        while let line = lines.next() {
            let trimmed = line.trimmingTrailingSpace()
            if trimmed == "---" || trimmed == "..." {
                flushPending()
                return (metadata, lines.rest)
            }
            let content = trimmed.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.first == "#" { continue }
            if content.hasPrefix("- ") || content == "-" {
                if pendingKey != nil { pendingItems.append(unquote(content.dropFirst(1))) }
                continue
            }
            // Indented lines other than list items belong to nested maps, which newsd does not read.
            guard content.startIndex == trimmed.startIndex, let colon = content.firstIndex(of: ":") else { continue }
            flushPending()
            let key = content[..<colon]
            let value = content[content.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            if value.isEmpty {
                pendingKey = key
            } else if value.first == "[", value.last == "]" {
                let items = value.dropFirst().dropLast().split(separator: ",").map { unquote($0) }
                metadata.set(key: key, values: items)
            } else {
                metadata.set(key: key, values: [unquote(value)])
            }
        }
        // No closing line: this was not front matter after all.
        return nil
    }

    /// Removes surrounding quotes and a trailing ` # comment` from a scalar.
    static func unquote(_ raw: Substring) -> String {
        let value = raw.trimmingSpace()
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            let inner = value.dropFirst().dropLast()
            return first == "'" ? inner.replacingOccurrences(of: "''", with: "'") : unescapeDouble(inner)
        }
        if let comment = value.range(of: " #") { return String(value[..<comment.lowerBound]) }
        return String(value)
    }

    private static func unescapeDouble(_ inner: Substring) -> String {
        var output = ""
        var escaping = false
        for character in inner {
            if escaping {
                switch character {
                case "n": output.append(" ")
                case "t": output.append(" ")
                default: output.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
