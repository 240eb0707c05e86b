// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsNormalizer

/// Assigns each new article to the cluster of an earlier near-duplicate (64-bit SimHash within
/// Hamming distance 3), so that search can fold lightly edited re-deliveries into one hit.
///
/// Candidates come from `simhash_bands`: by the pigeonhole principle, fingerprints that differ
/// in at most 3 bits agree on at least one of four 16-bit bands.
enum NearDuplicateClusters {
    static let maximumDistance = 3
    /// Below this many words a fingerprint says too little: two short briefs on one topic
    /// would look like copies. Short articles are never clustered.
    static let minimumWords = 40

    /// The four band keys of a fingerprint: band number in the top bits, so bands never collide.
    static func bands(of simHash: UInt64) -> [Int64] {
        (0..<4).map { band in Int64(band) << 16 | Int64((simHash >> (UInt64(band) * 16)) & 0xFFFF) }
    }

    /// Records the article's bands and returns its cluster id (an earlier member's, or `nil`
    /// when it is the first of its kind).
    static func assign(articleID: Int64, simHash: UInt64, wordCount: Int, in db: Database) throws -> Int64? {
        guard wordCount >= minimumWords else { return nil }
        let keys = bands(of: simHash)
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT DISTINCT a.id, a.simhash, a.cluster_id FROM simhash_bands b JOIN articles a ON a.id = b.article_id
                    WHERE b.band IN (?, ?, ?, ?) AND a.id != ?
                    ORDER BY a.id
                    """),
            arguments: [keys[0], keys[1], keys[2], keys[3], articleID])
        let setCluster = try db.cachedStatement(sql: "UPDATE articles SET cluster_id = ? WHERE id = ?")
        var cluster: Int64?
        for row in rows {
            let other = UInt64(bitPattern: row["simhash"] as Int64)
            guard SimHash.distance(simHash, other) <= maximumDistance else { continue }
            let id: Int64 = row["id"]
            cluster = row["cluster_id"] ?? id
            if row["cluster_id"] as Int64? == nil {
                try setCluster.execute(arguments: [id, id])
            }
            break
        }
        let insertBand = try db.cachedStatement(sql: "INSERT INTO simhash_bands (band, article_id) VALUES (?, ?)")
        for key in keys {
            try insertBand.execute(arguments: [key, articleID])
        }
        if let cluster {
            try setCluster.execute(arguments: [cluster, articleID])
        }
        return cluster
    }
}
