// SPDX-License-Identifier: Apache-2.0

/// The measurements the boilerplate classifier needs from one line, taken in a single pass.
///
/// Length is weighted so that scripts without spaces compare fairly: one CJK character carries
/// about as much text as three Latin letters, and counts as half a word.
struct LineFeatures: Sendable, Hashable {
    /// Weighted length in characters (CJK characters count three).
    var length = 0
    /// Runs of letters or digits, plus half the CJK characters.
    var words = 0
    /// Words found in `StopWords`, in any of its languages.
    var stopWords = 0
    /// Words that start with an upper-case letter.
    var capitalizedWords = 0
    /// Words that start with a lower-case letter.
    var lowercaseWords = 0
    /// Commas, semicolons and sentence ends that are followed by more text.
    var innerPunctuation = 0
    /// `|`, `•`, `·`, `»`, `>` and `/` between words: the marks of menus and breadcrumbs.
    var separators = 0
    /// The last visible character (after closing quotes and brackets) ends a sentence.
    var endsSentence = false
    /// The line ends with `…` or `...`, as teasers and truncated excerpts do.
    var endsWithEllipsis = false
    /// The line ends with a colon, as list introductions and menu headings do.
    var endsWithColon = false
    /// The first letter of the line is upper case.
    var startsUppercase = false

    /// Share of words that are stop words: high in running prose, near zero in menus and names.
    var stopWordDensity: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }

    init(_ line: Substring) {
        // Reading the bytes through a buffer pointer avoids the index checks of Substring's views,
        // which cost more than the classification itself.
        if let measured = line.utf8.withContiguousStorageIfAvailable({ Self(bytes: $0) }) {
            self = measured
        } else {
            var copy = String(line)
            self = copy.withUTF8 { Self(bytes: $0) }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        var wordKey: UInt64 = 0
        var wordBytes = 0
        var inWord = false
        // Scalar values, not `Unicode.Scalar`s: building a scalar for every ASCII byte was measurable.
        var lastVisible: UInt32 = 0x20
        var secondLastVisible: UInt32 = 0x20
        var thirdLastVisible: UInt32 = 0x20
        var cjk = 0
        var pendingPunctuation = false
        var sawLetter = false

        func endWord() {
            if wordBytes > 0 && wordBytes <= 8 && StopWords.contains(wordKey) { stopWords += 1 }
            wordKey = 0
            wordBytes = 0
            inWord = false
        }

        var utf8 = bytes.makeIterator()
        while let lead = utf8.next() {
            // Decoded by hand from UTF-8: iterating `unicodeScalars` of a Substring re-validates
            // every index and was the classifier's main cost.
            var value = UInt32(lead)
            if lead >= 0xC0 {
                let count = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                value &= count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07
                for _ in 1..<count {
                    guard let next = utf8.next() else { break }
                    value = value << 6 | UInt32(next & 0x3F)
                }
            }
            if value < 0x80 {
                let byte = UInt8(value)
                let isLower = byte >= 0x61 && byte <= 0x7A
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isDigit = byte >= 0x30 && byte <= 0x39
                if isLower || isUpper || isDigit || byte == 0x27 && inWord {
                    if !inWord {
                        inWord = true
                        words += 1
                        if isUpper { capitalizedWords += 1 } else if isLower { lowercaseWords += 1 }
                        if pendingPunctuation { innerPunctuation += 1 }
                        pendingPunctuation = false
                    }
                    if !sawLetter && (isUpper || isLower) {
                        sawLetter = true
                        startsUppercase = isUpper
                    }
                    wordKey = wordKey << 8 | UInt64(isUpper ? byte | 0x20 : byte)
                    wordBytes += 1
                    length += 1
                } else {
                    if inWord { endWord() }
                    switch byte {
                    case 0x20, 0x09: break
                    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "!"),
                        UInt8(ascii: "?"):
                        pendingPunctuation = true
                        length += 1
                    case UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "/"):
                        separators += 1
                        length += 1
                    default:
                        length += 1
                    }
                }
                if value > 0x20 {
                    thirdLastVisible = secondLastVisible
                    secondLastVisible = lastVisible
                    lastVisible = value
                }
                continue
            }
            let scalar = Unicode.Scalar(value) ?? " "
            if isCJK(value) {
                if inWord { endWord() }
                cjk += 1
                length += 3
                if pendingPunctuation { innerPunctuation += 1 }
                pendingPunctuation = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord {
                    inWord = true
                    words += 1
                    if scalar.properties.isUppercase {
                        capitalizedWords += 1
                    } else if scalar.properties.isLowercase {
                        lowercaseWords += 1
                    }
                    if pendingPunctuation { innerPunctuation += 1 }
                    pendingPunctuation = false
                }
                if !sawLetter {
                    sawLetter = true
                    startsUppercase = scalar.properties.isUppercase
                }
                for byte in UTF8.encode(scalar)! {
                    wordKey = wordKey << 8 | UInt64(byte)
                    wordBytes += 1
                }
                length += 1
            } else {
                if inWord { endWord() }
                switch value {
                case 0x2022, 0x00B7, 0x00BB, 0x203A: separators += 1
                case 0x3002, 0xFF0C, 0xFF01, 0xFF1F, 0x3001, 0xFF1B: pendingPunctuation = true
                default: break
                }
                if !scalar.properties.isWhitespace { length += 1 }
            }
            if !scalar.properties.isWhitespace {
                thirdLastVisible = secondLastVisible
                secondLastVisible = lastVisible
                lastVisible = value
            }
        }
        if inWord { endWord() }
        words += cjk / 2
        // Look through closing quotes and brackets: `he said.”` ends a sentence.
        var last = lastVisible
        if Self.closers.contains(last) { last = secondLastVisible }
        switch last {
        case 0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F:
            endsSentence = true
            endsWithEllipsis = last == 0x2E && secondLastVisible == 0x2E && thirdLastVisible == 0x2E
        case 0x2026:
            endsWithEllipsis = true
        case 0x3A, 0xFF1A:
            endsWithColon = true
        default:
            break
        }
    }

    private static let closers: Set<UInt32> = [0x22, 0x27, 0x29, 0x5D, 0x2019, 0x201D, 0x00BB, 0x300D, 0x300F, 0xFF09]

    private func isCJK(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value)
    }
}
