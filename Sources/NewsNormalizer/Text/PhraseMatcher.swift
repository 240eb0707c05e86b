// SPDX-License-Identifier: Apache-2.0

/// Finds which of a fixed list of lower-case phrases occurs in a line, in one pass over its bytes.
///
/// Phrases are bucketed by their first two bytes, so each position of the line costs one table
/// look-up; Foundation's `contains` (CFStringFind) was most of the reader's time on clean text.
struct PhraseMatcher: Sendable {
    private let phrases: [[UInt8]]
    /// Indexes into `phrases`, by the phrase's first two bytes.
    private let bucketLists: [[Int]]
    /// For each two-byte prefix, 1 + its index in `bucketLists`, or 0 when no phrase starts so.
    /// A flat table rather than a dictionary: common pairs such as "th" pass the bit test on
    /// nearly every line, and hashing the key each time cost more than the comparisons.
    private let bucketOfPrefix: [UInt16]
    /// One bit per two-byte prefix that starts some phrase: almost every position of a line is
    /// rejected by this bit test, before any table look-up.
    private let prefixBits: [UInt64]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var buckets: [UInt16: [Int]] = [:]
        for (index, phrase) in self.phrases.enumerated() where phrase.count >= 2 {
            buckets[UInt16(phrase[0]) << 8 | UInt16(phrase[1]), default: []].append(index)
        }
        var bucketLists: [[Int]] = []
        var bucketOfPrefix = [UInt16](repeating: 0, count: 1 << 16)
        for (key, indexes) in buckets {
            bucketLists.append(indexes)
            bucketOfPrefix[Int(key)] = UInt16(bucketLists.count)
        }
        self.bucketLists = bucketLists
        self.bucketOfPrefix = bucketOfPrefix
        var bits = [UInt64](repeating: 0, count: 1024)
        for key in buckets.keys { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        self.prefixBits = bits
    }

    /// Whether any phrase occurs in `line`, folding ASCII case only: for long lines, where copying
    /// and lower-casing the whole line would cost more than everything else done with it.
    func matchesFoldingASCII(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { buffer in
            guard buffer.count >= 2 else { return false }
            return prefixBits.withUnsafeBufferPointer { bits in
                // The two-byte key rolls along the line, so each byte is folded once.
                var previous = Self.fold(buffer[0])
                for start in 0..<(buffer.count - 1) {
                    let next = Self.fold(buffer[start + 1])
                    let key = UInt16(previous) << 8 | UInt16(next)
                    previous = next
                    guard bits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let candidates = candidates(key) else {
                        continue
                    }
                    for index in candidates {
                        let phrase = phrases[index]
                        guard start + phrase.count <= buffer.count else { continue }
                        if (2..<phrase.count).allSatisfy({ Self.fold(buffer[start + $0]) == phrase[$0] }) {
                            return true
                        }
                    }
                }
                return false
            }
        }
    }

    @inline(__always)
    private func candidates(_ key: UInt16) -> [Int]? {
        let bucket = bucketOfPrefix[Int(key)]
        return bucket == 0 ? nil : bucketLists[Int(bucket) - 1]
    }

    @inline(__always)
    private static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Whether any phrase occurs in `bytes` (which must already be lower case).
    func matches(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        let hasCandidate = prefixBits.withUnsafeBufferPointer { bits in
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0..<(buffer.count - 1) {
                    let key = UInt16(buffer[start]) << 8 | UInt16(buffer[start + 1])
                    if bits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0 { return true }
                }
                return false
            }
        }
        // Nearly every line stops here: no two-byte prefix of any phrase occurs in it.
        guard hasCandidate else { return false }
        for start in 0..<(bytes.count - 1) {
            let key = UInt16(bytes[start]) << 8 | UInt16(bytes[start + 1])
            guard prefixBits[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let candidates = candidates(key) else {
                continue
            }
            for index in candidates {
                let phrase = phrases[index]
                guard start + phrase.count <= bytes.count else { continue }
                var equal = true
                for offset in 2..<phrase.count where bytes[start + offset] != phrase[offset] {
                    equal = false
                    break
                }
                // Whole words only: "subscribe" must not fire on "AOL subscribers".
                if equal && isBoundary(bytes, before: start, phraseFirst: phrase[0])
                    && isBoundary(bytes, after: start + phrase.count, phraseLast: phrase[phrase.count - 1])
                {
                    return true
                }
            }
        }
        return false
    }

    private func isBoundary(_ bytes: [UInt8], before index: Int, phraseFirst: UInt8) -> Bool {
        index == 0 || !isLetter(phraseFirst) || !isLetter(bytes[index - 1])
    }

    private func isBoundary(_ bytes: [UInt8], after index: Int, phraseLast: UInt8) -> Bool {
        index == bytes.count || !isLetter(phraseLast) || !isLetter(bytes[index])
    }

    private func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 }

    /// The line's bytes in lower case: ASCII by arithmetic, other scalars by their Unicode lower-case
    /// mapping, as `String.lowercased()` does, but only for the scalars that change: building a
    /// `String` per scalar made `lowercased()` cost over 100,000 instructions on a short line.
    static func lowercasedBytes(_ line: Substring) -> [UInt8] {
        var bytes = Array(line.utf8)
        var isASCII = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte | 0x20 }
        }
        guard !isASCII else { return bytes }
        bytes.removeAll(keepingCapacity: true)
        for scalar in line.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if scalar.properties.changesWhenLowercased {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return bytes
    }
}
