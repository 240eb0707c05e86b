// SPDX-License-Identifier: Apache-2.0

/// `SearchReply` as JSON without `JSONEncoder` (see ``JSONWriter``): the same members under the
/// same keys, in sorted order. `SearchReplyJSONTests` decodes the text back with `JSONDecoder`.
extension SearchReply {
    public func json() throws(JSONWriter.NonFiniteNumber) -> [UInt8] {
        var writer = JSONWriter()
        try write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        try writer.object { (writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) in
            writer.member("corrected_query", correctedQuery)
            if let explanation {
                writer.key("explanation")
                try explanation.write(to: &writer)
            }
            if let facets {
                writer.key("facets")
                facets.write(to: &writer)
            }
            writer.key("hits")
            try writer.array(hits) { (writer: inout JSONWriter, hit) throws(JSONWriter.NonFiniteNumber) in
                try hit.write(to: &writer)
            }
            writer.member("notes", notes)
            writer.key("suggestions")
            writer.array(suggestions) { writer, suggestion in suggestion.write(to: &writer) }
            try writer.member("took_ms", tookMilliseconds)
            writer.member("total", total)
        }
    }
}

extension SearchHit {
    func write(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        try writer.object { (writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) in
            writer.member("file", file)
            writer.member("id", id)
            writer.member("partial", partial)
            writer.member("published_at", publishedAt)
            try writer.member("score", score)
            if let scoreParts {
                writer.key("score_parts")
                try scoreParts.write(to: &writer)
            }
            writer.member("similar", similar)
            writer.member("snippet", snippet)
            writer.member("source", source)
            writer.member("title", title)
            writer.member("url", url)
        }
    }
}

extension ScoreParts {
    func write(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        try writer.object { (writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) in
            try writer.member("age_days", ageDays)
            try writer.member("bm25", bm25)
            try writer.member("recency", recency)
        }
    }
}

extension QueryExplanation {
    func write(to writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) {
        try writer.object { (writer: inout JSONWriter) throws(JSONWriter.NonFiniteNumber) in
            writer.member("expansions", expansions)
            writer.member("filter", filter)
            try writer.member("half_life_days", halfLifeDays)
            writer.member("match", match)
            writer.member("sort", sort)
        }
    }
}

extension SearchFacets {
    func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("months")
            Self.write(months, to: &writer)
            writer.key("sections")
            Self.write(sections, to: &writer)
            writer.key("sources")
            Self.write(sources, to: &writer)
        }
    }

    private static func write(_ counts: [FacetCount], to writer: inout JSONWriter) {
        writer.array(counts) { writer, count in
            writer.object { writer in
                writer.member("count", count.count)
                writer.member("value", count.value)
            }
        }
    }
}

extension SpellingSuggestion {
    func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.member("articles", articles)
            writer.member("suggestion", suggestion)
            writer.member("term", term)
        }
    }
}
