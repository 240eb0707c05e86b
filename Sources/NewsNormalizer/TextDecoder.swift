// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Turns bytes into a `String`: by byte-order mark, then strict UTF-8, else Windows-1252.
///
/// Windows-1252 is the last resort because every byte sequence is valid in it, and it is what
/// old pages labelled "ISO-8859-1" almost always really are (the WHATWG Encoding standard
/// maps the Latin-1 label to it for the same reason).
enum TextDecoder {
    static func decode(_ bytes: Data) throws(NormalizationError) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes.first == 0xFE
            return decodeUTF16(bytes.dropFirst(2), bigEndian: bigEndian)
        }
        if looksBinary(bytes) {
            throw NormalizationError(.binary, "the file holds binary data, not text")
        }
        if let text = String(validatingUTF8Bytes: bytes) { return text }
        return decodeWindows1252(bytes)
    }

    /// The text of UTF-16 bytes, told by their byte-order mark or, for XML without one, by `<` as the first code
    /// unit; `nil` when the bytes are not UTF-16.
    static func utf16(_ bytes: Data) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes.dropFirst(2), bigEndian: bytes.first == 0xFE)
        }
        if bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C]) {
            return decodeUTF16(bytes, bigEndian: bytes.first == 0x00)
        }
        return nil
    }

    /// A NUL byte in the first 8 KiB marks a binary file; text formats never contain one.
    private static func looksBinary(_ bytes: Data) -> Bool {
        bytes.prefix(8192).withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
    }

    private static func decodeUTF16(_ bytes: Data, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var iterator = bytes.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first))
        }
        return String(decoding: units, as: UTF16.self)
    }

    static func decodeWindows1252(_ bytes: Data) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = windows1252High[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252's 0x80–0x9F block; `nil` where the code page leaves a hole.
    private static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}

extension String {
    /// Strict UTF-8: `nil` when any byte sequence is invalid, unlike `String(decoding:as:)`,
    /// which silently substitutes U+FFFD.
    init?(validatingUTF8Bytes bytes: Data) {
        // The standard library's validating initialiser checks whole blocks at a time; decoding
        // scalar by scalar and appending each was the slowest step of reading a text file.
        let text = bytes.withUnsafeBytes { raw in String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) }
        guard let text else { return nil }
        self = text
    }
}
