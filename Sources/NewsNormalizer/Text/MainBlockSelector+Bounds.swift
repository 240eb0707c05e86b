// SPDX-License-Identifier: Apache-2.0

/// Where on a page the article can lie: after the page's title where the page repeats it, and
/// before the comment thread. Both are looked for only on pages with chrome.
extension MainBlockSelector {
    /// The first line after the first that repeats the page's title (the HTML `<title>`, which
    /// copy-as-text puts first, less the site name): the article's own headline, below which its
    /// body starts. Menus and teaser lists above it then cannot be chosen, however long.
    static func titleAnchor(_ blocks: [TextBlock]) -> Int? {
        guard blocks.count > 2, blocks[0].features.words >= 4 else { return nil }
        let pageTitle = words(blocks[0].text)
        let titleWords = Set(pageTitle)
        for index in 1..<blocks.count {
            let block = blocks[index]
            guard block.isHeadlineLike, block.features.words >= 4, block.features.length >= 20 else { continue }
            // The headline as the page words it, give or take a word: at least half as many words as
            // the page title, nearly all of them from it. Sites add or drop a word between the two.
            let line = words(block.text)
            guard line.count * 2 >= pageTitle.count else { continue }
            let shared = line.filter { titleWords.contains($0) }.count
            if shared * 10 >= line.count * 8, shared * 2 >= pageTitle.count { return index }
        }
        return nil
    }

    /// Whether the line opens a comment thread or one comment: a "Comments" heading, "Leave a
    /// reply", a "Jane on May 3 at 5 pm said:" header.
    static func isCommentMarker(_ block: TextBlock) -> Bool {
        guard block.boilerplate == .closing, block.features.words <= 14 else { return false }
        let lower = block.text.lowercased()
        return commentWords.contains { lower.contains($0) }
            || block.features.endsWithColon && commentHeaderWords.contains { lower.hasSuffix($0) }
    }

    /// Whether the line is only a relative time ("32M ago", "2 days ago at 07:52 am", "vor 2 Stunden"):
    /// it stamps teasers and comments, never an article's own paragraphs, so it walls them off
    /// one by one. It stays out of `BoilerplatePhrases`, so that a dateline under a headline does
    /// not stop `HeadlineFinder`.
    static func isRelativeTime(_ block: TextBlock) -> Bool {
        guard block.features.words <= 8, block.features.length <= 40,
            block.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        else { return false }
        let line = Substring(block.text.lowercased())
        let words = line.split { !$0.isLetter && !$0.isNumber }
        return words.contains("ago") || relativeTimePrefixes.contains { line.hasPrefix($0) }
    }

    /// Whether the line is only a date ("Wednesday November 20, 2019"): under a headline it is the
    /// article's dateline, above the body; further down it stamps the teasers of a list.
    static func isDateOnly(_ block: TextBlock) -> Bool {
        block.features.words <= 6 && block.features.length <= 40 && DateParser.parse(block.text) != nil
    }

    private static let relativeTimePrefixes = ["il y a ", "vor ", "hace ", "há "]

    private static let commentWords = [
        "comment", "comentário", "commentaire", "kommentar", "comentario", "leave a reply", "responses to",
        "replies to", "thoughts on", "join the conversation",
    ]
    private static let commentHeaderWords = ["says:", "said:", "wrote:", "disse:", "a écrit :", "schreibt:"]

    /// Lower-cased runs of letters and digits.
    private static func words(_ text: Substring) -> [Substring] {
        Substring(text.lowercased()).split { !$0.isLetter && !$0.isNumber }
    }
}
