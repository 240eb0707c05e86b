// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Synchronization

/// The pool's ``DocumentFrequencySnapshot``, and how searches use it: before ranking, each
/// phrase that is one common word gets its frequency from the snapshot instead of a doclist walk.
final class DocumentFrequencies: Sendable {
    /// The index's tokenizer, as `articles_fts` declares it (schema v7): a query word must
    /// become the very token the term list holds.
    static let tokenizer = FTS5TokenizerDescriptor(components: ["porter", "unicode61", "remove_diacritics", "2"])

    private struct State {
        var snapshot: DocumentFrequencySnapshot?
        /// No scan before this: scans take at most a tenth of the time, however often articles
        /// are removed or rewritten (each removal makes the snapshot stale).
        var nextScan: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    var current: DocumentFrequencySnapshot? {
        state.withLock { $0.snapshot }
    }

    func replace(with snapshot: DocumentFrequencySnapshot?) {
        state.withLock { $0.snapshot = snapshot }
    }

    /// Whether a new snapshot is worth its scan: there is none, it is stale, or so many
    /// articles came after it that counting them would cost more than an eighth of a walk.
    func needsRefresh(in db: Database) throws -> Bool {
        guard let current else { return true }
        guard try current.isCurrent(in: db) else { return true }
        return try current.rowsAdded(in: db) > max(1000, current.rows / 8)
    }

    /// Takes a new snapshot when ``needsRefresh(in:)`` says so; returns `false` when one is
    /// due but the last scan was too recent for its cost, so that the caller comes back.
    func refresh(in database: NewsDatabase) async throws -> Bool {
        guard try await database.pool.read({ try self.needsRefresh(in: $0) }) else { return true }
        let clock = ContinuousClock()
        if let nextScan = state.withLock({ $0.nextScan }), clock.now < nextScan { return false }
        let started = clock.now
        let taken = try await database.pool.read { try DocumentFrequencySnapshot.take(in: $0) }
        let finished = clock.now
        state.withLock { state in
            state.snapshot = taken
            state.nextScan = finished + (finished - started) * 9
        }
        return true
    }

    /// Records in `cache`, under `generation`, the frequency of each of `phrases` (FTS5 phrase
    /// keys, as `FTS5QueryCompiler` writes them) that is a lone common word not yet cached;
    /// the rest are left for `newsd_rank` to count.
    func prime(_ phrases: [String], into cache: PhraseFrequencyCache, for generation: IndexGeneration, in db: Database)
        throws
    {
        let uncached = phrases.filter { cache.value(for: $0, in: generation) == nil }
        guard !uncached.isEmpty, let current, try current.isCurrent(in: db) else { return }
        var tokenizer: (any FTS5Tokenizer)?
        for phrase in uncached {
            guard let words = Self.quotedWords(phrase) else { continue }
            if tokenizer == nil { tokenizer = try db.makeTokenizer(Self.tokenizer) }
            let tokens = try tokenizer?.tokenize(query: words) ?? []
            guard tokens.count == 1, let token = tokens.first?.token,
                let frequency = try current.frequency(ofTerm: token, phrase: phrase, in: db)
            else { continue }
            cache.record(frequency, for: phrase, in: generation)
        }
    }

    /// The text inside a phrase key that is only a quoted string: no column filter, no prefix.
    static func quotedWords(_ phrase: String) -> String? {
        guard phrase.count >= 2, phrase.first == "\"", phrase.last == "\"" else { return nil }
        return String(phrase.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}

extension NewsDatabase {
    /// Counts every common term's document frequency again when the last count is stale or
    /// far behind (see ``DocumentFrequencySnapshot``); a scan of the term list, for idle moments.
    /// Returns `false` when a scan is due but postponed, because scans may take at most a tenth
    /// of the time.
    @discardableResult
    public func refreshDocumentFrequencies() async throws -> Bool {
        try await rankingStatistics.documentFrequencies.refresh(in: self)
    }
}
