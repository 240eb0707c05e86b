// SPDX-License-Identifier: Apache-2.0
public import Foundation
import GRDB
public import NewsAPI

/// Answers searches: the query language → FTS5 MATCH and SQL filters → ranked, folded hits
/// with snippets, plus the fallbacks that make a typed sentence or a typo still find something.
///
/// Each search is one read transaction, so it never sees half of a batch. SQLite narrows and
/// scores; Swift re-ranks only the top candidates (recency, near-duplicate folding), as
/// plocate verifies only the candidates its index returns.
public struct Searcher: Sendable {
    private let database: NewsDatabase
    public var settings: SearchSettings
    private let now: @Sendable () -> Date

    public init(
        database: NewsDatabase, settings: SearchSettings = SearchSettings(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.database = database
        self.settings = settings
        self.now = now
    }

    public func search(_ request: SearchRequest) async throws -> SearchReply {
        let started = ContinuousClock.now
        let limit = request.limit ?? 10
        guard (0...1000).contains(limit) else { throw SearchError.invalidRequest("limit must be between 0 and 1000") }
        let offset = request.offset ?? 0
        guard (0...100_000).contains(offset) else {
            throw SearchError.invalidRequest("offset must be between 0 and 100000")
        }
        let halfLife = request.halfLifeDays ?? settings.halfLifeDays
        guard halfLife >= 0, halfLife.isFinite else { throw SearchError.invalidRequest("half_life_days must be ≥ 0") }
        let plan = try SearchPlan(request: request, aliases: settings.aliases, now: now())
        let page = PageRequest(
            limit: limit, offset: offset, fold: !(request.all ?? false), explain: request.explain ?? false)
        let blend = RecencyBlend(halfLifeDays: halfLife, now: now().timeIntervalSince1970)
        var reply = try Self.read(
            plan, request: request, page: page, blend: blend, settings: settings, from: database)
        reply.tookMilliseconds = (ContinuousClock.now - started).milliseconds
        return reply
    }

    /// The search itself: one read transaction, run on the calling thread.
    ///
    /// GRDB's asynchronous read hands the work to a reader's dispatch queue and the result back
    /// to the task: two thread wake-ups, a sizeable share of a search that takes about a
    /// millisecond (`scripts/bench`). The synchronous read runs on the task's
    /// own thread (`DispatchQueue.sync` onto an idle queue does not switch threads). The work
    /// is CPU-bound and bounded by the search budget, and it reads from `searchPool`, where a
    /// search waits for a connection only behind other searches.
    private static func read(
        _ plan: SearchPlan, request: SearchRequest, page: PageRequest, blend: RecencyBlend, settings: SearchSettings,
        from database: NewsDatabase
    ) throws -> SearchReply {
        try database.searchPool.read { db in
            try SearchBudget(limit: settings.timeBudget).run(in: db) {
                try answer(
                    plan, request: request, page: page, blend: blend, settings: settings,
                    summaries: database.matchSummaries, statistics: database.rankingStatistics, in: db)
            }
        }
    }

    /// Everything a search reads, inside one transaction and one budget.
    private static func answer(
        _ plan: SearchPlan, request: SearchRequest, page: PageRequest, blend: RecencyBlend, settings: SearchSettings,
        summaries: MatchSummaryCache, statistics: RankingStatistics, in db: Database
    ) throws -> SearchReply {
        var reply = try Self.run(
            plan, page: page, blend: blend, settings: settings, summaries: summaries, statistics: statistics, in: db)
        if reply.total == 0, let corrected = try Self.correction(of: plan, request: request, reply: reply, db: db) {
            let correctedPlan = try SearchPlan(
                request: SearchRequest(
                    query: corrected, sort: request.sort, since: request.since,
                    until: request.until),
                aliases: settings.aliases, now: Date(timeIntervalSince1970: blend.now))
            let correctedReply = try Self.run(
                correctedPlan, page: page, blend: blend, settings: settings, summaries: summaries,
                statistics: statistics, in: db)
            if correctedReply.total > 0 {
                var merged = correctedReply
                merged.suggestions = reply.suggestions
                merged.correctedQuery = corrected
                merged.notes =
                    correctedReply.notes + [
                        "nothing matched \u{201C}\(request.query)\u{201D}; showing results for \u{201C}\(corrected)\u{201D}"
                    ]
                reply = merged
            }
        }
        if request.facets == true, reply.correctedQuery == nil {
            reply.facets = try FacetCounter().facets(
                for: MatchScope(match: plan.query.compiledMatch, filters: plan.query.filters), in: db)
        }
        return reply
    }

    struct PageRequest: Sendable {
        var limit: Int
        var offset: Int
        var fold: Bool
        var explain: Bool
    }

    /// One pass: count, rank, fold, page, partial matches, snippets.
    private static func run(
        _ plan: SearchPlan, page: PageRequest, blend: RecencyBlend, settings: SearchSettings,
        summaries: MatchSummaryCache, statistics: RankingStatistics, in db: Database
    ) throws -> SearchReply {
        let query = plan.query
        var scope = MatchScope(match: query.compiledMatch, filters: query.filters)
        let generation = try IndexGeneration.read(in: db)
        if let generation {
            try statistics.documentFrequencies.prime(
                scope.phrases, into: statistics.phraseFrequencies, for: generation, in: db)
        }
        let summary = try MatchSummary.read(
            scope, fold: page.fold, window: settings.rankingWindow, findsWindowStart: plan.sort == .relevance,
            cache: summaries, generation: generation, in: db)
        let total = summary.total
        var notes = plan.notes
        if plan.sort == .relevance, let windowStart = summary.windowStart {
            scope = scope.restricted(toRowIDsFrom: windowStart)
            notes.append(
                "ranked the newest \(settings.rankingWindow) of \(total) matches; narrow the query or add since:/until: to reach older ones"
            )
        }
        let wanted = page.offset + page.limit
        var candidates = try CandidateRanker(weights: settings.weights).candidates(
            in: scope, sort: plan.sort, count: min(max(wanted * 3, 30), 3000), blend: blend, db: db)
        if page.fold { candidates = DuplicateFolder.fold(candidates) }
        var hits = Array(candidates.dropFirst(page.offset).prefix(page.limit))
        var suggestions: [SpellingSuggestion] = []
        let positive = query.positiveTerms.filter { !$0.isPhrase && !$0.isPrefix }.map(\.text)
        if total < settings.handful || total == 0 {
            suggestions = try SpellingSuggester().suggestions(for: positive, in: db)
        }
        if total < settings.handful, query.positiveTerms.count >= 2, hits.count < page.limit, page.offset == 0 {
            let partial = try PartialMatcher(weights: settings.weights).partialMatches(
                for: query, excluding: Set(candidates.map(\.rowID)), count: page.limit - hits.count, blend: blend,
                db: db)
            if !partial.hits.isEmpty {
                hits += partial.hits
                notes.append(partial.note)
            }
        }
        hits = try Candidate.describe(hits, in: db)
        let snippets = try SnippetMaker().snippets(for: hits, plan: plan, in: db)
        return SearchReply(
            total: total,
            hits: hits.map { $0.hit(snippet: snippets[$0.rowID] ?? "", explain: page.explain) },
            tookMilliseconds: 0,
            notes: notes,
            suggestions: suggestions,
            explanation: page.explain
                ? QueryExplanation(
                    match: query.match, filter: scope.filterText, sort: plan.sort.rawValue, expansions: plan.expansions,
                    halfLifeDays: blend.halfLifeDays) : nil)
    }

    /// The query with each unknown word replaced by a confident suggestion, or `nil`.
    private static func correction(
        of plan: SearchPlan, request: SearchRequest, reply: SearchReply, db: Database
    ) throws -> String? {
        guard !reply.suggestions.isEmpty else { return nil }
        var corrected = request.query
        for suggestion in reply.suggestions {
            guard let range = corrected.range(of: suggestion.term, options: [.caseInsensitive]) else { return nil }
            corrected.replaceSubrange(range, with: suggestion.suggestion)
        }
        return corrected == request.query ? nil : corrected
    }
}

extension Duration {
    /// The duration in milliseconds, as a fraction.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
