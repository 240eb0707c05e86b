// SPDX-License-Identifier: Apache-2.0
import GRDB

/// The long-query fallback: when all the words together find (almost) nothing, drop the least
/// useful words until something matches, as Meilisearch's matching strategy does, so that a
/// sentence typed as a query still finds what it describes.
///
/// "Least useful" first means words no article contains (they can only block), then the most
/// common ones (they say least about which article is meant).
struct PartialMatcher {
    let weights: ColumnWeights

    func partialMatches(
        for query: ParsedQuery, excluding seen: Set<Int64>, count: Int, blend: RecencyBlend, db: Database
    ) throws -> (hits: [Candidate], note: String) {
        var frequencies: [(term: QueryTerm, articles: Int)] = []
        for term in query.positiveTerms {
            let articles =
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"),
                    arguments: [term.fts5String]
                ) ?? 0
            frequencies.append((term, articles))
        }
        var dropped = Set(frequencies.filter { $0.articles == 0 }.map(\.term.id))
        let byFrequency = frequencies.filter { $0.articles > 0 }.sorted { $0.articles > $1.articles }.map(\.term)
        var order = byFrequency.makeIterator()
        var hits: [Candidate] = []
        var seen = seen
        var keptAtFirstHit: [String] = []
        // Each round drops one more word; what it finds ranks after what earlier rounds found,
        // since those matched more of the query.
        while hits.count < count, dropped.count < query.positiveTerms.count {
            if !dropped.isEmpty, let match = query.compiledMatch(droppingTerms: dropped) {
                let scope = MatchScope(match: match, filters: query.filters)
                let found = try CandidateRanker(weights: weights).candidates(
                    in: scope, sort: .relevance, count: count - hits.count + seen.count, blend: blend, db: db
                ).filter { !seen.contains($0.rowID) }
                if !found.isEmpty && keptAtFirstHit.isEmpty {
                    keptAtFirstHit = query.positiveTerms.filter { !dropped.contains($0.id) }.map(\.text)
                }
                for var candidate in found.prefix(count - hits.count) {
                    candidate.partial = true
                    seen.insert(candidate.rowID)
                    hits.append(candidate)
                }
            }
            guard let next = order.next() else { break }
            dropped.insert(next.id)
        }
        let note =
            "few articles match every word; partial matches follow, the first matching: "
            + keptAtFirstHit.joined(separator: " ")
        return (hits, note)
    }
}
