// SPDX-License-Identifier: Apache-2.0
import CLibXML2

extension HTMLTree {
    /// Parses HTML with libxml2's forgiving parser and copies the result into a tree.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - encoding: the charset to decode with (an IANA name libxml2's iconv knows).
    ///   - ignoreDeclaredEncoding: set when `bytes` were already transcoded to UTF-8, so that a
    ///     stale `<meta charset>` inside cannot make libxml2 decode them a second time.
    /// - Returns: `nil` when libxml2 finds no root element at all.
    static func parse(_ bytes: [UInt8], encoding: String, ignoreDeclaredEncoding: Bool) -> HTMLTree? {
        var options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
        )
        if ignoreDeclaredEncoding { options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, encoding, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return HTMLTree(copying: root)
    }

    /// Copies the element `root` and everything under it, in document order, without recursion.
    ///
    /// Scripts, styles and embedded objects are left behind here, once, so that no later pass
    /// has to remember to skip them; JSON-LD scripts are kept for the metadata.
    init(copying root: xmlNodePtr) {
        var nodes: [Node] = []
        var open: [Int] = []
        var depth = 0
        var current: xmlNodePtr? = root
        while let node = current {
            var descended = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name)
                if let element = Self.element(node, name: name, parent: open.last ?? -1) {
                    nodes.append(element)
                    if node.pointee.children != nil {
                        open.append(nodes.count - 1)
                        depth = max(depth, open.count)
                        current = node.pointee.children
                        descended = true
                    } else {
                        nodes[nodes.count - 1].end = nodes.count
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content, let parent = open.last {
                    nodes.append(Self.textNode(content, parent: parent, end: nodes.count + 1))
                }
            default:
                break
            }
            if descended { continue }
            // Climb until a next sibling exists, closing every element left behind.
            var climbing: xmlNodePtr? = node
            current = nil
            while let here = climbing, here != root {
                if let next = here.pointee.next {
                    current = next
                    break
                }
                climbing = here.pointee.parent
                if let closed = open.popLast() { nodes[closed].end = nodes.count }
            }
        }
        while let closed = open.popLast() { nodes[closed].end = nodes.count }
        self.nodes = nodes
        self.maximumDepth = depth
    }

    private static let skippedElements: Set<String> = [
        "style", "noscript", "svg", "template", "iframe", "object", "embed", "canvas", "math", "select",
        "button", "input", "textarea", "option", "video", "audio", "picture", "map",
    ]

    private static let hiddenStyle = KeywordMatcher(["display:none", "visibility:hidden"])

    private static let neverContentRoles: Set<String> = [
        "navigation", "menu", "menubar", "complementary", "contentinfo", "banner", "dialog", "alert",
        "alertdialog", "search", "toolbar", "tablist",
    ]

    private static func element(_ node: xmlNodePtr, name: String, parent: Int) -> Node? {
        if skippedElements.contains(name) { return nil }
        var hint = ""
        var attributes: [(name: String, value: String)] = []
        var neverContent = false
        let keepsAll = keepsAttributes.contains(name)
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = String(cString: current.pointee.name).lowercased()
            switch attributeName {
            case "class", "id":
                let value = attributeValue(current).lowercased()
                hint = hint.isEmpty ? value : hint + " " + value
            case "hidden":
                neverContent = true
            case "aria-hidden":
                if attributeValue(current) == "true" { neverContent = true }
            case "role":
                if neverContentRoles.contains(attributeValue(current).lowercased()) { neverContent = true }
            case "style":
                let style = attributeValue(current).lowercased().filter { $0 != " " }
                if hiddenStyle.matches(style) { neverContent = true }
            default:
                break
            }
            if keepsAll { attributes.append((attributeName, attributeValue(current))) }
        }
        if name == "script" {
            let type = attributes.first { $0.name == "type" }?.value.lowercased() ?? ""
            guard type.contains("ld+json") else { return nil }
        }
        return Node(
            name: name, text: "", hint: hint, attributes: attributes, parent: parent, end: 0,
            isNeverContent: neverContent
        )
    }

    private static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let current = child {
            if let content = current.pointee.content { value += String(cString: content) }
            child = current.pointee.next
        }
        return value
    }

    private static func textNode(_ content: UnsafeMutablePointer<xmlChar>, parent: Int, end: Int) -> Node {
        // Runs of pure white space are common (indentation between tags) and only ever separate words.
        var pointer = content
        var blank = true
        while pointer.pointee != 0 {
            switch pointer.pointee {
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: blank = false
            }
            if !blank { break }
            pointer += 1
        }
        let text = blank ? " " : String(cString: content)
        return Node(name: "", text: text, hint: "", attributes: [], parent: parent, end: end, isNeverContent: false)
    }
}
