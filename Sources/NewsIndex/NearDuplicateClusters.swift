// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsNormalizer

/// Assigns each new article to the cluster of an earlier near-duplicate (64-bit SimHash within
/// Hamming distance 3), so that search can fold lightly edited re-deliveries into one hit.
///
/// Candidates come from `simhash_bands`: by the pigeonhole principle, fingerprints that differ
/// in at most 3 bits agree on at least one of four 16-bit bands. Each band row carries the
/// fingerprint, so that a lookup reads the band index alone.
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
        let candidates = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT article_id, simhash FROM simhash_bands
                    WHERE band IN (?, ?, ?, ?) AND article_id != ?
                    ORDER BY article_id
                    """),
            arguments: [keys[0], keys[1], keys[2], keys[3], articleID])
        let match: Int64? = candidates.first { row in
            SimHash.distance(simHash, UInt64(bitPattern: row["simhash"] as Int64)) <= maximumDistance
        }?["article_id"]
        var cluster: Int64?
        if let match {
            let existing = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT cluster_id FROM articles WHERE id = ?"), arguments: [match])
            if existing == nil { try setCluster(match, of: match, in: db) }
            cluster = existing ?? match
        }
        let insertBand = try db.cachedStatement(
            sql: "INSERT INTO simhash_bands (band, article_id, simhash) VALUES (?, ?, ?)")
        for key in keys {
            try insertBand.execute(arguments: [key, articleID, Int64(bitPattern: simHash)])
        }
        if let cluster {
            try setCluster(cluster, of: articleID, in: db)
        }
        return cluster
    }

    private static func setCluster(_ cluster: Int64, of articleID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE articles SET cluster_id = ? WHERE id = ?").execute(
            arguments: [cluster, articleID])
    }
}
