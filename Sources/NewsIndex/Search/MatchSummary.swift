// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Synchronization

/// What a search learns about its whole set of matches before ranking any: how many there are,
/// how many once near-duplicates fold, and where the ranking window starts.
///
/// Counting walks every match's doclist entries (a common word's whole doclist at 100,000
/// articles), and the result depends only on the query and on which articles the index holds.
/// So, as Elasticsearch's request cache keeps hit counts until the next refresh, a
/// ``MatchSummaryCache`` keeps summaries until the next commit.
struct MatchSummary: Sendable, Hashable {
    /// What a summary depends on besides the index.
    struct Key: Hashable, Sendable {
        var match: String?
        var filter: String?
        var fold: Bool
        var window: Int
        var findsWindowStart: Bool
    }

    /// Articles matching.
    var matches: Int
    /// What the reply reports: clusters when folding and the matches fit the window, else `matches`.
    var total: Int
    /// The lowest row id inside the ranking window, when the matches overflow it.
    var windowStart: Int64?

    /// Counts `scope`, or takes the counts from `cache` when this generation of the index has
    /// already been counted for the same query.
    ///
    /// `findsWindowStart` is false when the search sorts by date and ranks nothing;
    /// `generation` is the one the search's transaction sees (`IndexGeneration.read`).
    static func read(
        _ scope: MatchScope, fold: Bool, window: Int, findsWindowStart: Bool, cache: MatchSummaryCache,
        generation: IndexGeneration?, in db: Database
    ) throws -> MatchSummary {
        let key = Key(
            match: scope.match, filter: scope.filterText, fold: fold, window: window,
            findsWindowStart: findsWindowStart)
        if let generation, let cached = cache.value(for: key, in: generation) {
            return cached
        }
        let summary = try count(scope, fold: fold, window: window, findsWindowStart: findsWindowStart, in: db)
        if let generation { cache.record(summary, for: key, in: generation) }
        return summary
    }

    private static func count(
        _ scope: MatchScope, fold: Bool, window: Int, findsWindowStart: Bool, in db: Database
    ) throws -> MatchSummary {
        let matches = try countMatches(scope, in: db)
        // Folded, the total counts clusters, which takes every match's cluster id: exact within
        // the ranking window, and past it the number of matching articles, as the note says.
        let total =
            fold && matches <= window
            ? try Int.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT count(DISTINCT coalesce(a.cluster_id, a.id)) FROM \(scope.from) WHERE \(scope.condition)"
                ),
                arguments: scope.arguments) ?? 0 : matches
        var windowStart: Int64?
        if findsWindowStart, scope.match != nil, matches > window {
            windowStart = try Int64.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT articles_fts.rowid FROM \(scope.textOnlyFrom ?? scope.from) WHERE \(scope.condition) ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?"
                ),
                arguments: scope.arguments + [window - 1])
        }
        return MatchSummary(matches: matches, total: total, windowStart: windowStart)
    }

    /// The number of matching articles. A lone phrase without filters matches the rows that
    /// contain it, which ranking counts too (`PhraseRowsFunction`): one walk serves both.
    private static func countMatches(_ scope: MatchScope, in db: Database) throws -> Int {
        if let from = scope.textOnlyFrom, scope.phrases.count == 1 {
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT \(PhraseRowsFunction.call) FROM \(from) WHERE \(scope.condition) LIMIT 1"
                ),
                arguments: [scope.phrases[0]] + scope.arguments)
            guard let row else { return 0 }
            if let rows = row[0] as Int? { return rows }
        }
        return try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT count(*) FROM \(scope.textOnlyFrom ?? scope.from) WHERE \(scope.condition)"),
            arguments: scope.arguments) ?? 0
    }
}

/// Summaries of recent searches, valid until the index changes.
typealias MatchSummaryCache = GenerationCache<MatchSummary.Key, MatchSummary>
