// SPDX-License-Identifier: Apache-2.0

/// Finds the article in a page's lines: scores every line, then takes the contiguous run with
/// the highest total (the maximum-sum subarray, Kadane's algorithm).
///
/// The scores follow jusText's observations, made language-neutral where possible: long lines
/// that end like sentences or are dense in stop words are text (positive, by length); short
/// lines without a sentence end are menus, teasers and headings (a small negative, larger inside
/// long runs of such lines); lines with boilerplate phrases are negative, and a closing phrase
/// ("Read more", "Related", "Subscribe") costs a share of the whole page's text, so teasers after
/// it do not join the article just because they are made of sentences. Short sentences score a
/// little above zero, so that articles without any chrome keep their short last paragraphs.
/// On pages that repeat their title above the article, or carry a comment thread below it, the
/// search is narrowed to what lies between (`MainBlockSelector+Bounds.swift`).
enum MainBlockSelector {
    /// The chosen run of `blocks`, or `nil` when no line scores above zero.
    static func select(_ blocks: [TextBlock]) -> Range<Int>? {
        // Text without any page furniture (a wire story, a BBC file) is kept whole, down to its
        // one-line paragraphs and match-report lists.
        if blocks.allSatisfy(isPlain) { return 0..<blocks.count }
        var totalText = 0.0
        var scores = [Double](repeating: 0, count: blocks.count)
        for (index, block) in blocks.enumerated() {
            scores[index] = score(block)
            if scores[index] > 0 { totalText += scores[index] }
        }
        // A long line that starts with the whole of an earlier, much shorter one runs the article's
        // paragraphs together again (a metadata dump of the body): it adds nothing, so it must not
        // pull a run across the chrome between. Paragraphs repeated as they are (two menus of one
        // recipe) and a lede that opens like the dek still count.
        var openings: [Substring: Int] = [:]
        for (index, block) in blocks.enumerated() where block.text.utf8.count >= 40 {
            let opening = block.text.prefix(40)
            if let earlier = openings[opening] {
                let earlierText = blocks[earlier].text.trimmingTrailingSpace()
                if block.text.utf8.count >= max(300, 3 * earlierText.utf8.count), block.text.hasPrefix(earlierText) {
                    scores[index] = min(scores[index], 0)
                }
            } else {
                openings[opening] = index
            }
        }
        let wall = -max(250, totalText * 0.15)
        for (index, block) in blocks.enumerated()
        where block.boilerplate == .closing || isRelativeTime(block) || isDateOnly(block) {
            scores[index] = wall
        }
        // The article lies below the page's repeated title and above its comments (found once a
        // paragraph or two precede them), when the text found there is worth an article; otherwise
        // the whole page is searched.
        let whole = bestRun(scores, in: 0..<blocks.count)
        let start = titleAnchor(blocks).map { $0 + 1 } ?? 0
        var end = blocks.count
        for index in start..<blocks.count where isCommentMarker(blocks[index]) {
            if let before = bestRun(scores, in: start..<index), before.sum >= minimumArticle {
                end = index
                break
            }
        }
        var best = bestRun(scores, in: start..<end)
        // A headline matched in a teaser list below the article would leave only scraps: on the
        // scrapinghub pages the narrowed article never held less than 30% of the whole page's best.
        if best.map({ $0.sum < max(minimumArticle, (whole?.sum ?? 0) * 0.15) }) ?? true {
            best = whole
        }
        guard var chosen = best?.range else { return nil }
        // A short tail of plain lines ending the file (a last one-line paragraph, a sign-off) is the
        // article's own end, not chrome: pages end in footers, which carry boilerplate phrases.
        let tail = blocks[chosen.upperBound...]
        if tail.count <= 3,
            tail.allSatisfy({ $0.boilerplate == nil && $0.runLength < 3 && $0.features.separators == 0 })
        {
            chosen = chosen.lowerBound..<blocks.count
        }
        return chosen
    }

    /// The least total score of text that is taken for an article when narrowing the search:
    /// a paragraph or two.
    private static let minimumArticle = 150.0

    /// The run of `scores` within `range` with the highest sum, if any sums above zero.
    private static func bestRun(_ scores: [Double], in range: Range<Int>) -> (range: Range<Int>, sum: Double)? {
        var best: (range: Range<Int>, sum: Double)?
        var runStart = range.lowerBound
        var runSum = 0.0
        for index in range {
            if runSum <= 0 {
                runStart = index
                runSum = 0
            }
            runSum += scores[index]
            if runSum > best?.sum ?? 0 { best = (runStart..<(index + 1), runSum) }
        }
        return best
    }

    /// No boilerplate phrase: saved web pages practically always carry some ("Share", "Subscribe",
    /// a copyright line), while tables and lists inside clean articles must not cost them lines.
    private static func isPlain(_ block: TextBlock) -> Bool { block.boilerplate == nil }

    static func score(_ block: TextBlock) -> Double {
        let features = block.features
        let length = Double(features.length)
        let density = features.stopWordDensity
        if block.boilerplate == .inline { return -40 }
        if features.length >= 80 {
            if features.endsWithEllipsis { return length * 0.2 }
            if features.endsSentence || features.endsWithColon || density >= 0.3 { return length }
            if density >= 0.15 || features.innerPunctuation >= 2 { return length * 0.4 }
            return -length * 0.3
        }
        if block.isSentence { return length * (density >= 0.15 || features.words >= 6 ? 0.6 : 0.3) }
        if features.endsWithColon { return -5 }
        // Headings and list lines inside articles stand alone between blank lines; menus come in runs.
        switch block.runLength {
        case 1: return -max(10, length * 0.3)
        case 2: return -max(20, length * 0.5)
        default: return -2 * max(20, length * 0.5)
        }
    }
}
