// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// Each row's length in tokens (all columns together), which BM25 divides by, kept in memory
/// for one generation of the index, as Lucene keeps its norms.
///
/// FTS5 reads a row's length from `articles_fts_docsize`: a B-tree lookup for every row that
/// is scored, a few hundred a search with the ranking window. Windows of different searches
/// overlap (they hold the newest matches), so lengths read once serve later searches. Row ids
/// are dense, so the lengths are an array indexed by row id, four bytes a row. Not a ``GenerationCache``: that
/// compares generations on every lookup, which for each row would cost what it saves; a
/// ranking statement takes its generation's table once (``lengths(in:)``).
final class RowLengthCache: Sendable {
    /// Rows past this id are not kept (their lengths are read from FTS5 each time): it bounds
    /// the array at 16 MB.
    static let rowLimit: Int64 = 4_000_000

    private let current = Mutex<RowLengths?>(nil)

    /// The lengths of `generation`: those already recorded if it is the current one, else a
    /// new empty table that replaces them.
    func lengths(in generation: IndexGeneration) -> RowLengths {
        current.withLock { current in
            if let table = current, table.generation == generation { return table }
            let table = RowLengths(generation: generation)
            current = table
            return table
        }
    }

    /// Forgets everything: after a rebuild, whose generation bytes may repeat an earlier one's.
    func removeAll() {
        current.withLock { $0 = nil }
    }
}

/// The row lengths of one generation: a row id may be given to another article once the
/// index changes, never within a generation.
final class RowLengths: Sendable {
    let generation: IndexGeneration
    /// Indexed by row id; -1 where the length has not been read yet.
    private let lengths = Mutex<[Int32]>([])

    init(generation: IndexGeneration) {
        self.generation = generation
    }

    func length(ofRow row: Int64) -> Int32? {
        lengths.withLock { lengths in
            guard row >= 0, row < lengths.count else { return nil }
            let length = lengths[Int(row)]
            return length >= 0 ? length : nil
        }
    }

    func record(_ length: Int32, ofRow row: Int64) {
        guard row >= 0, row < RowLengthCache.rowLimit, length >= 0 else { return }
        lengths.withLock { lengths in
            if row >= lengths.count {
                lengths.append(contentsOf: repeatElement(-1, count: Int(row) + 1 - lengths.count))
            }
            lengths[Int(row)] = length
        }
    }
}
