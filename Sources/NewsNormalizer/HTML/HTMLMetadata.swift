// SPDX-License-Identifier: Apache-2.0
import Foundation

/// What a page says about its article outside the body: `<meta>` (Open Graph, article:*),
/// JSON-LD, `<time>`, `<html lang>`, `<link rel=canonical>` and `<title>`.
///
/// Each field keeps the first source in the order below, which runs from what publishers fill
/// most carefully (Open Graph, JSON-LD; social networks and search engines read them) to what
/// templates fill loosely (`<meta name=keywords>`, the document title).
struct HTMLMetadata: Sendable {
    var title: String?
    var siteName: String?
    var url: String?
    var publishedText: String?
    var section: String?
    var tags: [String] = []
    var authors: [String] = []
    var description: String?
    var language: String?
    /// The first `<h1>` outside page chrome: the last resort for the title, and a line to keep out of the body.
    var heading: String?
    /// A JSON-LD `articleBody`, for pages whose markup holds no article text (rendered by scripts).
    var linkedDataBody: String?

    init(_ tree: HTMLTree) {
        var meta: [String: String] = [:]
        var articleTags: [String] = []
        var documentTitle: String?
        var canonical: String?
        var timeValue: String?
        var scripts: [String] = []
        for index in 0..<tree.count {
            let node = tree[index]
            switch node.name {
            case "meta":
                guard let content = node.attribute("content"), !content.isEmpty,
                    let key =
                        (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
                        ?? node.attribute("http-equiv"))?.lowercased()
                else { continue }
                if key == "article:tag" { articleTags.append(content) }
                if meta[key] == nil { meta[key] = content }
            case "html":
                if let lang = node.attribute("lang") ?? node.attribute("xml:lang"), !lang.isEmpty { language = lang }
            case "title":
                if documentTitle == nil { documentTitle = tree.text(of: index) }
            case "link":
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if canonical == nil, rel == "canonical" { canonical = node.attribute("href") }
            case "time":
                if timeValue == nil { timeValue = node.attribute("datetime") }
            case "script":
                scripts.append(tree.text(of: index))
            case "h1":
                if heading == nil, !node.isNeverContent { heading = TextCleaner.cleanInline(tree.text(of: index)) }
            default:
                break
            }
        }
        let linked = LinkedDataArticle.first(in: scripts)
        func first(_ values: String?...) -> String? {
            values.lazy.compactMap { $0.map(TextCleaner.cleanInline) }.first { !$0.isEmpty }
        }
        siteName = first(meta["og:site_name"], linked?.publisher, meta["application-name"])
        url = first(canonical, meta["og:url"], linked?.url)
        publishedText = first(
            meta["article:published_time"], linked?.datePublished, meta["date"], meta["pubdate"],
            meta["publishdate"], meta["dc.date"], meta["dcterms.date"], meta["datepublished"],
            meta["parsely-pub-date"], meta["sailthru.date"], timeValue
        )
        section = first(meta["article:section"], linked?.section)
        let keywordTags = (meta["keywords"] ?? meta["news_keywords"] ?? "").split(separator: ",").map(String.init)
        tags = Self.unique(
            articleTags.isEmpty
                ? (linked?.keywords.isEmpty == false ? linked!.keywords : keywordTags)
                : articleTags)
        let metaAuthors = [meta["author"], meta["article:author"], meta["parsely-author"]].compactMap { $0 }
            .filter { !$0.hasPrefix("http") }
        authors = Self.unique(linked?.authors.isEmpty == false ? linked!.authors : metaAuthors)
        description = first(meta["og:description"], meta["description"], meta["twitter:description"])
        language = first(
            language, linked?.language, meta["content-language"],
            meta["og:locale"].map {
                $0.replacingOccurrences(of: "_", with: "-")
            })
        if let heading, heading.isEmpty { self.heading = nil }
        linkedDataBody = linked?.articleBody
        let rawTitle = first(meta["og:title"], linked?.headline, meta["twitter:title"], heading, documentTitle)
        title = rawTitle.map { TitleCleaner.clean($0, siteName: siteName) }
    }

    /// Cleaned, non-empty, first occurrence only (case-insensitive), order kept.
    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for value in values {
            let cleaned = TextCleaner.cleanInline(value)
            guard !cleaned.isEmpty, seen.insert(cleaned.lowercased()).inserted else { continue }
            result.append(cleaned)
        }
        return result
    }
}
