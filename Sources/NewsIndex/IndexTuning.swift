// SPDX-License-Identifier: Apache-2.0
import GRDB

/// FTS5 and WAL upkeep for steady ingest.
///
/// Every committed batch adds an FTS5 segment, and a query reads every segment's doclist for
/// each of its terms: after a burst of 100,000 files the index held 21 segments
/// (`SELECT count(DISTINCT segid) FROM articles_fts_idx`). `automerge` merges as batches are written,
/// a few segments at a time so that commits stay quick; the rest is left to idle moments, when
/// `mergeSlice` is called until it has nothing left to do (see `IdleUpkeepService`).
/// `usermerge 2` lets those idle merges go on while a level holds two segments, so the index
/// settles at about one segment per level (a logarithmic number), as an LSM tree does.
/// `scripts/bench` prints how long that takes after its 100,000-file burst. See https://sqlite.org/fts5.html#the_automerge_configuration_option.
public enum IndexTuning {
    /// Sets the merge parameters; stored in the index itself, so once per start is plenty.
    public static func configure(_ database: NewsDatabase) throws {
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8)")
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 16)")
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('usermerge', 2)")
        }
    }

    /// Merges up to about `pages` pages' worth of segments in one short write transaction (some
    /// 80 ms for 1,000 pages here); returns whether there was anything to merge.
    ///
    /// FTS5 reports no result for `merge`: a change count that grows by less than two means it
    /// found nothing to do (https://sqlite.org/fts5.html#the_merge_command).
    public static func mergeSlice(_ database: NewsDatabase, pages: Int = 1000) async throws -> Bool {
        try await database.pool.write { db in
            let before = db.totalChangesCount
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', ?)", arguments: [pages])
            return db.totalChangesCount - before >= 2
        }
    }
}
