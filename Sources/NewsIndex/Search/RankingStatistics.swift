// SPDX-License-Identifier: Apache-2.0

/// What ranking reads from the index besides the doclists, kept across searches until the
/// index changes: each phrase's document frequency and each row's length, and the snapshot of
/// common terms' frequencies that primes the first. Every connection of the pool shares one,
/// as the user data of newsd's FTS5 functions.
final class RankingStatistics: Sendable {
    let phraseFrequencies = PhraseFrequencyCache(capacity: 20_000)
    let rowLengths = RowLengthCache()
    let documentFrequencies = DocumentFrequencies()

    /// Forgets everything: after a rebuild of the index, which restarts FTS5's own counters.
    func removeAll() {
        phraseFrequencies.removeAll()
        rowLengths.removeAll()
        documentFrequencies.replace(with: nil)
    }
}
