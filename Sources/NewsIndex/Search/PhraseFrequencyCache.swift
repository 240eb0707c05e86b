// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// How many articles contain each query phrase, remembered across searches for as long as the
/// index holds the same articles.
///
/// bm25 weighs a phrase by its rarity (IDF), and learning a phrase's document frequency means
/// walking its whole doclist: for a common word over 100,000 articles that walk cost more than
/// ranking the newest matches itself. Search engines keep these statistics in the term
/// dictionary (Lucene, tantivy); FTS5 does not, so `RankFunction` keeps them here, keyed by the
/// phrase as compiled (its columns included, see ``FTS5Match``).
///
/// An entry is only as good as the index it was counted in. The index's `Generation` (its row
/// count and each column's token total, which FTS5 keeps in one record and every insert or
/// delete changes) is read by each search; when it differs from the cache's, the cache starts
/// over, so a frequency is never older than the last commit.
final class PhraseFrequencyCache: Sendable {
    /// What identifies the index's contents between commits.
    struct Generation: Hashable, Sendable {
        var rows: Int64
        var columnTokens: [Int64]
    }

    private struct State {
        var generation: Generation?
        var frequencies: [String: Int64] = [:]
    }

    /// Phrases remembered at most; past that the cache starts over (one entry is a few dozen
    /// bytes, and searches between two commits seldom use this many).
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// The frequency counted for `phrase` in this generation of the index, if any.
    func frequency(of phrase: String, in generation: Generation) -> Int64? {
        state.withLock { state in
            state.generation == generation ? state.frequencies[phrase] : nil
        }
    }

    func record(_ frequency: Int64, of phrase: String, in generation: Generation) {
        state.withLock { state in
            if state.generation != generation || state.frequencies.count >= capacity {
                state = State(generation: generation)
            }
            state.frequencies[phrase] = frequency
        }
    }
}
