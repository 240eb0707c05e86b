// SPDX-License-Identifier: Apache-2.0

/// Finds a page's article text among its menus, teasers and footers, in the manner of
/// Mozilla's Readability.
///
/// Each block of text votes for the containers above it with its length and its commas (prose
/// has commas, menus do not); containers are weighted by their `class`/`id` words and by how
/// much of their text is links. The best container wins, together with siblings that score
/// close to it (a story split into several `<div>`s). When the result is short, the extraction
/// runs again with the riskier filters switched off, as Readability does.
struct MainContentExtractor {
    struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    /// Text shorter than this (in UTF-8 bytes) sends the extraction round again with fewer filters.
    static let retryThreshold = 500

    let tree: HTMLTree
    /// Per-node facts that do not change between passes.
    let isUnlikely: [Bool]
    let classWeight: [Double]
    let isBlock: [Bool]

    init(_ tree: HTMLTree) {
        self.tree = tree
        var unlikely = [Bool](repeating: false, count: tree.count)
        var weight = [Double](repeating: 0, count: tree.count)
        var block = [Bool](repeating: false, count: tree.count)
        for index in 0..<tree.count where !tree[index].isText {
            let hint = tree[index].hint
            unlikely[index] = ElementHints.isUnlikely(hint)
            weight[index] = ElementHints.classWeight(hint)
            block[index] = ElementHints.blocks.contains(tree[index].name)
        }
        isUnlikely = unlikely
        classWeight = weight
        isBlock = block
    }

    /// The article's paragraphs; empty when the page holds no text at all.
    func paragraphs() -> [String] {
        let attempts: [Flags] = [.all, [.weightClasses, .cleanConditionally], [.cleanConditionally], []]
        var best: [String] = []
        var bestLength = 0
        for flags in attempts {
            let result = extract(flags)
            let length = result.reduce(0) { $0 + $1.utf8.count }
            if length >= Self.retryThreshold { return result }
            // Later attempts filter less; take their longer text only when it is clearly longer,
            // not just the same story plus the share bar the first attempt rightly dropped.
            if bestLength == 0 || length > bestLength + bestLength / 4 + 100 {
                best = result
                bestLength = length
            }
        }
        return best
    }

    // MARK: One pass

    private func extract(_ flags: Flags) -> [String] {
        var pass = Pass(extractor: self, flags: flags)
        pass.prune()
        pass.measure()
        pass.vote()
        let selected = pass.selectContent()
        if flags.contains(.cleanConditionally) || flags.contains(.weightClasses) {
            pass.clean(selected)
        }
        return ParagraphWriter(tree: tree, keeps: pass.alive).paragraphs(in: selected)
    }
}
