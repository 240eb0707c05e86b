// SPDX-License-Identifier: Apache-2.0

/// A parsed HTML document, copied out of libxml2 into one flat array in document order.
///
/// Copying once is cheap (one loop, no recursion) and buys a lot: the extractor's passes run
/// over plain Swift values indexed by `Int`, nothing points into C memory that `xmlFreeDoc`
/// releases, and because a node's descendants follow it contiguously (`index + 1 ..< end`),
/// every walk is a loop over a range. Ten thousand nested `<div>`s cannot overflow a stack.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        /// Lower-case tag name; empty for a text node.
        var name: String
        /// The text of a text node; empty for an element.
        var text: String
        /// `class` and `id`, lower-cased and joined by a space: what the boilerplate hints read.
        var hint: String
        /// Attributes, kept only for the few tags that metadata needs (see `HTMLTree.keepsAttributes`).
        var attributes: [(name: String, value: String)]
        /// The parent's index, or -1 for the root.
        var parent: Int
        /// One past the last descendant.
        var end: Int
        /// Hidden (`hidden`, `aria-hidden`, inline `display: none`) or a landmark role such as
        /// `navigation` or `complementary`: never article text, whatever the scores say.
        var isNeverContent: Bool

        var isText: Bool { name.isEmpty }

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    var nodes: [Node]
    /// The deepest element nesting seen; libxml2 stops descending at 256 levels (`xmlParserMaxDepth`).
    var maximumDepth = 0

    var count: Int { nodes.count }

    subscript(index: Int) -> Node { nodes[index] }

    /// Element children of `index`, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            result.append(child)
            child = nodes[child].end
        }
        return result
    }

    /// Indices of elements named `name` anywhere in the document.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// The concatenated text under `index`, white space not yet collapsed.
    func text(of index: Int) -> String {
        var result = ""
        for descendant in index..<nodes[index].end where nodes[descendant].isText {
            result += nodes[descendant].text
        }
        return result
    }

    /// Whether `ancestor` contains `index` (or is it).
    func contains(_ ancestor: Int, _ index: Int) -> Bool {
        index >= ancestor && index < nodes[ancestor].end
    }

    /// Tags whose attributes are worth keeping; for everything else only `class`/`id` survive.
    static let keepsAttributes: Set<String> = ["meta", "link", "time", "html", "script", "a", "abbr"]
}
