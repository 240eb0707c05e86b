// SPDX-License-Identifier: Apache-2.0

/// Parameters of `io.newsd.Search`.
public struct SearchRequest: Codable, Sendable, Hashable {
    public var query: String
    public var limit: Int?
    public var offset: Int?
    /// `relevance` (default), `newest` or `oldest`; a `sort:` in the query wins.
    public var sort: String?
    /// Date bounds in the query language's forms (`2025-03-01`, `7d`), as `since:`/`until:` would take.
    public var since: String?
    public var until: String?
    /// The recency blend's half-life in days; 0 turns it off. Default: the daemon's configuration.
    public var halfLifeDays: Double?
    /// Show near-duplicates as separate hits instead of folding them into the earliest.
    public var all: Bool?
    /// Count the matches by source, month and section.
    public var facets: Bool?
    /// Return the parsed query, the expansions and each hit's score parts.
    public var explain: Bool?

    public init(
        query: String, limit: Int? = nil, offset: Int? = nil, sort: String? = nil, since: String? = nil,
        until: String? = nil, halfLifeDays: Double? = nil, all: Bool? = nil, facets: Bool? = nil,
        explain: Bool? = nil
    ) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.sort = sort
        self.since = since
        self.until = until
        self.halfLifeDays = halfLifeDays
        self.all = all
        self.facets = facets
        self.explain = explain
    }

    enum CodingKeys: String, CodingKey {
        case query, limit, offset, sort, since, until, all, facets, explain
        case halfLifeDays = "half_life_days"
    }
}

/// The reply of `io.newsd.Search`.
public struct SearchReply: Codable, Sendable, Hashable {
    /// Matching articles (near-duplicates counted once unless `all`), partial matches excluded.
    public var total: Int
    public var hits: [SearchHit]
    public var tookMilliseconds: Double
    /// Sentences for the user: literal fallbacks, auto-corrections, alias expansions, partial matches.
    public var notes: [String]
    /// Closest indexed terms for words that match nothing or almost nothing.
    public var suggestions: [SpellingSuggestion]
    /// The query whose results are shown, when newsd corrected the one typed.
    public var correctedQuery: String?
    public var facets: SearchFacets?
    public var explanation: QueryExplanation?

    public init(
        total: Int, hits: [SearchHit], tookMilliseconds: Double, notes: [String] = [],
        suggestions: [SpellingSuggestion] = [], correctedQuery: String? = nil, facets: SearchFacets? = nil,
        explanation: QueryExplanation? = nil
    ) {
        self.total = total
        self.hits = hits
        self.tookMilliseconds = tookMilliseconds
        self.notes = notes
        self.suggestions = suggestions
        self.correctedQuery = correctedQuery
        self.facets = facets
        self.explanation = explanation
    }

    enum CodingKeys: String, CodingKey {
        case total, hits, notes, suggestions, facets, explanation
        case tookMilliseconds = "took_ms"
        case correctedQuery = "corrected_query"
    }
}

/// "Did you mean": a word of the query and the indexed term that is probably meant.
public struct SpellingSuggestion: Codable, Sendable, Hashable {
    public var term: String
    public var suggestion: String
    /// How many articles hold the suggestion.
    public var articles: Int

    public init(term: String, suggestion: String, articles: Int) {
        self.term = term
        self.suggestion = suggestion
        self.articles = articles
    }
}

/// Match counts by source, month (`YYYY-MM`) and section, most frequent first.
public struct SearchFacets: Codable, Sendable, Hashable {
    public var sources: [FacetCount]
    public var months: [FacetCount]
    public var sections: [FacetCount]

    public init(sources: [FacetCount], months: [FacetCount], sections: [FacetCount]) {
        self.sources = sources
        self.months = months
        self.sections = sections
    }
}

public struct FacetCount: Codable, Sendable, Hashable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// What `explain` shows about the query as a whole.
public struct QueryExplanation: Codable, Sendable, Hashable {
    /// The FTS5 MATCH expression the query compiled to (`null` for filters only).
    public var match: String?
    /// The SQL filter on articles, with its arguments inlined for reading.
    public var filter: String?
    public var sort: String
    /// Alias expansions applied, as `name → alternatives`.
    public var expansions: [String]
    public var halfLifeDays: Double

    public init(match: String?, filter: String?, sort: String, expansions: [String], halfLifeDays: Double) {
        self.match = match
        self.filter = filter
        self.sort = sort
        self.expansions = expansions
        self.halfLifeDays = halfLifeDays
    }

    enum CodingKeys: String, CodingKey {
        case match, filter, sort, expansions
        case halfLifeDays = "half_life_days"
    }
}

/// How one hit's score was made.
public struct ScoreParts: Codable, Sendable, Hashable {
    /// Relevance: bm25 with the column weights, negated so that higher is better.
    public var bm25: Double
    /// The recency multiplier (1 when the blend is off).
    public var recency: Double
    /// The age used for it, in days (`null` when the article has no date).
    public var ageDays: Double?

    public init(bm25: Double, recency: Double, ageDays: Double?) {
        self.bm25 = bm25
        self.recency = recency
        self.ageDays = ageDays
    }

    enum CodingKeys: String, CodingKey {
        case bm25, recency
        case ageDays = "age_days"
    }
}

/// One ranked result.
public struct SearchHit: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var file: String?
    public var source: String?
    public var url: String?
    public var publishedAt: String?
    public var score: Double
    /// The best passage, with each matched term between `SearchHit.markOpen` and `markClose`.
    public var snippet: String
    /// The article matches only some of the query's words (the long-query fallback).
    public var partial: Bool?
    /// Ids of near-duplicates folded into this hit.
    public var similar: [String]?
    public var scoreParts: ScoreParts?

    /// Marks around a matched term in `snippet`: the HTML tags web search APIs use, so
    /// that a web page can show snippets as they are.
    public static let markOpen = "<mark>"
    public static let markClose = "</mark>"

    public init(
        id: String, title: String, file: String?, source: String? = nil, url: String? = nil,
        publishedAt: String? = nil, score: Double, snippet: String, partial: Bool? = nil, similar: [String]? = nil,
        scoreParts: ScoreParts? = nil
    ) {
        self.id = id
        self.title = title
        self.file = file
        self.source = source
        self.url = url
        self.publishedAt = publishedAt
        self.score = score
        self.snippet = snippet
        self.partial = partial
        self.similar = similar
        self.scoreParts = scoreParts
    }

    enum CodingKeys: String, CodingKey {
        case id, title, file, source, url, score, snippet, partial, similar
        case publishedAt = "published_at"
        case scoreParts = "score_parts"
    }
}
