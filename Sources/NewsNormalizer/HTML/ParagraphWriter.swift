// SPDX-License-Identifier: Apache-2.0

/// Turns chosen HTML into paragraphs: each block element (`<p>`, `<li>`, `<h2>`, `<blockquote>`,
/// …) ends one, and so does a double `<br>`, the way old templates separate paragraphs.
///
/// The walk is a loop over the tree's flat range with a stack of open block ends, so nesting
/// depth costs memory, never call-stack.
struct ParagraphWriter {
    let tree: HTMLTree
    /// False for nodes to leave out, with everything under them.
    let keeps: [Bool]

    /// Writes the paragraphs of `roots` (and everything under them) in document order.
    func paragraphs(in roots: [Int]) -> [String] {
        var output = Output()
        for root in roots {
            var openBlocks: [Int] = []
            var index = root
            let end = tree[root].end
            while index < end {
                while let last = openBlocks.last, index >= last {
                    openBlocks.removeLast()
                    output.flush()
                }
                let node = tree[index]
                if !keeps[index] {
                    index = node.end
                    continue
                }
                if node.isText {
                    output.append(node.text)
                } else if node.name == "br" {
                    output.lineBreak()
                } else if ElementHints.blocks.contains(node.name) {
                    output.flush()
                    openBlocks.append(node.end)
                } else if node.name == "img" {
                    output.append(" ")
                }
                index += 1
            }
            output.flush()
        }
        return output.paragraphs
    }

    /// Fragment HTML (a feed item's content) as paragraphs: no scoring, only the tags and hidden
    /// elements that are never text are left out.
    static func fragmentParagraphs(_ tree: HTMLTree) -> [String] {
        var keeps = [Bool](repeating: true, count: tree.count)
        var index = 0
        while index < tree.count {
            let node = tree[index]
            let isFrame = node.name == "html" || node.name == "body"
            if !node.isText, !isFrame, ElementHints.alwaysDropped.contains(node.name) || node.isNeverContent {
                for removed in index..<node.end { keeps[removed] = false }
                index = node.end
            } else {
                index += 1
            }
        }
        guard tree.count > 0 else { return [] }
        return ParagraphWriter(tree: tree, keeps: keeps).paragraphs(in: [0])
    }

    private struct Output {
        var paragraphs: [String] = []
        var buffer = ""
        /// A `<br>` was the last thing seen; a second one ends the paragraph.
        var pendingBreak = false

        mutating func append(_ text: String) {
            buffer += text
            if pendingBreak, text.contains(where: { !$0.isWhitespace }) { pendingBreak = false }
        }

        mutating func lineBreak() {
            if pendingBreak {
                flush()
            } else {
                buffer += " "
                pendingBreak = true
            }
        }

        mutating func flush() {
            pendingBreak = false
            guard !buffer.isEmpty else { return }
            let paragraph = TextCleaner.cleanInline(buffer)
            buffer = ""
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
        }
    }
}
