// SPDX-License-Identifier: Apache-2.0

/// What tag names and `class`/`id` words say about an element, in the manner of Readability.
///
/// Class names are the strongest signal a page gives about its own layout: templates call the
/// story `article-body` and the junk `related-links`. The lists are Readability's, extended
/// with the usual names of newsletter boxes, cookie banners and promotions.
enum ElementHints {
    /// Elements that are never article text, whatever they contain.
    ///
    /// `<form>` is not among them: ASP.NET pages wrap the whole body in one. Forms inside the
    /// content go through conditional cleaning instead.
    static let alwaysDropped: Set<String> = [
        "script", "head", "title", "nav", "aside", "footer", "header", "label", "dialog", "menu", "link", "meta",
    ]

    /// Elements that start a new paragraph; everything else flows inline.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "table",
        "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5",
        "h6", "figure", "figcaption", "dl", "dt", "dd", "form", "fieldset", "address", "hr", "details", "summary",
        "center", "body", "html", "hgroup",
    ]

    /// Elements whose own text is scored as a paragraph.
    static let scored: Set<String> = [
        "p", "pre", "td", "h2", "h3", "h4", "h5", "h6", "section", "div", "article", "main", "blockquote", "font",
        "center", "dd",
    ]

    /// Scoring elements that always count as one paragraph, even with blocks inside.
    static let paragraphLike: Set<String> = ["p", "pre", "td", "h2", "h3", "h4", "h5", "h6"]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    private static let unlikely = KeywordMatcher([
        "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox",
        "sidebar", "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager",
        "popup", "yom-remote", "share", "newsletter", "promo", "advert", "cookie", "subscribe", "outbrain",
        "taboola", "recirc", "most-popular", "trending",
    ])
    private static let maybeCandidate = KeywordMatcher([
        "and", "article", "body", "column", "content", "main", "shadow",
    ])

    private static let negative = KeywordMatcher([
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget", "social", "newsletter", "cookie", "breadcrumb", "menu", "advert", "byline",
        "caption", "credit",
    ])
    private static let positive = KeywordMatcher([
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ])
    /// Whole class words that mark advertising ("ad", "ads"): too short to match as substrings.
    private static let adWords: Set<Substring> = ["ad", "ads", "advertisement", "adsbygoogle", "dfp", "sponsored"]

    /// Readability's "unlikely candidate": chrome by its class or id, unless the name also says content.
    static func isUnlikely(_ hint: String) -> Bool {
        guard !hint.isEmpty else { return false }
        if hasAdWord(hint) { return true }
        guard unlikely.matches(hint) else { return false }
        return !maybeCandidate.matches(hint)
    }

    /// Readability's class weight: +25 for content words, −25 for chrome words, in class and id alike.
    static func classWeight(_ hint: String) -> Double {
        guard !hint.isEmpty else { return 0 }
        var weight = 0.0
        if negative.matches(hint) || hasAdWord(hint) { weight -= 25 }
        if positive.matches(hint) { weight += 25 }
        return weight
    }

    /// The starting score of a candidate container, by tag.
    static func tagWeight(_ name: String) -> Double {
        switch name {
        case "div", "article", "main", "section": 5
        case "pre", "td", "blockquote": 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": -5
        default: 0
        }
    }

    private static func hasAdWord(_ hint: String) -> Bool {
        hint.utf8.split { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) }.contains {
            adWords.contains(Substring($0))
        }
    }

    /// Whether `hint` names a share bar ("share", "sharing"): removed when short even inside content.
    static func isShare(_ hint: String) -> Bool {
        shareWords.matches(hint)
    }
    private static let shareWords = KeywordMatcher(["share", "sharing"])
}
