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
        var text = text
        // Most lines of most files are clean already; handing them back saves a copy and a scan.
        if text.withUTF8(isAlreadyClean(utf8:)) { return text }
        var composed = isAlreadyComposed(text) ? text : text.precomposedStringWithCanonicalMapping
        return composed.withUTF8 { cleanInline(utf8: $0) }
    }

    private static func cleanInline(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Works on UTF-8 bytes, copying whole scalars: appending scalar by scalar to a String was
        // the most expensive part of reading clean text.
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var utf8 = bytes.makeIterator()
        var scalarBytes: [UInt8] = []
        while let lead = utf8.next() {
            if lead < 0x80 {
                if lead <= 0x20 || lead == 0x7F {
                    pendingSpace = !output.isEmpty
                    continue
                }
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.append(lead)
                continue
            }
            // A valid String, so the continuation bytes are there: read the scalar whole.
            let count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            scalarBytes.removeAll(keepingCapacity: true)
            scalarBytes.append(lead)
            var value = UInt32(lead) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
            for _ in 1..<count {
                guard let next = utf8.next() else { break }
                scalarBytes.append(next)
                value = value << 6 | UInt32(next & 0x3F)
            }
            if invisible.contains(value) { continue }
            if value < 0xA0 || (Unicode.Scalar(value)?.properties.isWhitespace ?? false) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(contentsOf: scalarBytes)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether cleaning would return `bytes` unchanged: no control characters, no white space at
    /// the ends or twice in a row, and only non-ASCII scalars known to be composed, visible and not
    /// spaces (Latin-1 and Latin Extended, general punctuation such as dashes and quotes, CJK).
    /// Anything else takes the full path, so this check only has to be right when it says yes.
    private static func isAlreadyClean(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x20, last != 0x20 else { return false }
        var previous: UInt8 = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F || (byte == 0x20 && previous == 0x20) { return false }
                previous = byte
                index += 1
                continue
            }
            previous = byte
            switch byte {
            case 0xC2:  // U+0080–U+00BF: keep U+00A1 and up, except the soft hyphen.
                guard index + 1 < bytes.count, bytes[index + 1] >= 0xA1, bytes[index + 1] != 0xAD else { return false }
                index += 2
            case 0xC3...0xCB:  // U+00C0–U+02FF: letters, all composed.
                index += 2
            case 0xE2:  // U+2010–U+2027, U+2030–U+205E: dashes, quotes, ellipsis, primes.
                guard index + 2 < bytes.count else { return false }
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                let isPunctuation =
                    (second == 0x80 && ((0x90...0xA7).contains(third) || third >= 0xB0))
                    || (second == 0x81 && third <= 0x9E)
                guard isPunctuation else { return false }
                index += 3
            case 0xE4...0xE9:  // U+4000–U+9FFF: CJK ideographs.
                index += 3
            default:
                return false
            }
        }
        return true
    }

    /// Whether NFC would leave `text` unchanged, judged from its scalars alone: none below U+0300
    /// (Latin-1 is already composed) or in the punctuation and CJK blocks has a canonical
    /// decomposition or combines. Skipping Foundation's normaliser for such text (nearly all of
    /// it) made cleaning several times faster.
    private static func isAlreadyComposed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isAlreadyComposed(utf8: $0) }
    }

    private static func isAlreadyComposed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var utf8 = bytes.makeIterator()
        while let lead = utf8.next() {
            if lead < 0xCC { continue }  // ASCII, continuation bytes, and scalars below U+0300
            if lead >= 0xE4 && lead <= 0xE9 {  // U+4000–U+9FFF: CJK, no decompositions
                continue
            }
            guard lead == 0xE2, let second = utf8.next(), let third = utf8.next() else { return false }
            // U+2010–U+206F: dashes, quotes, ellipsis (U+2000–U+200F has singleton decompositions).
            if (second == 0x80 && third >= 0x90) || second == 0x81 { continue }
            return false
        }
        return true
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
