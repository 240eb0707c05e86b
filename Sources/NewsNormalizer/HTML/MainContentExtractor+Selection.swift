// SPDX-License-Identifier: Apache-2.0

extension MainContentExtractor.Pass {
    /// The `<body>`, or the root when the parser made none.
    var body: Int {
        tree.nodes.firstIndex { $0.name == "body" } ?? 0
    }

    /// Picks the best-scoring container, moves up when its ancestors hold the story better,
    /// and adds the siblings that belong to it. Returns the chosen nodes in document order.
    mutating func selectContent() -> [Int] {
        let body = self.body
        let ranked = (0..<tree.count).filter { isCandidate[$0] && alive[$0] }.sorted { score[$0] > score[$1] }
        guard var top = ranked.first, top != body, tree[top].name != "html" else { return [body] }

        // Several near-equal candidates under one ancestor: the story is that ancestor, split up.
        let alternatives = ranked.dropFirst().prefix(4).filter { score[$0] / max(score[top], 1e-9) >= 0.75 }
        if alternatives.count >= 3 {
            var ancestor = tree[top].parent
            while ancestor > body {
                if alternatives.filter({ tree.contains(ancestor, $0) }).count >= 3 {
                    top = ancestor
                    break
                }
                ancestor = tree[ancestor].parent
            }
        }
        if !isCandidate[top] {
            isCandidate[top] = true
            score[top] =
                ElementHints.tagWeight(tree[top].name)
                + (flags.contains(.weightClasses) ? extractor.classWeight[top] : 0)
        }

        // Climb while the parent scores better: its children are parts of one story.
        var parent = tree[top].parent
        var lastScore = score[top]
        let climbThreshold = lastScore / 3
        while parent > body {
            if isCandidate[parent] {
                if score[parent] < climbThreshold { break }
                if score[parent] > lastScore {
                    top = parent
                    break
                }
                lastScore = score[parent]
            }
            parent = tree[parent].parent
        }
        // A wrapper with one child says nothing more than the child; take the wrapper.
        while tree[top].parent > body, liveChildren(of: tree[top].parent).count == 1 {
            top = tree[top].parent
        }
        return siblings(of: top)
    }

    private func liveChildren(of index: Int) -> [Int] {
        tree.children(of: index).filter { alive[$0] && !tree[$0].isText }
    }

    private func siblings(of top: Int) -> [Int] {
        let parent = tree[top].parent
        guard parent >= 0 else { return [top] }
        let threshold = max(10, score[top] * 0.2)
        let topHint = tree[top].hint
        var selected: [Int] = []
        for sibling in liveChildren(of: parent) {
            if sibling == top {
                selected.append(sibling)
                continue
            }
            let bonus = !topHint.isEmpty && tree[sibling].hint == topHint ? score[top] * 0.2 : 0
            if isCandidate[sibling], score[sibling] + bonus >= threshold {
                selected.append(sibling)
            } else if tree[sibling].name == "p" {
                let length = textLength[sibling]
                let density = linkDensity(sibling)
                if length > 80, density < 0.25 {
                    selected.append(sibling)
                } else if length > 0, length < 80, density == 0 {
                    let text = tree.text(of: sibling).trimmingTrailingSpaces
                    if text.hasSuffix(".") || text.contains(". ") { selected.append(sibling) }
                }
            }
        }
        return selected
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: Substring {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
