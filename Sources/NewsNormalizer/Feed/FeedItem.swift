// SPDX-License-Identifier: Apache-2.0

/// One RSS `<item>` or Atom `<entry>`, read into plain values.
///
/// RSS 2.0, RSS 1.0 and Atom name the same things differently; this is where the names meet.
/// Full content (`content:encoded`, Atom `<content>`) is preferred over the summary
/// (`<description>`, `<summary>`), which feeds often truncate.
struct FeedItem {
    var title = ""
    var link: String?
    var authors: [String] = []
    var published: String?
    var updated: String?
    var categories: [String] = []
    /// The full text, as paragraphs already.
    var content: [String] = []
    var summary: [String] = []
    var language: String?

    private static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"

    init(_ element: XMLElement) {
        language = element.attribute("lang")
        var alternateLink: String?
        for child in element.children {
            switch child.localName {
            case "title":
                title = TextCleaner.cleanInline(Self.paragraphs(of: child).joined(separator: " "))
            case "link":
                if let href = child.attribute("href") {
                    let rel = child.attribute("rel") ?? "alternate"
                    if rel == "alternate", alternateLink == nil { alternateLink = href }
                } else if link == nil {
                    link = TextCleaner.cleanInline(child.text)
                }
            case "guid", "id":
                let value = TextCleaner.cleanInline(child.text)
                if link == nil, value.hasPrefix("http"), child.attribute("isPermaLink") != "false" { link = value }
            case "author", "creator", "contributor":
                let name = child.child("name")?.text ?? child.text
                let cleaned = Self.authorName(name)
                if !cleaned.isEmpty, !authors.contains(cleaned) { authors.append(cleaned) }
            case "pubDate", "published", "issued":
                published = published ?? child.text
            case "updated", "date", "modified":
                updated = updated ?? child.text
            case "category", "subject":
                let term = child.attribute("term") ?? child.text
                let cleaned = TextCleaner.cleanInline(term)
                if !cleaned.isEmpty, !categories.contains(cleaned) { categories.append(cleaned) }
            case "encoded" where child.namespace == Self.contentNamespace:
                content = HTMLReader.fragmentParagraphs(child.text)
            case "content":
                if content.isEmpty { content = Self.paragraphs(of: child) }
            case "description", "summary":
                if summary.isEmpty { summary = Self.paragraphs(of: child) }
            default:
                break
            }
        }
        if let alternateLink { link = alternateLink }
    }

    /// Paragraphs of an element that may hold text, escaped HTML, or Atom's inline XHTML.
    private static func paragraphs(of element: XMLElement) -> [String] {
        switch element.attribute("type") {
        case "xhtml":
            return ParagraphWriter.fragmentParagraphs(HTMLTree(copying: element.node))
        case "text":
            return TextCleaner.paragraphs(element.text)
        default:
            // RSS never says, and publishers put HTML in titles and descriptions alike.
            return HTMLReader.fragmentParagraphs(element.text)
        }
    }

    /// RSS `<author>` is an e-mail address, often with the name in parentheses: keep the name.
    private static func authorName(_ text: String) -> String {
        let cleaned = TextCleaner.cleanInline(text)
        if let open = cleaned.firstIndex(of: "("), let close = cleaned.lastIndex(of: ")"), open < close,
            cleaned[..<open].contains("@")
        {
            return TextCleaner.cleanInline(String(cleaned[cleaned.index(after: open)..<close]))
        }
        return cleaned
    }
}
