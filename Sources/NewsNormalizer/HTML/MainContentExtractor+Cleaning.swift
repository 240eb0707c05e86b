// SPDX-License-Identifier: Apache-2.0

extension MainContentExtractor.Pass {
    /// Readability's "clean conditionally": inside the chosen content, removes lists, tables and
    /// boxes that look like link farms, image galleries or widgets, and short share bars.
    ///
    /// One backwards loop does it: children come after their parent in the tree, so by the time
    /// a node is judged, its descendants are judged and their counts already exclude the removed.
    mutating func clean(_ roots: [Int]) {
        let count = tree.count
        var text = [Int](repeating: 0, count: count)
        var links = text
        var commaCount = text
        var paragraphs = text
        var images = text
        var items = text
        var headingText = text
        for root in roots {
            for index in stride(from: tree[root].end - 1, through: root, by: -1) where alive[index] {
                let node = tree[index]
                if node.isText {
                    text[index] = textLength[index]
                    commaCount[index] = commas[index]
                } else {
                    if node.name == "a" { links[index] = text[index] }
                    if index != root,
                        shouldRemove(
                            index, text: text[index], links: links[index], commas: commaCount[index],
                            paragraphs: paragraphs[index], images: images[index], items: items[index],
                            headingText: headingText[index]
                        )
                    {
                        alive[index] = false
                        continue
                    }
                }
                guard index != root else { continue }
                let parent = node.parent
                text[parent] += text[index]
                links[parent] += links[index]
                commaCount[parent] += commaCount[index]
                paragraphs[parent] += paragraphs[index] + (node.name == "p" ? 1 : 0)
                images[parent] += images[index] + (node.name == "img" ? 1 : 0)
                items[parent] += items[index] + (node.name == "li" ? 1 : 0)
                headingText[parent] += ElementHints.headings.contains(node.name) ? text[index] : headingText[index]
            }
        }
    }

    private func shouldRemove(
        _ index: Int, text: Int, links: Int, commas: Int, paragraphs: Int, images: Int, items: Int, headingText: Int
    ) -> Bool {
        let node = tree[index]
        let weight = flags.contains(.weightClasses) ? extractor.classWeight[index] : 0
        if flags.contains(.weightClasses) {
            if node.name == "h1" || node.name == "h2", weight < 0 { return true }
            if ElementHints.isShare(node.hint), text < 500 { return true }
        }
        guard flags.contains(.cleanConditionally) else { return false }
        guard ["div", "section", "table", "ul", "ol", "form", "fieldset", "dl"].contains(node.name) else {
            return false
        }
        if weight < 0 { return true }
        if commas >= 10 { return false }
        let isList = node.name == "ul" || node.name == "ol"
        let density = text == 0 ? 0 : Double(links) / Double(text)
        let headingDensity = text == 0 ? 0 : Double(headingText) / Double(text)
        if images > 1, Double(paragraphs) / Double(images) < 0.5 { return true }
        if !isList, items - 100 > paragraphs { return true }
        if !isList, headingDensity < 0.9, text < 25, images == 0 || images > 2, density > 0 { return true }
        if !isList, weight < 25, density > 0.2 { return true }
        if weight >= 25, density > 0.5 { return true }
        if images == 0, text == 0 { return true }
        return false
    }
}
