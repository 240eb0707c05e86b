// SPDX-License-Identifier: Apache-2.0

/// Guesses an article's language when its metadata does not state one.
///
/// Two signals, cheapest first. The writing system settles most non-Latin languages outright
/// (Greek, Hebrew, Thai, Korean, Japanese by its kana, Chinese by Han alone). Within a script
/// shared by many languages (Latin, Cyrillic, Arabic), the share of each language's function
/// words decides. A guess needs enough words and a clear lead; otherwise the language stays
/// unknown, because a wrong `lang:` is worse for a search filter than a missing one.
enum LanguageDetector {
    /// How many words of an article are looked at: eighty tell these languages apart, and
    /// reading only the opening keeps detection a small share of normalising.
    static let sampleWords = 80

    /// Fewer recognised function words than this and the text is too short, or a list of names.
    static let minimumHits = 4

    /// The BCP 47 primary language of `title` and `paragraphs`, or `nil` when unsure.
    static func detect(title: String, paragraphs: [String]) -> String? {
        var sample = LanguageSample(limit: sampleWords)
        sample.add(title)
        for paragraph in paragraphs where !sample.isFull { sample.add(paragraph) }
        if let language = sample.scripts.dominantLanguage { return language }
        guard sample.scripts.isMostlyWordScript else { return nil }
        return bestByFunctionWords(hits: sample.hits, words: sample.words)
    }

    /// The language with the most function-word `hits` among `words` words, when it leads clearly.
    static func bestByFunctionWords(hits: [Int], words: Int) -> String? {
        var best = 0
        for index in hits.indices where hits[index] > hits[best] { best = index }
        let runnerUp = hits.indices.filter { $0 != best }.map { hits[$0] }.max() ?? 0
        // Prose is a third function words; a tenth is the floor for calling it prose at all.
        guard hits[best] >= minimumHits, hits[best] * 10 >= words, hits[best] > runnerUp else { return nil }
        return FunctionWords.lists[best].language
    }
}

/// The opening words of an article: how many, how many are each language's function words,
/// and the scripts their letters use.
struct LanguageSample {
    private(set) var words = 0
    private(set) var hits = [Int](repeating: 0, count: FunctionWords.lists.count)
    private(set) var scripts = ScriptCounts()
    let limit: Int
    /// Scripts written without spaces (Chinese, Japanese, Thai) make few, long "words":
    /// the sample also ends after this many characters.
    private var characterBudget: Int
    /// The word being read, lower-cased and packed as `StopWords.key` does.
    private var key: UInt64 = 0
    private var keyBytes = 0

    init(limit: Int) {
        self.limit = limit
        characterBudget = limit * 12
    }

    var isFull: Bool { words >= limit || characterBudget <= 0 }

    mutating func add(_ text: String) {
        // Bytes rather than `unicodeScalars`: prose is mostly ASCII, and decoding only the
        // other bytes halves the cost of sampling.
        var pending: UInt32 = 0
        var continuations = 0
        for byte in text.utf8 {
            if isFull { return }
            if byte < 0x80 {
                characterBudget -= 1
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    scripts.countLatin()
                    pack(byte | 0x20)
                } else {
                    endWord()
                }
                continue
            }
            if byte >= 0xC0 {
                continuations = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                pending = UInt32(byte) & (0x3F >> UInt32(continuations))
                continue
            }
            guard continuations > 0 else { continue }
            pending = pending << 6 | UInt32(byte & 0x3F)
            continuations -= 1
            guard continuations == 0, let scalar = Unicode.Scalar(pending) else { continue }
            characterBudget -= 1
            if scripts.count(scalar) {
                append(scalar)
            } else {
                endWord()
            }
        }
        endWord()
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        guard scalar.properties.isUppercase else {
            for byte in scalar.utf8 { pack(byte) }
            return
        }
        // Non-ASCII capitals are rare enough that the Unicode tables may be asked each time.
        for byte in scalar.properties.lowercaseMapping.utf8 { pack(byte) }
    }

    private mutating func pack(_ byte: UInt8) {
        guard keyBytes <= 8 else { return }
        key = key << 8 | UInt64(byte)
        keyBytes += 1
    }

    private mutating func endWord() {
        guard keyBytes > 0 else { return }
        words += 1
        if keyBytes <= 8, var languages = FunctionWords.languagesByKey[key] {
            while languages != 0 {
                hits[languages.trailingZeroBitCount] += 1
                languages &= languages - 1
            }
        }
        key = 0
        keyBytes = 0
    }
}

/// Letters counted by writing system.
struct ScriptCounts {
    private(set) var latin = 0
    private(set) var cyrillic = 0
    private(set) var greek = 0
    private(set) var arabic = 0
    private(set) var persianOnly = 0
    private(set) var hebrew = 0
    private(set) var han = 0
    private(set) var kana = 0
    private(set) var hangul = 0
    private(set) var thai = 0
    private(set) var devanagari = 0
    private(set) var otherLetters = 0

    /// Counts an ASCII letter, which the caller has recognised already.
    mutating func countLatin() { latin += 1 }

    /// Counts a non-ASCII `scalar` when it is a letter, and says whether it was one (the caller
    /// classifies ASCII bytes itself).
    mutating func count(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0xC0...0x24F where value != 0xD7 && value != 0xF7: latin += 1
        case 0x370...0x3FF, 0x1F00...0x1FFF: greek += 1
        case 0x400...0x52F: cyrillic += 1
        case 0x590...0x5FF: hebrew += 1
        case 0x67E, 0x686, 0x698, 0x6AF, 0x6A9, 0x6CC:
            arabic += 1
            persianOnly += 1
        case 0x600...0x6FF, 0x750...0x77F: arabic += 1
        case 0x900...0x97F: devanagari += 1
        case 0xE00...0xE7F: thai += 1
        case 0x3040...0x30FF: kana += 1
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: han += 1
        case 0xAC00...0xD7AF, 0x1100...0x11FF: hangul += 1
        default:
            guard scalar.properties.isAlphabetic else { return false }
            otherLetters += 1
        }
        return true
    }

    private var total: Int {
        latin + cyrillic + greek + arabic + hebrew + han + kana + hangul + thai + devanagari + otherLetters
    }

    /// Whether words, rather than the script, have to decide: Latin or Cyrillic letters dominate.
    var isMostlyWordScript: Bool { (latin + cyrillic) * 2 > total }

    /// The language a script alone identifies, when one script holds most of the letters.
    var dominantLanguage: String? {
        let total = total
        guard total >= 20 else { return nil }
        func dominates(_ count: Int) -> Bool { count * 2 > total }
        if dominates(han + kana) { return kana * 10 >= han + kana ? "ja" : "zh" }
        if dominates(hangul) { return "ko" }
        if dominates(greek) { return "el" }
        if dominates(hebrew) { return "he" }
        if dominates(thai) { return "th" }
        if dominates(devanagari) { return "hi" }
        if dominates(arabic) { return persianOnly * 50 >= arabic ? "fa" : "ar" }
        return nil
    }
}
