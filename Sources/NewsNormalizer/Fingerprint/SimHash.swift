// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A 64-bit SimHash (Charikar 2002) of a text over its content words, for finding near-duplicate
/// articles: a lightly edited re-delivery of a story lands a few bits away from the original,
/// while unrelated stories differ in about half of the 64 bits.
///
/// Features are single words, counted as often as they occur, without `StopWords`; they are
/// lower-cased and have their diacritics folded, so that re-encodings and changed typography
/// ("naïve"/"naive", curly/straight quotes, re-wrapped lines) do not move the hash. On the BBC
/// corpus this beat 2-, 3- and 4-word shingles: shingles turn one edited word into several changed
/// features, which flipped 4–10 bits on re-deliveries that differ by a sentence, while single
/// content words kept every such pair within 3 bits and no unrelated pair came closer than 7.
/// Stop words have to go: with them, the commonest words outvote the rest and unrelated stories
/// of similar length fall within 3 bits.
///
/// Each word is hashed with FNV-1a and then mixed with MurmurHash3's 64-bit finaliser: FNV-1a
/// alone leaves the high bits of short inputs poorly mixed, and SimHash needs every bit to be a
/// fair coin.
public enum SimHash {
    /// The SimHash of `text`; 0 for a text without words.
    public static func hash(_ text: String) -> UInt64 {
        var (content, all) = wordHashes(text)
        if content.isEmpty { content = all }
        guard !content.isEmpty else { return 0 }
        var counts = [Int32](repeating: 0, count: 64)
        // Through a buffer pointer: without bounds checks the compiler vectorises the inner loop,
        // which ran for every word of every body of a burst.
        counts.withUnsafeMutableBufferPointer { counts in
            for word in content {
                let value = mix(word)
                for bit in 0..<64 {
                    counts[bit] &+= Int32(truncatingIfNeeded: (value >> UInt64(bit)) & 1) &* 2 &- 1
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// The number of bits in which two SimHashes differ.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// FNV-1a of each folded word, in order: the words that are not stop words, and all of them.
    static func wordHashes(_ text: String) -> (content: [UInt64], all: [UInt64]) {
        var hashes: [UInt64] = []
        var content: [UInt64] = []
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 && !isASCIIWordByte(byte) {
                    index += 1
                    continue
                }
                // A word: ASCII letters and digits, or any non-ASCII scalar that is a letter or digit.
                let start = index
                var isASCII = true
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        guard isASCIIWordByte(byte) else { break }
                        index += 1
                    } else {
                        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                        let end = min(index + length, bytes.count)
                        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                            .unicodeScalars.first
                        guard let scalar,
                            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                                || scalar.properties.generalCategory == .nonspacingMark
                        else { break }
                        isASCII = false
                        index = end
                    }
                }
                guard index > start else {
                    index += 1
                    continue
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let hash: UInt64
                let isStopWord: Bool
                if isASCII {
                    hash = fnv1a(word)
                    let lower = word.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                    isStopWord = StopWords.key(lower).map(StopWords.contains) ?? false
                } else {
                    let text = String(decoding: word, as: UTF8.self)
                    hash = fnv1a(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
                    isStopWord = StopWords.key(text.lowercased().utf8).map(StopWords.contains) ?? false
                }
                hashes.append(hash)
                if !isStopWord { content.append(hash) }
            }
        }
        return (content, hashes)
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// FNV-1a 64 with ASCII folded to lower case.
    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// MurmurHash3's fmix64: every input bit flips each output bit with probability near one half.
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value &*= 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }
}
