// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// Values worked out from the index (a phrase's document frequency, a query's counts), kept
/// for as long as the index holds the same articles.
///
/// Counting walks doclists, and for a common word over 100,000 articles that walk cost more
/// than ranking the newest matches. Search engines keep such numbers: Lucene and tantivy store
/// document frequencies in the term dictionary, Elasticsearch's request cache keeps hit counts
/// until the next refresh. Each search reads the ``IndexGeneration`` it sees; a value recorded
/// under another generation is never returned, and recording under a new one starts the cache
/// over, so nothing is older than the last commit. Every connection of the pool shares one
/// cache of each kind.
final class GenerationCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var generation: IndexGeneration?
        var values: [Key: Value] = [:]
    }

    /// Entries kept at most; past that the cache starts over (searches between two commits
    /// seldom need this many).
    let capacity: Int
    private let state: Mutex<State>

    init(capacity: Int) {
        self.capacity = capacity
        state = Mutex(State())
    }

    func value(for key: Key, in generation: IndexGeneration) -> Value? {
        state.withLock { state in
            state.generation == generation ? state.values[key] : nil
        }
    }

    func record(_ value: Value, for key: Key, in generation: IndexGeneration) {
        state.withLock { state in
            if state.generation != generation || state.values.count >= capacity {
                state = State(generation: generation)
            }
            state.values[key] = value
        }
    }

    /// Forgets everything: after a rebuild, which restarts FTS5's own counters.
    func removeAll() {
        state.withLock { state in state = State() }
    }
}

/// Documents per phrase, as `RankFunction` and `PhraseRowsFunction` count them.
typealias PhraseFrequencyCache = GenerationCache<String, Int64>
