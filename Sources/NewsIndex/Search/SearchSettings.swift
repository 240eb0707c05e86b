// SPDX-License-Identifier: Apache-2.0

/// How the searcher ranks, from the daemon's configuration.
public struct SearchSettings: Sendable, Hashable {
    public var weights = ColumnWeights()
    /// Recency blend: an article this many days old counts 3/4 as much as a fresh one of equal
    /// relevance, one twice as old 5/8, approaching 1/2. 0 turns the blend off.
    public var halfLifeDays: Double = 90
    /// bm25 is computed for at most this many matches, the newest: it is what costs time on a
    /// common word, and news ranking favours
    /// the recent ones anyway. Older matches are still counted, and reached with since:/until:.
    public var rankingWindow: Int = 200
    /// When all the words together match fewer articles than this, articles matching most of
    /// them follow, marked partial.
    public var handful: Int = 3
    public var aliases = AliasTable(groups: [])
    /// The CPU time one search may use before it is stopped (`search.time_budget_ms`).
    public var timeBudget: Duration = .seconds(2)

    public init() {}
}
