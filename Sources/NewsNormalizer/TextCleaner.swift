// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The clean-up every format gets: Unicode NFC, invisible characters removed, white space
/// collapsed.
///
/// Soft hyphens and zero-width characters matter most: FTS5's unicode61 tokenizer treats them
/// as separators, so "sanc\u{AD}tions" would never match `sanctions`.
enum TextCleaner {
    /// Cleans one line or paragraph: every run of white space becomes one space.
    static func cleanInline(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if invisible.contains(scalar.value) { continue }
            if scalar.properties.isWhitespace || (scalar.value < 0x20) || scalar.value == 0x7F {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(scalar)
        }
        return String(output)
    }

    /// Splits text into paragraphs at blank lines and cleans each one.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        func flush() {
            let paragraph = cleanInline(current.joined(separator: " "))
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
            current.removeAll()
        }
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                flush()
            } else {
                current.append(line)
            }
        }
        flush()
        return paragraphs
    }

    /// Soft hyphen, zero-width space/joiners, word joiner, BOM, and the bidi marks.
    private static let invisible: Set<UInt32> = [
        0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    ]
}
