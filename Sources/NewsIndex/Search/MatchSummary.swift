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
    /// Articles matching.
    var matches: Int
    /// What the reply reports: clusters when folding and the matches fit the window, else `matches`.
    var total: Int
    /// The lowest row id inside the ranking window, when the matches overflow it.
    var windowStart: Int64?

    /// Counts `scope`, or takes the counts from `cache` when this generation of the index has
    /// already been counted for the same query.
    ///
    /// `findsWindowStart` is false when the search sorts by date and ranks nothing.
    static func read(
        _ scope: MatchScope, fold: Bool, window: Int, findsWindowStart: Bool, cache: MatchSummaryCache?,
        in db: Database
    ) throws -> MatchSummary {
        let key = MatchSummaryCache.Key(
            match: scope.match, filter: scope.filterText, fold: fold, window: window,
            findsWindowStart: findsWindowStart)
        let generation = try cache.flatMap { _ in try IndexGeneration.read(in: db) }
        if let cache, let generation, let cached = cache.summary(for: key, in: generation) {
            return cached
        }
        let summary = try count(scope, fold: fold, window: window, findsWindowStart: findsWindowStart, in: db)
        if let cache, let generation { cache.record(summary, for: key, in: generation) }
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
                        "SELECT \(PhraseRowsFunction.name)(articles_fts, ?) FROM \(from) WHERE \(scope.condition) LIMIT 1"
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

/// Summaries of recent searches, valid until the index changes; shared by every search.
final class MatchSummaryCache: Sendable {
    struct Key: Hashable, Sendable {
        var match: String?
        var filter: String?
        var fold: Bool
        var window: Int
        var findsWindowStart: Bool
    }

    private struct State {
        var generation: Data?
        var summaries: [Key: MatchSummary] = [:]
    }

    /// Queries remembered at most; past that the cache starts over.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    func summary(for key: Key, in generation: Data) -> MatchSummary? {
        state.withLock { state in
            state.generation == generation ? state.summaries[key] : nil
        }
    }

    func record(_ summary: MatchSummary, for key: Key, in generation: Data) {
        state.withLock { state in
            if state.generation != generation || state.summaries.count >= capacity {
                state = State(generation: generation)
            }
            state.summaries[key] = summary
        }
    }
}

/// Which articles the full-text index holds, as of the current read transaction.
///
/// FTS5 keeps the list of its segments in one record of its data table (id 10, the structure
/// record, which begins with a cookie FTS5 increments on every change). A transaction that adds
/// or deletes rows writes its changes as a new segment when it commits, and a merge replaces
/// segments: either way the record changes. Its bytes therefore name the index's contents
/// between two commits; a merge, which changes no count, only costs a recount.
enum IndexGeneration {
    static func read(in db: Database) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT block FROM articles_fts_data WHERE id = 10"))
    }
}
