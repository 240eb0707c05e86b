// SPDX-License-Identifier: Apache-2.0

/// Finds the article in the text of a saved web page: drops menus, teasers, newsletter boxes,
/// photo credits and footers, and recognises the title, the dek and the section above the body.
///
/// Text without any page chrome (a wire story, a BBC file) comes through whole: its first line is
/// the title and every other line scores as text. The work is one pass to cut lines and measure
/// them, one to score them and a look at the few lines above the body.
enum PageTextExtractor {
    /// - Parameters:
    ///   - text: the page's text.
    ///   - knownTitle: the title stated in a header, if any: then the first line is only taken as
    ///     the title when it repeats this one, so that a body starting right after the header is kept.
    static func extract(_ text: Substring, knownTitle: String? = nil) -> ExtractedText {
        let blocks = makeBlocks(text)
        var result = ExtractedText()
        guard !blocks.isEmpty else { return result }
        var body = MainBlockSelector.select(blocks) ?? 0..<blocks.count
        var heading = HeadlineFinder.find(in: blocks, bodyStart: body.lowerBound)
        if let knownTitle, heading.title == 0, body.lowerBound == 0,
            TextCleaner.cleanInline(String(blocks[0].text)) != knownTitle
        {
            heading.title = nil
        }
        result.title = heading.title.map { TextCleaner.cleanInline(String(blocks[$0].text)) } ?? heading.fallbackTitle
        result.subtitle = heading.subtitle.map { TextCleaner.cleanInline(String(blocks[$0].text)) }
        result.section = heading.section
        result.authors = heading.authors
        result.publishedAt = heading.publishedAt
        if heading.title == 0, blocks[1..<max(1, body.lowerBound)].allSatisfy({ $0.boilerplate == nil }) {
            // Title on the first line and nothing but plain lines before the body: keep them all.
            body = min(1, body.lowerBound)..<body.upperBound
        }
        if let last = [heading.title, heading.subtitle].compactMap({ $0 }).max(), last >= body.lowerBound {
            body = (last + 1)..<max(last + 1, body.upperBound)
        }
        result.paragraphs.reserveCapacity(body.count)
        for block in blocks[body] where block.boilerplate == nil {
            let paragraph = TextCleaner.cleanInline(String(block.text))
            if !paragraph.isEmpty { result.paragraphs.append(paragraph) }
        }
        return result
    }

    /// Cuts the text into blocks: one per line, except that hard-wrapped paragraphs (e-mail and
    /// terminal text broken near a fixed width) are joined back into one block.
    static func makeBlocks(_ text: Substring) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var run: [Substring] = []
        func flush() {
            guard !run.isEmpty else { return }
            if isHardWrapped(run) {
                let joined = run.joined(separator: " ")
                blocks.append(TextBlock(text: Substring(joined), runLength: 1))
            } else {
                for line in run { blocks.append(TextBlock(text: line, runLength: run.count)) }
            }
            run.removeAll(keepingCapacity: true)
        }
        var lines = LineCursor(text)
        while let line = lines.next() {
            if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                flush()
            } else {
                run.append(line)
            }
        }
        flush()
        return blocks
    }

    /// Every line but the last is 45–100 characters long, within 30 of each other, and they do not
    /// all end sentences: the shape of text wrapped at a fixed column, not of a menu or a list.
    private static func isHardWrapped(_ run: [Substring]) -> Bool {
        guard run.count >= 2 else { return false }
        var shortest = Int.max
        var longest = 0
        var sentenceEnds = 0
        for line in run.dropLast() {
            let count = line.unicodeScalars.count
            shortest = min(shortest, count)
            longest = max(longest, count)
            if let last = line.trimmingTrailingSpace().last, ".!?".contains(last) { sentenceEnds += 1 }
        }
        return shortest >= 45 && longest <= 100 && longest - shortest <= 30 && sentenceEnds < run.count - 1
    }
}
