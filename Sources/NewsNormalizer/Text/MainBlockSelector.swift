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
        let wall = -max(250, totalText * 0.15)
        for (index, block) in blocks.enumerated() where block.boilerplate == .closing {
            scores[index] = wall
        }
        var best: Range<Int>?
        var bestSum = 0.0
        var runStart = 0
        var runSum = 0.0
        for (index, score) in scores.enumerated() {
            if runSum <= 0 {
                runStart = index
                runSum = 0
            }
            runSum += score
            if runSum > bestSum {
                bestSum = runSum
                best = runStart..<(index + 1)
            }
        }
        guard var chosen = best else { return nil }
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
