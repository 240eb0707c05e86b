// SPDX-License-Identifier: Apache-2.0

extension MainContentExtractor {
    /// The mutable state of one extraction pass: what is still in the page, and the scores.
    struct Pass {
        let extractor: MainContentExtractor
        let flags: Flags
        var tree: HTMLTree { extractor.tree }

        /// False for removed nodes and everything under them.
        var alive: [Bool]
        /// UTF-8 length of the text under a node, of the link text under it, and its commas.
        var textLength: [Int]
        var linkLength: [Int]
        var commas: [Int]
        /// The same, counting only text that is not inside a nested block: a node's "own" paragraph.
        var inlineLength: [Int]
        var inlineCommas: [Int]
        var hasBlockChild: [Bool]
        var score: [Double]
        var isCandidate: [Bool]

        init(extractor: MainContentExtractor, flags: Flags) {
            self.extractor = extractor
            self.flags = flags
            let count = extractor.tree.count
            alive = [Bool](repeating: true, count: count)
            textLength = [Int](repeating: 0, count: count)
            linkLength = textLength
            commas = textLength
            inlineLength = textLength
            inlineCommas = textLength
            hasBlockChild = [Bool](repeating: false, count: count)
            score = [Double](repeating: 0, count: count)
            isCandidate = hasBlockChild
        }

        /// Removes page chrome: dropped tags, hidden elements and, when asked, unlikely class names.
        mutating func prune() {
            var index = 0
            while index < tree.count {
                let node = tree[index]
                if !node.isText {
                    var drop = ElementHints.alwaysDropped.contains(node.name) || node.isNeverContent
                    if !drop, flags.contains(.stripUnlikely), extractor.isUnlikely[index] {
                        drop = !["html", "body", "article", "main", "a"].contains(node.name)
                    }
                    if drop {
                        for removed in index..<node.end { alive[removed] = false }
                        index = node.end
                        continue
                    }
                }
                index += 1
            }
        }

        /// Text, link and comma counts, bottom-up in one backwards loop (children follow parents).
        mutating func measure() {
            for index in stride(from: tree.count - 1, through: 0, by: -1) where alive[index] {
                let node = tree[index]
                if node.isText {
                    let length = node.text.utf8.count
                    let commaCount = Self.countCommas(node.text)
                    textLength[index] = length
                    inlineLength[index] = length
                    commas[index] = commaCount
                    inlineCommas[index] = commaCount
                } else if node.name == "a" {
                    linkLength[index] = textLength[index]
                }
                let parent = node.parent
                guard parent >= 0 else { continue }
                textLength[parent] += textLength[index]
                linkLength[parent] += linkLength[index]
                commas[parent] += commas[index]
                if node.isText || !extractor.isBlock[index] {
                    inlineLength[parent] += inlineLength[index]
                    inlineCommas[parent] += inlineCommas[index]
                } else {
                    hasBlockChild[parent] = true
                }
            }
        }

        private static func countCommas(_ text: String) -> Int {
            var count = 0
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x2C, 0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C, 0x3001: count += 1
                default: break
                }
            }
            return count
        }

        func linkDensity(_ index: Int) -> Double {
            textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
        }

        /// Every paragraph of 25 bytes or more votes for up to five containers above it.
        mutating func vote() {
            for index in 0..<tree.count where alive[index] && !tree[index].isText {
                let node = tree[index]
                guard ElementHints.scored.contains(node.name), inlineLength[index] >= 25 else { continue }
                let vote = 1 + Double(inlineCommas[index]) + min(Double(inlineLength[index] / 100), 3)
                let ownParagraph = ElementHints.paragraphLike.contains(node.name) || !hasBlockChild[index]
                var ancestor = ownParagraph ? node.parent : index
                var level = 0
                while ancestor >= 0, level < 5, tree[ancestor].parent >= 0 {
                    if !isCandidate[ancestor] {
                        isCandidate[ancestor] = true
                        score[ancestor] = ElementHints.tagWeight(tree[ancestor].name)
                        if flags.contains(.weightClasses) { score[ancestor] += extractor.classWeight[ancestor] }
                    }
                    let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
                    score[ancestor] += vote / divider
                    ancestor = tree[ancestor].parent
                    level += 1
                }
            }
            for index in 0..<tree.count where isCandidate[index] {
                score[index] *= 1 - linkDensity(index)
            }
        }
    }
}
