// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The article facts a page states in schema.org JSON-LD (`<script type="application/ld+json">`).
///
/// Publishers fill JSON-LD for search engines, so it is often the most careful metadata on a
/// page, but its shapes vary: an object, an array, a `@graph`, authors as a string, an object or
/// an array of either. Everything here is read defensively and only from article types.
struct LinkedDataArticle: Sendable {
    var headline: String?
    var authors: [String] = []
    var datePublished: String?
    var section: String?
    var keywords: [String] = []
    var publisher: String?
    var language: String?
    var url: String?
    var articleBody: String?

    /// schema.org types that describe an article; `@type` may hold several.
    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "blogposting", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "report",
        "scholarlyarticle", "techarticle", "socialmediaposting", "webpage",
    ]

    /// Reads the first article object found in the given JSON-LD script texts; `nil` if none.
    ///
    /// A `WebPage` counts only when nothing better is present, since many pages describe the
    /// page and the article separately.
    static func first(in scripts: [String]) -> LinkedDataArticle? {
        var fallback: [String: Any]?
        for script in scripts {
            guard let data = script.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            // Breadth-first over arrays and @graph, bounded so a hostile script cannot spin.
            var queue: [Any] = [json]
            var visited = 0
            while !queue.isEmpty, visited < 500 {
                let item = queue.removeFirst()
                visited += 1
                if let array = item as? [Any] {
                    queue.append(contentsOf: array)
                    continue
                }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { queue.append(graph) }
                let types = strings(object["@type"]).map { $0.lowercased() }
                if types.contains(where: { articleTypes.contains($0) && $0 != "webpage" }) {
                    return LinkedDataArticle(object)
                }
                if types.contains("webpage") {
                    if fallback == nil, object["headline"] != nil { fallback = object }
                    if let main = object["mainEntity"] { queue.append(main) }
                }
            }
        }
        return fallback.map(LinkedDataArticle.init)
    }

    private init(_ object: [String: Any]) {
        headline = Self.strings(object["headline"]).first ?? Self.strings(object["name"]).first
        authors = Self.names(object["author"])
        datePublished = Self.strings(object["datePublished"]).first ?? Self.strings(object["dateCreated"]).first
        section = Self.strings(object["articleSection"]).first
        keywords = Self.strings(object["keywords"]).flatMap { $0.split(separator: ",").map(String.init) }
        publisher = Self.names(object["publisher"]).first
        language = Self.strings(object["inLanguage"]).first ?? Self.names(object["inLanguage"]).first
        url = Self.strings(object["url"]).first
        articleBody = Self.strings(object["articleBody"]).first
    }

    /// A string, or the strings in an array; anything else gives nothing.
    private static func strings(_ value: Any?) -> [String] {
        switch value {
        case let string as String: [string]
        case let array as [Any]: array.compactMap { $0 as? String }
        default: []
        }
    }

    /// Names of people or organisations given as strings, objects with `name`, or arrays of either.
    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let string as String: [string]
        case let object as [String: Any]: strings(object["name"]).prefix(1).map { $0 }
        case let array as [Any]: array.flatMap { element in names(element) }
        default: []
        }
    }
}
