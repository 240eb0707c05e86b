// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Recognises the title, dek (subtitle), section, byline and date in the lines just above an
/// article's body.
///
/// Pages put these in a small cluster: section or tags, title, dek, then byline and date lines,
/// then the body. The title is recognised by shape (a few words, no final period); when the page's
/// first line (the HTML `<title>`, which copy-as-text puts first) repeats a candidate, that
/// candidate wins, because it is the one the site itself called the title.
enum HeadlineFinder {
    struct Heading: Sendable {
        var title: Int?
        var fallbackTitle: String?
        var subtitle: Int?
        var section: String?
        var authors: [String] = []
        var publishedAt: PublicationDate?
    }

    /// How far above the body to look, in lines.
    private static let window = 12

    static func find(in blocks: [TextBlock], bodyStart: Int) -> Heading {
        var heading = Heading()
        if bodyStart == 0 {
            // Text without chrome: the first line is the title whatever its shape.
            if blocks[0].features.length <= 300 { heading.title = 0 }
            return heading
        }
        var candidates: [Int] = []
        var index = bodyStart - 1
        var seen = 0
        while index >= 0 && seen < window {
            let block = blocks[index]
            defer {
                index -= 1
                seen += 1
            }
            if block.boilerplate == .closing && index > 0 { break }
            if block.boilerplate != nil || block.runLength >= 4 && index > 0 { continue }
            if block.features.length <= 90, heading.publishedAt == nil, let date = dateLine(block.text) {
                heading.publishedAt = date
                continue
            }
            if heading.authors.isEmpty, let authors = byline(block) {
                heading.authors = authors
                continue
            }
            if block.isHeadlineLike || block.features.words <= 3 && block.features.length <= 40 {
                candidates.append(index)
            }
        }
        choose(from: candidates, in: blocks, into: &heading)
        if heading.title == nil { heading.fallbackTitle = pageTitle(blocks[0]) }
        return heading
    }

    private static func choose(from candidates: [Int], in blocks: [TextBlock], into heading: inout Heading) {
        let pageTitle = normalized(blocks[0].text)
        var titlePosition: Int?
        if candidates.first != 0 {
            titlePosition = candidates.firstIndex { index in
                index != 0 && blocks[index].isHeadlineLike && pageTitle.contains(normalized(blocks[index].text))
            }
        }
        if titlePosition == nil {
            // The nearest headline-shaped line, or the one above it when the nearer one reads like a dek.
            guard let nearest = candidates.firstIndex(where: { isTitleShaped(blocks[$0]) }) else { return }
            titlePosition = nearest
            let above = nearest + 1
            if above < candidates.count, isTitleShaped(blocks[candidates[above]]),
                candidates[nearest] - candidates[above] <= 2,
                blocks[candidates[nearest]].features.length * 10 >= blocks[candidates[above]].features.length * 8
            {
                titlePosition = above
            }
        }
        guard let position = titlePosition else { return }
        heading.title = candidates[position]
        // A file that starts with its title has no chrome: what follows the title is body, not a dek.
        if position > 0, candidates[position] > 0, candidates[position - 1] > candidates[position],
            blocks[candidates[position - 1]].features.words >= 4
        {
            heading.subtitle = candidates[position - 1]
        }
        if position + 1 < candidates.count, candidates[position] - candidates[position + 1] <= 2 {
            heading.section = section(from: blocks[candidates[position + 1]], in: blocks)
        }
    }

    /// A title has at least four words (or a CJK phrase) and is not made only of capitalised names,
    /// which is what tag and section lines are.
    private static func isTitleShaped(_ block: TextBlock) -> Bool {
        block.isHeadlineLike && block.features.words >= 4 && block.features.lowercaseWords > 0
            || block.isHeadlineLike && block.features.words >= 4 && block.features.capitalizedWords == 0
    }

    /// The section a kicker line names: the line itself when short; for a run of capitalised names
    /// ("Diplomacy Watch Donald Trump Putin"), the longest leading words the page repeats elsewhere.
    private static func section(from block: TextBlock, in blocks: [TextBlock]) -> String? {
        let line = TextCleaner.cleanInline(String(block.text))
        if block.features.words <= 3 { return line }
        guard block.features.lowercaseWords == 0 else { return nil }
        let words = line.split(separator: " ")
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let prefix = words.prefix(count).joined(separator: " ")
            guard prefix.count >= 4 else { break }
            for other in blocks where other.text.count <= 400 && other.text != block.text {
                if other.text.contains(prefix) { return prefix }
            }
        }
        return nil
    }

    /// A date line such as "November 20, 2019 - 11:28 AMT" or "Published: 3 March 2025".
    private static func dateLine(_ text: Substring) -> PublicationDate? {
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if let date = DateParser.parseLeading(text) { return date }
        let lower = text.lowercased()
        for prefix in ["published", "updated", "posted", "date", "last updated"] where lower.hasPrefix(prefix) {
            var rest = text.dropFirst(prefix.count).drop { $0 == ":" || $0 == " " }
            if rest.lowercased().hasPrefix("on ") { rest = rest.dropFirst(3) }
            return DateParser.parseLeading(rest)
        }
        return nil
    }

    /// "By Jane Doe and John Roe" (or "Von …", "Par …", "Por …") with at most eight words.
    private static func byline(_ block: TextBlock) -> [String]? {
        guard block.features.words <= 8, block.features.words >= 2 else { return nil }
        let lower = block.text.lowercased()
        for prefix in ["by ", "von ", "par ", "por ", "di "] where lower.hasPrefix(prefix) {
            let names = String(block.text.dropFirst(prefix.count))
            let authors = ArticleMetadata.splitAuthors(names)
            return authors.isEmpty ? nil : authors
        }
        return nil
    }

    /// The page's first line without the site name (" - WSJ", " | The Beachbody Blog").
    private static func pageTitle(_ block: TextBlock) -> String? {
        guard block.isHeadlineLike || block.features.words <= 30 else { return nil }
        var title = TextCleaner.cleanInline(String(block.text))
        for separator in [" | ", " - ", " – ", " — "] {
            if let range = title.range(of: separator, options: .backwards) {
                let head = title[..<range.lowerBound]
                if head.split(separator: " ").count >= 3 { title = String(head) }
            }
        }
        return title.isEmpty ? nil : title
    }

    private static func normalized(_ text: Substring) -> String {
        TextCleaner.cleanInline(String(text)).lowercased()
    }
}
