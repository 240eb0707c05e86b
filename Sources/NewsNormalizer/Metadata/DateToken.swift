// SPDX-License-Identifier: Apache-2.0

/// One token of a date written with words: `Tue, 25 Mar 2025 14:03:00 +0000` becomes
/// word, number, word, number, number, `:`, number, `:`, number, `+`, number.
///
/// Commas and white space only separate tokens; ordinal suffixes (`25th`) are dropped.
enum DateToken: Equatable {
    case number(value: Int, digits: Int)
    case word(String)
    case symbol(UInt8)

    static func tokenize(_ bytes: [UInt8]) -> [DateToken] {
        var tokens: [DateToken] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                var value = 0
                var digits = 0
                while index < bytes.count, isDigit(bytes[index]) {
                    value = digits < 9 ? value * 10 + Int(bytes[index] - 0x30) : value
                    digits += 1
                    index += 1
                }
                tokens.append(.number(value: value, digits: digits))
                let suffixStart = index
                while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                let suffix = String(decoding: bytes[suffixStart..<index], as: UTF8.self).lowercased()
                if !suffix.isEmpty && !["st", "nd", "rd", "th"].contains(suffix) {
                    tokens.append(.word(suffix))
                }
            } else if isLetter(byte) {
                let start = index
                while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                tokens.append(.word(String(decoding: bytes[start..<index], as: UTF8.self).lowercased()))
            } else if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ",") {
                index += 1
            } else {
                tokens.append(.symbol(byte))
                index += 1
            }
        }
        return tokens
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
