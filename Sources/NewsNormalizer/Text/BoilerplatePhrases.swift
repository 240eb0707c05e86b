// SPDX-License-Identifier: Apache-2.0

/// Phrases that mark a line as page furniture rather than article text.
///
/// Two strengths: a *closing* phrase ("Read more", "Related articles", "Subscribe", a copyright
/// line) usually means the article has ended and teasers or footers follow, so it is a wall the
/// main-block search does not cross lightly; an *inline* phrase ("Advertisement", "Share this",
/// a photo credit) is dropped where it stands, because sites put those inside articles too.
/// Only short lines are tested: a long paragraph that mentions "newsletter" is still prose.
enum BoilerplatePhrases {
    enum Strength: Sendable { case inline, closing }

    /// The strength of the phrase `line` contains, or `nil` when it contains none.
    static func match(_ line: Substring, features: LineFeatures) -> Strength? {
        guard features.length < 320 else {
            // Cookie banners and legal notices are long prose; only their own phrases give them away.
            guard features.length < 1500 else { return nil }
            return longNoticeMatcher.matchesFoldingASCII(line) ? .closing : nil
        }
        let lower = PhraseMatcher.lowercasedBytes(line)
        if lower.count <= 20, exactInlineSet.contains(lower) { return .inline }
        // "Image copyright Getty Images" sits between an article's paragraphs: a credit, not a footer.
        if creditPrefixes.contains(where: { lower.starts(with: $0) }) { return .inline }
        if alwaysClosingMatcher.matches(lower) { return .closing }
        // Prose that happens to mention one of the other phrases ("racist comments about Henry",
        // "hear more from Jakob Nielsen") is left alone.
        let isProse = features.words >= 12 && features.endsSentence && features.length >= 80
        if isProse { return nil }
        if closingMatcher.matches(lower) { return .closing }
        if inlineMatcher.matches(lower) { return .inline }
        if features.words <= 3, shortClosingMatcher.matches(lower) { return .closing }
        // A comment's header ("joetoronto says:", "Catherine on May 3, 2018 at 5:23 pm said:"): each
        // comment becomes its own walled-off block, so a long thread cannot outweigh the article.
        if features.words <= 14, features.endsWithColon,
            commentHeaderEndings.contains(where: { lower.count >= $0.count && lower.suffix($0.count).elementsEqual($0) }
            )
        {
            return .closing
        }
        return nil
    }

    private static let commentHeaderEndings: [[UInt8]] = [
        "says:", "said:", "wrote:", "disse:", "a écrit :", "schreibt:",
    ]
    .map { Array($0.utf8) }
    private static let alwaysClosingMatcher = PhraseMatcher(alwaysClosing)
    private static let longNoticeMatcher = PhraseMatcher([
        "uses cookies", "use cookies", "cookie policy", "all rights reserved", "utiliza cookies", "utilise des cookies",
        "verwendet cookies",
    ])
    private static let creditPrefixes = [
        "image copyright", "image caption", "image source", "media caption", "picture copyright", "photo copyright",
    ]
    .map { Array($0.utf8) }
    private static let exactInlineSet = Set(exactInline.map { Array($0.utf8) })
    private static let closingMatcher = PhraseMatcher(closing)
    private static let inlineMatcher = PhraseMatcher(inline)
    private static let shortClosingMatcher = PhraseMatcher(shortClosing)

    /// Lines that are exactly one of these, wherever they stand.
    private static let exactInline: [String] = [
        "advertisement", "anzeige", "publicité", "publicidad", "pubblicità", "реклама", "sponsored",
        "share", "tweet", "email", "reply", "responder", "répondre", "antworten", "print", "close", "menu", "search",
        "home", "loading...", "skip to content",
    ]

    /// Phrases that mark furniture even in a long, sentence-like line (cookie banners, copyright lines).
    private static let alwaysClosing: [String] = [
        "keep reading", "show less", "we use cookies", "all rights reserved", "©", "copyright (c)", "accept all",
        "photo credit", "image credit", "top photo", "uses cookies", "comentários", "commentaires", "kommentare",
        "comentarios", "responses to", "thoughts on", "replies to",
    ]

    private static let closing: [String] = [
        "keep reading", "show less", "read more", "read next", "continue reading", "related articles",
        "related stories", "related posts", "related content", "related coverage", "related topics",
        "you may also like", "you might also like", "recommended for you", "more from", "more stories",
        "most popular", "most read", "most viewed", "trending now", "subscribe", "sign up", "newsletter",
        "cookie", "all rights reserved", "©", "copyright", "terms of use", "terms of service", "privacy policy",
        "follow us", "leave a comment", "leave a reply", "log in", "sign in", "create an account",
        "photo credit", "image credit", "top photo", "what to read next", "don't miss", "you may be interested",
        "weiterlesen", "mehr zum thema", "abonnieren", "anmelden", "lire aussi", "lire la suite",
        "à lire aussi", "abonnez", "s'abonner", "leer más", "lee también", "suscríbete", "noticias relacionadas",
        "leia mais", "leia também", "assine", "leggi anche", "iscriviti", "читайте также", "подписаться",
        "back to top", "jump to", "skip to", "powered by", "all comments", "join the conversation",
        "get the latest", "sponsored content", "paid content", "accept all", "we use cookies",
        "você pode gostar", "você também pode gostar", "vous aimerez aussi", "vous aimerez peut-être",
        "te puede interesar", "también te puede", "ti potrebbe interessare", "potrebbe interessarti",
        "das könnte sie auch", "auch interessant",
    ]

    private static let inline: [String] = [
        "advertisement", "share this", "share on", "share via", "share article", "click here", "click to",
        "getty images", "photograph:", "photo:", "image:", "credit:", "teilen", "partager", "compartir",
        "поделиться", "min read", "minute read", "listen to this", "audio version", "view gallery",
        "enlarge this image", "toggle caption", "hide caption", "/ap photo", "via ap", "(ap)", "/reuters",
    ]

    /// Single words that close an article when they stand alone as a heading.
    private static let shortClosing: [String] = [
        "related", "latest", "trending", "popular", "more news", "tags", "comments",
    ]
}
