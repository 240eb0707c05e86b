// SPDX-License-Identifier: Apache-2.0

/// M. F. Porter's 1980 suffix-stripping algorithm, as FTS5's `porter` tokenizer applies it to the
/// folded tokens of `unicode61`: so that Swift can tell, without asking SQLite, which words of a
/// text the index stemmed to the same term as a query word (snippets mark `sanctions` for
/// `sanction`).
///
/// Like FTS5, it stems tokens of 3 to 64 bytes and leaves others as they are; bytes other than
/// the ASCII vowels count as consonants. `PorterStemmerTests` checks it against SQLite's own
/// tokenizer over every word of the BBC corpus.
///
/// Works on the token's UTF-8 bytes in a fixed buffer: stems are computed for every word of the
/// bodies on a results page, so this must cost little more than a copy.
enum PorterStemmer {
    static func stem(_ token: some StringProtocol) -> String {
        var bytes = Array(token.utf8)
        guard (3...64).contains(bytes.count) else { return String(token) }
        stem(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Stems lower-case `word` in place.
    static func stem(_ word: inout [UInt8]) {
        guard (3...64).contains(word.count) else { return }
        var stemmer = Word(bytes: word)
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.step2()
        stemmer.step3()
        stemmer.step4()
        stemmer.step5()
        word = stemmer.bytes
    }

    /// The word being stemmed, and the measures the rules are conditioned on.
    private struct Word {
        var bytes: [UInt8]

        private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
        private static let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), y = UInt8(ascii: "y")
        private static let l = UInt8(ascii: "l"), s = UInt8(ascii: "s"), z = UInt8(ascii: "z")
        private static let w = UInt8(ascii: "w"), x = UInt8(ascii: "x")

        /// Whether the byte at `index` is a consonant: not a vowel, and `y` only after a vowel
        /// or at the start.
        private func isConsonant(_ index: Int) -> Bool {
            switch bytes[index] {
            case Self.a, Self.e, Self.i, Self.o, Self.u: return false
            case Self.y: return index == 0 ? true : !isConsonant(index - 1)
            default: return true
            }
        }

        /// Porter's m: the number of vowel-consonant sequences in the first `length` bytes.
        private func measure(_ length: Int) -> Int {
            var index = 0
            while index < length, isConsonant(index) { index += 1 }
            var count = 0
            while index < length {
                while index < length, !isConsonant(index) { index += 1 }
                guard index < length else { break }
                while index < length, isConsonant(index) { index += 1 }
                count += 1
            }
            return count
        }

        private func hasVowel(_ length: Int) -> Bool {
            (0..<length).contains { !isConsonant($0) }
        }

        /// Whether the first `length` bytes end in a double consonant.
        private func endsWithDoubleConsonant(_ length: Int) -> Bool {
            length >= 2 && bytes[length - 1] == bytes[length - 2] && isConsonant(length - 1)
        }

        /// Porter's *o: the first `length` bytes end consonant-vowel-consonant, the last not w, x or y.
        private func endsConsonantVowelConsonant(_ length: Int) -> Bool {
            guard length >= 3, isConsonant(length - 1), !isConsonant(length - 2), isConsonant(length - 3) else {
                return false
            }
            let last = bytes[length - 1]
            return last != Self.w && last != Self.x && last != Self.y
        }

        private func endsWith(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            let start = bytes.count - count
            return suffix.withUTF8Buffer { suffix in
                var index = 0
                while index < count {
                    if bytes[start + index] != suffix[index] { return false }
                    index += 1
                }
                return true
            }
        }

        private mutating func replaceSuffix(_ count: Int, with replacement: StaticString) {
            bytes.removeLast(count)
            replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// Applies the first rule whose suffix the word ends with, if the stem before it has a
        /// measure above `minimumMeasure`; a rule's suffix that matches stops the search even
        /// when its condition fails, as in Porter's definition (the longest suffix decides).
        private mutating func applyFirstMatch(
            _ rules: [(suffix: StaticString, replacement: StaticString)], measureAbove minimumMeasure: Int
        ) {
            for rule in rules where endsWith(rule.suffix) {
                let stemLength = bytes.count - rule.suffix.utf8CodeUnitCount
                if measure(stemLength) > minimumMeasure {
                    replaceSuffix(rule.suffix.utf8CodeUnitCount, with: rule.replacement)
                }
                return
            }
        }

        mutating func step1a() {
            if endsWith("sses") {
                bytes.removeLast(2)
            } else if endsWith("ies") {
                bytes.removeLast(2)
            } else if endsWith("ss") {
                return
            } else if endsWith("s") {
                bytes.removeLast()
            }
        }

        mutating func step1b() {
            if endsWith("eed") {
                if measure(bytes.count - 3) > 0 { bytes.removeLast() }
                return
            }
            let suffixLength: Int
            if endsWith("ed") {
                suffixLength = 2
            } else if endsWith("ing") {
                suffixLength = 3
            } else {
                return
            }
            guard hasVowel(bytes.count - suffixLength) else { return }
            bytes.removeLast(suffixLength)
            if endsWith("at") || endsWith("bl") || endsWith("iz") {
                bytes.append(Self.e)
            } else if endsWithDoubleConsonant(bytes.count) {
                let last = bytes[bytes.count - 1]
                if last != Self.l && last != Self.s && last != Self.z { bytes.removeLast() }
            } else if measure(bytes.count) == 1, endsConsonantVowelConsonant(bytes.count) {
                bytes.append(Self.e)
            }
        }

        mutating func step1c() {
            if endsWith("y"), hasVowel(bytes.count - 1) { bytes[bytes.count - 1] = Self.i }
        }

        private static let step2Rules: [(suffix: StaticString, replacement: StaticString)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ("logi", "log"),
        ]

        mutating func step2() { applyFirstMatch(Self.step2Rules, measureAbove: 0) }

        private static let step3Rules: [(suffix: StaticString, replacement: StaticString)] = [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
            ("ness", ""),
        ]

        mutating func step3() { applyFirstMatch(Self.step3Rules, measureAbove: 0) }

        private static let step4Suffixes: [StaticString] = [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize",
        ]

        mutating func step4() {
            for suffix in Self.step4Suffixes where endsWith(suffix) {
                let stemLength = bytes.count - suffix.utf8CodeUnitCount
                if suffix.utf8CodeUnitCount == 3, endsWith("ion") {
                    guard stemLength > 0, bytes[stemLength - 1] == Self.s || bytes[stemLength - 1] == UInt8(ascii: "t")
                    else { return }
                }
                if measure(stemLength) > 1 { bytes.removeLast(suffix.utf8CodeUnitCount) }
                return
            }
        }

        mutating func step5() {
            if endsWith("e") {
                let stemLength = bytes.count - 1
                let measure = measure(stemLength)
                if measure > 1 || (measure == 1 && !endsConsonantVowelConsonant(stemLength)) { bytes.removeLast() }
            }
            if endsWith("ll"), measure(bytes.count) > 1 { bytes.removeLast() }
        }
    }
}
