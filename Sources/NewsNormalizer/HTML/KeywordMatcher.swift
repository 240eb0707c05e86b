// SPDX-License-Identifier: Apache-2.0

/// Finds whether any of a fixed set of ASCII keywords occurs in a string, as a substring.
///
/// Every element's `class`/`id` is checked against dozens of words; doing that with
/// `String.contains` goes through Foundation's locale-aware search and took a third of the
/// extraction time. Here the keywords are bucketed by first byte and compared as UTF-8.
struct KeywordMatcher: Sendable {
    private var buckets: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ keywords: [String]) {
        for keyword in keywords where !keyword.isEmpty {
            let bytes = Array(keyword.utf8)
            buckets[Int(bytes[0])].append(bytes)
        }
    }

    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for start in bytes.indices {
                for keyword in buckets[Int(bytes[start])] where start + keyword.count <= bytes.count {
                    var offset = 1
                    while offset < keyword.count, bytes[start + offset] == keyword[offset] { offset += 1 }
                    if offset == keyword.count { return true }
                }
            }
            return false
        }
    }
}
