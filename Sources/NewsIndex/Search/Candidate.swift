// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI

/// One article the ranking is considering, with the parts of its score.
struct Candidate: Sendable {
    var rowID: Int64
    var publicID: String
    var title: String
    var path: String?
    var source: String?
    var url: String?
    var publishedAt: Double?
    var publishedOffset: Int?
    var clusterID: Int64?
    var bm25: Double
    var recency: Double
    var ageDays: Double?
    var partial = false
    var similar: [String] = []

    var score: Double { bm25 * recency }

    /// The SELECT list `init(row:)` reads.
    static let columns =
        "a.id, a.public_id, a.title, f.path, a.source, a.url, a.published_at, a.published_offset, a.cluster_id"

    init(row: Row, bm25: Double, blend: RecencyBlend) {
        rowID = row["id"]
        publicID = row["public_id"]
        title = row["title"]
        path = row["path"]
        source = row["source"]
        url = row["url"]
        publishedAt = row["published_at"]
        publishedOffset = row["published_offset"]
        clusterID = row["cluster_id"]
        self.bm25 = bm25
        (recency, ageDays) = blend.factor(publishedAt: publishedAt)
    }

    func hit(snippet: String, explain: Bool) -> SearchHit {
        SearchHit(
            id: publicID, title: title, file: path, source: source, url: url,
            publishedAt: publishedAt.map { PublicationDateText.rfc3339(seconds: $0, offset: publishedOffset) },
            score: score, snippet: snippet, partial: partial ? true : nil,
            similar: similar.isEmpty ? nil : similar,
            scoreParts: explain ? ScoreParts(bm25: bm25, recency: recency, ageDays: ageDays) : nil)
    }
}

/// Fetches the best candidates of a scope: by bm25 (then re-ranked with recency), or by date.
struct CandidateRanker {
    let weights: ColumnWeights

    func candidates(
        in scope: MatchScope, sort: QuerySortOrder, count: Int, blend: RecencyBlend, db: Database
    ) throws -> [Candidate] {
        let rank = scope.match == nil ? "0" : "bm25(articles_fts, \(weights.sqlArguments))"
        let order: String
        switch sort {
        case .relevance: order = "rank"
        case .newest: order = "a.published_at IS NULL, a.published_at DESC, a.id DESC"
        case .oldest: order = "a.published_at IS NULL, a.published_at ASC, a.id ASC"
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(Candidate.columns), \(rank) AS rank
                FROM \(scope.from) LEFT JOIN files f ON f.id = a.file_id
                WHERE \(scope.condition) ORDER BY \(order) LIMIT ?
                """,
            arguments: scope.arguments + [count])
        var candidates = rows.map { Candidate(row: $0, bm25: -($0["rank"] as Double), blend: blend) }
        if sort == .relevance {
            // Stable: equal scores keep bm25's order.
            candidates = candidates.enumerated().sorted { lhs, rhs in
                lhs.element.score != rhs.element.score ? lhs.element.score > rhs.element.score : lhs.offset < rhs.offset
            }.map(\.element)
        }
        return candidates
    }
}

/// Folds near-duplicates (one SimHash cluster) into one hit: the earliest published, ranked
/// where the cluster's best member ranked, listing the others' ids.
enum DuplicateFolder {
    static func fold(_ candidates: [Candidate]) -> [Candidate] {
        var positionOfCluster: [Int64: Int] = [:]
        var folded: [Candidate] = []
        for candidate in candidates {
            guard let cluster = candidate.clusterID else {
                folded.append(candidate)
                continue
            }
            guard let position = positionOfCluster[cluster] else {
                positionOfCluster[cluster] = folded.count
                folded.append(candidate)
                continue
            }
            var kept = folded[position]
            if isEarlier(candidate, than: kept) {
                var replacement = candidate
                replacement.similar = kept.similar + [kept.publicID]
                replacement.bm25 = kept.bm25
                replacement.recency = kept.recency
                kept = replacement
            } else {
                kept.similar.append(candidate.publicID)
            }
            folded[position] = kept
        }
        return folded
    }

    private static func isEarlier(_ lhs: Candidate, than rhs: Candidate) -> Bool {
        switch (lhs.publishedAt, rhs.publishedAt) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs.rowID < rhs.rowID
        }
    }
}
