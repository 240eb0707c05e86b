// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsNormalizer

/// Assigns each new article to the cluster of an earlier near-duplicate (64-bit SimHash within
/// Hamming distance 3), so that search can fold lightly edited re-deliveries into one hit.
///
/// Candidates come from `SimHashBands`, the writer's in-memory index of fingerprints by band;
/// each is confirmed against its article row, which the index may have outlived.
enum NearDuplicateClusters {
    static let maximumDistance = 3
    /// Below this many words a fingerprint says too little: two short briefs on one topic
    /// would look like copies. Short articles are never clustered.
    static let minimumWords = 40

    /// Indexes the article's fingerprint and returns its cluster id (an earlier member's, or
    /// `nil` when it is the first of its kind).
    static func assign(
        articleID: Int64, simHash: UInt64, wordCount: Int, bands: SimHashBands, in db: Database
    ) throws -> Int64? {
        guard wordCount >= minimumWords else { return nil }
        let candidates = try bands.candidatesAdding(
            articleID: articleID, simHash: simHash, within: maximumDistance, minimumWords: minimumWords, in: db)
        let row = try db.cachedStatement(
            sql: "SELECT cluster_id, simhash FROM articles WHERE id = ? AND word_count >= ?")
        for candidate in candidates {
            guard let found = try Row.fetchOne(row, arguments: [candidate, minimumWords]),
                SimHash.distance(simHash, UInt64(bitPattern: found[1] as Int64)) <= maximumDistance
            else { continue }
            let cluster: Int64 = found[0] ?? candidate
            if found[0] as Int64? == nil { try setCluster(candidate, of: candidate, in: db) }
            try setCluster(cluster, of: articleID, in: db)
            return cluster
        }
        return nil
    }

    private static func setCluster(_ cluster: Int64, of articleID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE articles SET cluster_id = ? WHERE id = ?").execute(
            arguments: [cluster, articleID])
    }
}
