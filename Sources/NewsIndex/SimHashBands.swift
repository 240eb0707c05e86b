// SPDX-License-Identifier: Apache-2.0
import GRDB
import Synchronization

/// The writer's index of article fingerprints by band, held in memory and loaded from
/// `articles.simhash` on the first write after a start.
///
/// By the pigeonhole principle, 64-bit fingerprints that differ in at most 3 bits agree on at
/// least one of their four 16-bit bands, so an article's near-duplicate candidates are the
/// articles that share a band with it. Kept in a table (migrations v3 to v10), every article
/// added four rows at random places in a B-tree several times larger than SQLite's page cache,
/// and each commit wrote most of that table's pages to the WAL again. With this and the other
/// writer changes of its commit, `scripts/bench`'s 100,000-file ingest went from 0.52 to 0.79
/// × the FTS5 floor (`docs/BENCHMARKS.md` at a3b623b and at 14b650c). Here each entry costs 32
/// bytes (3.2 MB per 100,000 articles) and a lookup touches a few cache lines.
///
/// Entries are never removed one by one: the index may name an article that was since deleted
/// or whose id was reused, so a candidate is confirmed against its row (see
/// `NearDuplicateClusters`). When deletions have made a third of the entries stale, the index
/// is loaded again, from the partial index `articles_simhash`; a batch that fails drops it, as
/// its entries name rows that were rolled back.
final class SimHashBands: Sendable {
    private let storage = Mutex<Storage?>(nil)

    /// Chains through flat arrays rather than a dictionary of arrays: one allocation per
    /// array, not one per band value.
    private struct Storage {
        static let bandCount = 4
        static let bandValues = 1 << 16
        /// First entry of each band value's chain, or -1: `bandCount × bandValues` slots.
        var heads = [Int32](repeating: -1, count: bandCount * bandValues)
        /// Next entry in each of an entry's four chains, or -1.
        var next: [Int32] = []
        var articleIDs: [Int64] = []
        var simHashes: [UInt64] = []
        /// Entries whose articles are known to be gone.
        var staleEntries = 0

        static func slot(band: Int, of simHash: UInt64) -> Int {
            band * bandValues + Int((simHash >> UInt64(band * 16)) & 0xFFFF)
        }

        mutating func add(articleID: Int64, simHash: UInt64) {
            let entry = Int32(articleIDs.count)
            articleIDs.append(articleID)
            simHashes.append(simHash)
            for band in 0..<Self.bandCount {
                let slot = Self.slot(band: band, of: simHash)
                next.append(heads[slot])
                heads[slot] = entry
            }
        }

        func candidates(near simHash: UInt64, within distance: Int) -> [Int64] {
            var found: [Int64] = []
            for band in 0..<Self.bandCount {
                var entry = heads[Self.slot(band: band, of: simHash)]
                while entry >= 0 {
                    let index = Int(entry)
                    if (simHashes[index] ^ simHash).nonzeroBitCount <= distance {
                        found.append(articleIDs[index])
                    }
                    entry = next[index * Self.bandCount + band]
                }
            }
            return found.count < 2 ? found : Array(Set(found)).sorted()
        }
    }

    /// The ids of indexed articles whose fingerprints are within `distance` bits of `simHash`,
    /// lowest first, loading the index from `db` when needed; then adds the article itself.
    ///
    /// Only articles of at least `minimumWords` words are indexed (see `NearDuplicateClusters`).
    func candidatesAdding(
        articleID: Int64, simHash: UInt64, within distance: Int, minimumWords: Int, in db: Database
    ) throws -> [Int64] {
        try storage.withLock { storage in
            if storage == nil {
                storage = try Self.load(from: db, minimumWords: minimumWords, excluding: articleID)
            }
            // Its own id may be there already, from a batch that was rolled back and tried again.
            let found = storage!.candidates(near: simHash, within: distance).filter { $0 != articleID }
            storage!.add(articleID: articleID, simHash: simHash)
            return found
        }
    }

    /// Notes that `count` articles were deleted, so that the index is loaded afresh once a third
    /// of it is stale.
    func noteRemoved(_ count: Int) {
        storage.withLock { storage in
            storage?.staleEntries += count
            if let current = storage, current.staleEntries * 3 > current.articleIDs.count { storage = nil }
        }
    }

    /// Drops the index; the next write loads it again. For a batch that was rolled back.
    func forget() {
        storage.withLock { $0 = nil }
    }

    /// Number of entries, stale ones included; for tests.
    var entryCount: Int? {
        storage.withLock { $0?.articleIDs.count }
    }

    private static func load(from db: Database, minimumWords: Int, excluding articleID: Int64) throws -> Storage {
        var storage = Storage()
        // The bound is written into the SQL, not bound, so that SQLite can match it with the
        // partial index `articles_simhash` (migration v13) and leave the bodies unread.
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, simhash FROM articles WHERE word_count >= \(minimumWords) AND id != ? ORDER BY id",
            arguments: [articleID])
        while let row = try rows.next() {
            storage.add(articleID: row[0], simHash: UInt64(bitPattern: row[1]))
        }
        return storage
    }
}
