// SPDX-License-Identifier: Apache-2.0
import NewsAPI

/// Picks a body's best passage for a search result and marks the query's words in it.
///
/// FTS5's `snippet()` did this before, and was the dearest part of a page: it re-reads the body
/// through the external-content table and tokenizes all of it through the query's doclists.
/// The body is one indexed lookup away, and scanning it in Swift with the same word rules and
/// the same stemmer costs a fraction of that.
///
/// The passage is the window of `windowWords` words holding the most distinct query terms, then
/// the most matches, the earliest on a tie; it starts a few words before its first match, so
/// the match reads in context, and ends before `maximumCharacters`.
struct PassagePicker {
    var windowWords = 30
    var leadWords = 4
    var maximumCharacters = 220

    private struct Match {
        var firstWord: Int
        var lastWord: Int
        var pattern: Int
    }

    /// The marked passage, or `nil` when no query word occurs in `body`.
    func passage(of body: String, patterns: [HighlightPattern]) -> String? {
        guard !patterns.isEmpty else { return nil }
        var body = body
        // Native strings are contiguous UTF-8: no copy.
        return body.withUTF8 { bytes in
            var words: [WordScanner.Word] = []
            let partMatches = Self.partMatches(in: bytes, patterns: patterns, words: &words)
            let matches = Self.matches(of: patterns, partMatches: partMatches)
            guard !matches.isEmpty else { return nil }
            let (first, end) = window(around: matches, words: words, bytes: bytes)
            return render(bytes, words: words, first: first, end: end, matches: matches)
        }
    }

    /// For each word of the body, which pattern parts it matches, as bits of the flattened
    /// list of parts (parts past the 64th are not looked for).
    private static func partMatches(
        in bytes: UnsafeBufferPointer<UInt8>, patterns: [HighlightPattern], words: inout [WordScanner.Word]
    ) -> [UInt64] {
        let parts = patterns.flatMap(\.parts).prefix(64)
        let wordPrefixes = parts.map(\.wordPrefix)
        var firstBytes = [Bool](repeating: false, count: 256)
        for prefix in wordPrefixes { if let byte = prefix.first { firstBytes[Int(byte)] = true } }
        var bits: [UInt64] = []
        // About one word per six bytes of English text.
        bits.reserveCapacity(bytes.count / 6)
        words.reserveCapacity(bytes.count / 6)
        var stem: [UInt8] = []
        WordScanner.scan(bytes, folding: { firstBytes[Int($0)] }) { word, folded in
            words.append(word)
            var wordBits: UInt64 = 0
            // Only a word that begins as a part's stem does can stem to it (`Part.wordPrefix`).
            if let first = folded.first, firstBytes[Int(first)],
                wordPrefixes.contains(where: { folded.starts(with: $0) })
            {
                stem.removeAll(keepingCapacity: true)
                stem.append(contentsOf: folded)
                PorterStemmer.stem(&stem)
                for (index, part) in parts.enumerated() where part.matches(folded: folded, stem: stem) {
                    wordBits |= 1 << UInt64(index)
                }
            }
            bits.append(wordBits)
        }
        return bits
    }

    /// Where each pattern occurs: all its parts on consecutive words.
    private static func matches(of patterns: [HighlightPattern], partMatches: [UInt64]) -> [Match] {
        var matches: [Match] = []
        for wordIndex in partMatches.indices where partMatches[wordIndex] != 0 {
            var firstPart = 0
            for (patternIndex, pattern) in patterns.enumerated() {
                defer { firstPart += pattern.parts.count }
                guard firstPart + pattern.parts.count <= 64,
                    wordIndex + pattern.parts.count <= partMatches.count
                else { continue }
                let found = pattern.parts.indices.allSatisfy { offset in
                    partMatches[wordIndex + offset] & (1 << UInt64(firstPart + offset)) != 0
                }
                if found {
                    matches.append(
                        Match(
                            firstWord: wordIndex, lastWord: wordIndex + pattern.parts.count - 1, pattern: patternIndex))
                }
            }
        }
        return matches
    }

    /// The best window's first word and the word after its last.
    private func window(
        around matches: [Match], words: [WordScanner.Word], bytes: UnsafeBufferPointer<UInt8>
    ) -> (Int, Int) {
        let wordCount = words.count
        var best = (first: 0, score: -1)
        for anchor in matches {
            var first = max(0, anchor.firstWord - leadWords)
            first = min(first, max(0, wordCount - windowWords))
            let end = first + windowWords
            var distinct = Set<Int>()
            var count = 0
            for match in matches where match.firstWord >= first && match.lastWord < end {
                distinct.insert(match.pattern)
                count += 1
            }
            let score = distinct.count * 1000 + count
            if score > best.score { best = (first, score) }
        }
        var end = min(wordCount, best.first + windowWords)
        // Shorten from the end until the passage fits.
        while end > best.first + 1 {
            let from = best.first == 0 ? 0 : words[best.first].start
            let to = end == wordCount ? bytes.count : words[end - 1].end
            if Self.characterCount(bytes, from: from, to: to) <= maximumCharacters { break }
            end -= 1
        }
        return (best.first, end)
    }

    /// Unicode scalars in a byte range: the count of bytes that do not continue a scalar.
    private static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        for index in from..<to where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private func render(
        _ bytes: UnsafeBufferPointer<UInt8>, words: [WordScanner.Word], first: Int, end: Int, matches: [Match]
    ) -> String {
        var from = first == 0 ? 0 : words[first].start
        while from < words[first].start, bytes[from] == 0x20 || (0x09...0x0D).contains(bytes[from]) { from += 1 }
        let to = end == words.count ? bytes.count : words[end - 1].end
        var marks: [(start: Int, end: Int)] = []
        for match in matches where match.firstWord >= first && match.lastWord < end {
            let span = (start: words[match.firstWord].start, end: words[match.lastWord].end)
            // Overlapping matches (a word and a phrase holding it) are marked once.
            if let last = marks.last, span.start < last.end {
                marks[marks.count - 1].end = max(last.end, span.end)
            } else {
                marks.append(span)
            }
        }
        var text = first == 0 ? "" : "…"
        var position = from
        for mark in marks {
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<mark.start]), as: UTF8.self)
            text += SearchHit.markOpen
            text += String(decoding: UnsafeBufferPointer(rebasing: bytes[mark.start..<mark.end]), as: UTF8.self)
            text += SearchHit.markClose
            position = mark.end
        }
        text += String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<to]), as: UTF8.self)
        while text.last?.isWhitespace == true { text.removeLast() }
        if end < words.count { text += "…" }
        return text
    }
}
