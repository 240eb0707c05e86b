// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Decides how libxml2 should decode a page.
///
/// UTF-8 and the Latin-1 family are handled here: pages that say "ISO-8859-1" but are UTF-8,
/// or say UTF-8 but carry a few stray bytes, are common, and libxml2 stops decoding at the
/// first bad byte. Everything else declared (Shift_JIS, GBK, KOI8-R, …) is handed to libxml2,
/// whose iconv knows far more charsets than we should maintain.
struct HTMLCharset: Sendable {
    /// The bytes to parse.
    var bytes: [UInt8]
    /// The charset name to give libxml2.
    var encoding: String
    /// Whether `bytes` were transcoded to UTF-8 here, so a `<meta charset>` inside must be ignored.
    var isTranscoded: Bool

    init(_ data: Data) {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xEF, 0xBB, 0xBF]) {
            // TextDecoder understands byte-order marks; it only throws for binary, which a BOM rules out.
            let text = (try? TextDecoder.decode(data)) ?? String(decoding: data, as: UTF8.self)
            self.init(utf8: text)
            return
        }
        let declared = Self.declaredCharset(in: data.prefix(4096))
        if let declared, !Self.handledHere.contains(declared) {
            self.init(bytes: [UInt8](data), encoding: declared, isTranscoded: false)
            return
        }
        if let text = String(validating: data, as: UTF8.self) {
            self.init(utf8: text)
        } else if declared == nil || declared == "utf-8" || declared == "utf8", Self.isMostlyUTF8(data) {
            // A UTF-8 page with a few damaged bytes (a cut-off download, one pasted Latin-1 quote).
            self.init(utf8: String(decoding: data, as: UTF8.self))
        } else {
            self.init(utf8: TextDecoder.decodeWindows1252(data))
        }
    }

    private init(utf8 text: String) {
        self.init(bytes: Array(text.utf8), encoding: "UTF-8", isTranscoded: true)
    }

    private init(bytes: [UInt8], encoding: String, isTranscoded: Bool) {
        self.bytes = bytes
        self.encoding = encoding
        self.isTranscoded = isTranscoded
    }

    /// Whether valid multi-byte UTF-8 sequences outnumber the invalid bytes. Latin-1 text fails
    /// at its first accent and has no valid sequences; damaged UTF-8 has many and few failures.
    private static func isMostlyUTF8(_ data: Data) -> Bool {
        var valid = 0
        var invalid = 0
        var decoder = UTF8()
        var iterator = data.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value > 0x7F { valid += 1 }
            case .error: invalid += 1
            case .emptyInput: break loop
            }
        }
        return valid > invalid
    }

    /// Charsets decoded in Swift; the Latin-1 labels mean Windows-1252 on the web (WHATWG Encoding).
    private static let handledHere: Set<String> = [
        "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1",
        "windows-1252", "cp1252", "l1",
    ]

    /// The charset named by `<meta charset>` or `http-equiv` in the first bytes, lower-cased.
    static func declaredCharset(in head: Data) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = 0
        while index + needle.count < lower.count {
            guard lower[index..<index + needle.count].elementsEqual(needle) else {
                index += 1
                continue
            }
            var cursor = index + needle.count
            while cursor < lower.count, lower[cursor] == 0x20 { cursor += 1 }
            guard cursor < lower.count, lower[cursor] == UInt8(ascii: "=") else {
                index = cursor
                continue
            }
            cursor += 1
            while cursor < lower.count, [0x20, 0x22, 0x27].contains(lower[cursor]) { cursor += 1 }
            var name: [UInt8] = []
            while cursor < lower.count, name.count < 40 {
                let byte = lower[cursor]
                let isNameByte =
                    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                    || byte == 0x2E || byte == 0x3A
                guard isNameByte else { break }
                name.append(byte)
                cursor += 1
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }
}
