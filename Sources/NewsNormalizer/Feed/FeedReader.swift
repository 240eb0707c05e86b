// SPDX-License-Identifier: Apache-2.0
import CLibXML2
import Foundation

/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item.
///
/// The feed is read with libxml2's streaming reader, one item expanded at a time and released
/// once read, so a feed with 100,000 items never holds more than one item's tree beside the
/// articles themselves. The parser runs without network access, without entity substitution
/// and without the "huge" limits lifted: an external entity (XXE) or a billion-laughs feed gets
/// nothing, and a malformed feed keeps the items read before the damage.
enum FeedReader {
    static func read(_ bytes: Data, fileName: String) throws(NormalizationError) -> [Article] {
        var options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue
        )
        // XMLCommentStripper reads bytes as ASCII, so a UTF-16 feed is read as UTF-8, whatever its declaration says.
        var bytes = bytes
        if let text = TextDecoder.utf16(bytes) {
            bytes = Data(text.utf8)
            options |= Int32(XML_PARSE_IGNORE_ENC.rawValue)
        }
        bytes = XMLCommentStripper.stripped(bytes)
        let reader = bytes.withUnsafeBytes { buffer in
            xmlReaderForMemory(
                buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, nil, options
            )
        }
        guard let reader else { throw NormalizationError(.malformed, "libxml2 could not start reading the feed") }
        defer { xmlFreeTextReader(reader) }

        var channel = ChannelInfo()
        var items: [FeedItem] = []
        var sawRoot = false
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            guard xmlTextReaderNodeType(reader) == 1, let namePointer = xmlTextReaderConstLocalName(reader) else {
                status = xmlTextReaderRead(reader)
                continue
            }
            let name = String(cString: namePointer)
            let depth = Int(xmlTextReaderDepth(reader))
            if !sawRoot {
                sawRoot = true
                guard ["rss", "feed", "RDF", "rdf"].contains(name) else {
                    throw NormalizationError(.unsupported, "the XML root is <\(name)>, not an RSS or Atom feed")
                }
                if name == "feed", let lang = channel.attribute(reader, "xml:lang") { channel.language = lang }
            }
            switch name {
            case "item", "entry":
                if let node = xmlTextReaderExpand(reader) { items.append(FeedItem(XMLElement(node: node))) }
                status = xmlTextReaderNext(reader)
                continue
            case "channel":
                channel.depth = depth
            case "title" where depth == channel.depth + 1 && channel.title == nil:
                channel.title = xmlTextReaderExpand(reader).map { TextCleaner.cleanInline(XMLElement(node: $0).text) }
                status = xmlTextReaderNext(reader)
                continue
            case "language" where depth == channel.depth + 1 && channel.language == nil:
                channel.language = xmlTextReaderExpand(reader).map {
                    TextCleaner.cleanInline(XMLElement(node: $0).text)
                }
                status = xmlTextReaderNext(reader)
                continue
            default:
                break
            }
            status = xmlTextReaderRead(reader)
        }
        guard sawRoot else { throw NormalizationError(.malformed, "the feed is not well-formed XML") }
        if items.isEmpty, status < 0 {
            throw NormalizationError(.malformed, "the feed is not well-formed XML before its first item")
        }
        return items.compactMap { article(from: $0, channel: channel) }
    }

    private struct ChannelInfo {
        /// Depth of `<channel>` (RSS) or 0 for the `<feed>` root (Atom), whose `<title>` names the feed.
        var depth = 0
        var title: String?
        var language: String?

        func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
            let value = name.withCString { cName in
                cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
                    xmlTextReaderGetAttribute(reader, $0)
                }
            }
            guard let value else { return nil }
            defer { newsd_xml_free(value) }
            return String(cString: value)
        }
    }

    private static func article(from item: FeedItem, channel: ChannelInfo) -> Article? {
        let paragraphs = item.content.isEmpty ? item.summary : item.content
        guard !paragraphs.isEmpty || !item.title.isEmpty else { return nil }
        var subtitle: String?
        if !item.content.isEmpty, let summary = item.summary.first,
            let first = paragraphs.first, !first.hasPrefix(summary.prefix(60))
        {
            subtitle = item.summary.joined(separator: " ")
        }
        return Article(
            title: item.title,
            subtitle: subtitle,
            authors: item.authors,
            publishedAt: (item.published ?? item.updated).flatMap(InterimDateParser.parse),
            source: channel.title.flatMap { $0.isEmpty ? nil : $0 },
            url: item.link.flatMap { $0.isEmpty ? nil : $0 },
            tags: item.categories,
            language: item.language ?? channel.language,
            paragraphs: paragraphs,
            format: .feed
        )
    }
}
