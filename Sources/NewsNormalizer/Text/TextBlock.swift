// SPDX-License-Identifier: Apache-2.0

/// One line of a page's text (or one hard-wrapped paragraph), with what the classifier learnt about it.
struct TextBlock: Sendable {
    /// The raw text, still uncleaned.
    var text: Substring
    var features: LineFeatures
    /// Number of lines in the run of non-blank lines this one belongs to: menus come in long runs,
    /// while articles separate their paragraphs and headings with blank lines.
    var runLength: Int
    var boilerplate: BoilerplatePhrases.Strength?

    init(text: Substring, runLength: Int) {
        self.text = text
        self.features = LineFeatures(text)
        self.runLength = runLength
        self.boilerplate = BoilerplatePhrases.match(text, features: features)
    }

    /// A line that reads like a sentence: at least three words and a sentence end.
    var isSentence: Bool { features.endsSentence && !features.endsWithEllipsis && features.words >= 3 }

    /// A line that reads like a headline: a few words, no sentence end, no menu separators.
    var isHeadlineLike: Bool {
        boilerplate == nil && features.words >= 3 && features.words <= 30 && features.length <= 250
            && !(features.endsSentence && text.last == ".") && !features.endsWithEllipsis && features.separators == 0
    }
}
