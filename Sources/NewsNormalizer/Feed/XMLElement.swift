// SPDX-License-Identifier: Apache-2.0
import CLibXML2

/// A read-only view of one element in a libxml2 tree, for reading feed items.
///
/// Valid only while the tree it points into is alive: in `FeedReader` that is the time between
/// `xmlTextReaderExpand` and the next read, so values never escape the item being read.
struct XMLElement {
    let node: xmlNodePtr

    /// The name without its namespace prefix (`encoded` for `content:encoded`).
    var localName: String { String(cString: node.pointee.name) }

    /// The namespace URI, or "" when the element has none.
    var namespace: String {
        guard let href = node.pointee.ns?.pointee.href else { return "" }
        return String(cString: href)
    }

    /// Child elements, in order.
    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current)) }
            child = current.pointee.next
        }
        return result
    }

    /// The first child element with this local name.
    func child(_ name: String) -> XMLElement? {
        children.first { $0.localName == name }
    }

    /// All text under the element, entities and CDATA decoded.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { newsd_xml_free(content) }
        return String(cString: content)
    }

    func attribute(_ name: String) -> String? {
        let value = name.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlGetProp(node, $0) }
        }
        guard let value else { return nil }
        defer { newsd_xml_free(value) }
        return String(cString: value)
    }
}
