// SPDX-License-Identifier: Apache-2.0
import GRDB

/// FTS5 and WAL upkeep for steady ingest.
///
/// Every committed batch adds an FTS5 segment; left alone, queries must consult more and more
/// segments. `automerge` merges as it writes (a few segments at a time, so batches stay quick),
/// and when the daemon is idle `merge` does a bounded slice of the remaining work and the WAL is
/// checkpointed, so that readers never wade through a long log. See
/// https://sqlite.org/fts5.html#the_automerge_configuration_option.
public enum IndexTuning {
    /// Sets the merge parameters; stored in the index itself, so once per start is plenty.
    public static func configure(_ database: NewsDatabase) throws {
        try database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8)")
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 16)")
        }
    }

    /// Merges up to `pages` pages' worth of segments, then checkpoints the WAL; for idle moments.
    public static func idleUpkeep(_ database: NewsDatabase, pages: Int = 500) async throws {
        try await database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', ?)", arguments: [pages])
        }
        try await database.pool.writeWithoutTransaction { db in
            _ = try db.checkpoint(.passive)
        }
    }
}
