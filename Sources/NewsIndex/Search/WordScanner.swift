// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Splits text into words the way FTS5's `unicode61 remove_diacritics 2` tokenizer does, closely
/// enough to find in Swift the words the index matched: runs of letters, digits and private-use
/// characters, case-folded and without diacritics.
///
/// ASCII, nearly all of a news body, is handled byte by byte; a word with other characters is
/// folded by Foundation, which is slower but rare.
struct WordScanner {
    /// One word: where it lies in the text's UTF-8, and its folded form.
    struct Word {
        var start: Int
        var end: Int
    }

    /// Calls `body` with each word's byte range and folded UTF-8 bytes (valid only during the call).
    ///
    /// A word that begins with an ASCII letter or digit `wanted` refuses (given folded) is
    /// passed with no folded bytes: most of a body's words interest no query term, and copying
    /// them was most of the scan's time.
    @inline(__always)
    static func scan(
        _ utf8: UnsafeBufferPointer<UInt8>, folding wanted: (UInt8) -> Bool = { _ in true },
        _ body: (Word, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var folded: [UInt8] = []
        folded.reserveCapacity(64)
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte < 0x80 {
                guard isASCIIWordByte(byte) else {
                    index += 1
                    continue
                }
            } else if !isWordScalar(at: index, in: utf8) {
                index += scalarLength(byte)
                continue
            }
            let start = index
            let folds = byte >= 0x80 || wanted(lowercased(byte))
            var isASCII = true
            folded.removeAll(keepingCapacity: true)
            while index < count {
                let byte = utf8[index]
                if byte < 0x80 {
                    guard isASCIIWordByte(byte) else { break }
                    if folds { folded.append(lowercased(byte)) }
                    index += 1
                } else {
                    guard isWordScalar(at: index, in: utf8) else { break }
                    isASCII = false
                    index += scalarLength(byte)
                }
            }
            let word = Word(start: start, end: index)
            if !folds {
                body(word, UnsafeBufferPointer(start: nil, count: 0))
            } else if isASCII {
                folded.withUnsafeBufferPointer { body(word, $0) }
            } else {
                var text = Array(fold(UnsafeBufferPointer(rebasing: utf8[start..<index])).utf8)
                text.withUnsafeBufferPointer { body(word, $0) }
                text.removeAll()
            }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
    }

    /// The folded UTF-8 of each word of `text`, for the query's side.
    static func words(of text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            scan(buffer) { _, folded in words.append(Array(folded)) }
        }
        bytes.removeAll()
        return words
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func scalarLength(_ leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Whether the scalar starting at `index` is a letter, a digit, a private-use character, or
    /// a combining mark (which `remove_diacritics` drops inside a word rather than splitting it).
    private static func isWordScalar(at index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = scalarLength(utf8[index])
        guard index + length <= utf8.count else { return false }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(rebasing: utf8[index..<(index + length)]).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .privateUse, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    private static func fold(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: utf8, as: UTF8.self).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
