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
    /// Rows of near-duplicates folded into this one; their public ids are read by `describe`.
    var similarRowIDs: [Int64] = []
    var similar: [String] = []

    var score: Double { bm25 * recency }

    /// What ranking reads for every candidate: only columns of the `articles_ranking` index.
    static let rankingColumns = "a.id, a.published_at, a.published_offset, a.cluster_id"

    init(row: Row, bm25: Double, blend: RecencyBlend) {
        rowID = row["id"]
        publicID = ""
        title = ""
        publishedAt = row["published_at"]
        publishedOffset = row["published_offset"]
        clusterID = row["cluster_id"]
        self.bm25 = bm25
        (recency, ageDays) = blend.factor(publishedAt: publishedAt)
    }

    /// Fills in what a hit shows (id, title, file, source, url) for the candidates kept: read
    /// from the table only for these few rows.
    static func describe(_ candidates: [Candidate], in db: Database) throws -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let ids = candidates.flatMap { [$0.rowID] + $0.similarRowIDs }
        var rows: [Int64: Row] = [:]
        // The ids go in as one JSON array, so that one cached statement serves any number of
        // hits: with a placeholder per id, every search compiled its own.
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.id, a.public_id, a.title, a.source, a.url, f.path
                    FROM articles a LEFT JOIN files f ON f.id = a.file_id
                    WHERE a.id IN (SELECT value FROM json_each(?))
                    """),
            arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"])
        {
            rows[row["id"]] = row
        }
        return candidates.compactMap { candidate in
            guard let row = rows[candidate.rowID] else { return nil }
            var described = candidate
            described.publicID = row["public_id"]
            described.title = row["title"]
            described.source = row["source"]
            described.url = row["url"]
            described.path = row["path"]
            described.similar = candidate.similarRowIDs.compactMap { rows[$0]?["public_id"] }
            return described
        }
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
        let rank = scope.match == nil ? "0" : RankFunction.call(weights: weights, phraseCount: scope.phrases.count)
        let rankArguments = scope.match == nil ? StatementArguments() : StatementArguments(scope.phrases)
        let order: String
        switch sort {
        case .relevance: order = "rank"
        case .newest: order = "a.published_at IS NULL, a.published_at DESC, a.id DESC"
        case .oldest: order = "a.published_at IS NULL, a.published_at ASC, a.id ASC"
        }
        var candidates: [Candidate]
        if sort == .relevance, let textOnlyFrom = scope.textOnlyFrom {
            // bm25 from the doclists alone; only the rows kept are then joined to their columns,
            // in the same statement.
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(Candidate.rankingColumns), ranked.rank FROM (
                            SELECT articles_fts.rowid AS id, \(rank) AS rank FROM \(textOnlyFrom)
                            WHERE \(scope.condition) ORDER BY rank LIMIT ?
                        ) AS ranked
                        JOIN articles a INDEXED BY articles_ranking ON a.id = ranked.id
                        ORDER BY ranked.rank
                        """),
                arguments: rankArguments + scope.arguments + [count])
            candidates = rows.map { Candidate(row: $0, bm25: -($0["rank"] as Double), blend: blend) }
        } else {
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(Candidate.rankingColumns), \(rank) AS rank
                        FROM \(scope.from)
                        WHERE \(scope.condition) ORDER BY \(order) LIMIT ?
                        """),
                arguments: rankArguments + scope.arguments + [count])
            candidates = rows.map { Candidate(row: $0, bm25: -($0["rank"] as Double), blend: blend) }
        }
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
                replacement.similarRowIDs = kept.similarRowIDs + [kept.rowID]
                replacement.bm25 = kept.bm25
                replacement.recency = kept.recency
                kept = replacement
            } else {
                kept.similarRowIDs.append(candidate.rowID)
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
