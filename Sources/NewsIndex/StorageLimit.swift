// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Room for the index: an optional cap on the database's size, and recognising the error that
/// says there is no more room, from the cap or from a full disk.
///
/// A full disk must pause ingest, not stop the daemon: queries only read, so they keep working,
/// and the files that could not be committed are still in the inbox to be committed later.
extension NewsDatabase {
    /// Caps the database file at about `bytes` (0 lifts the cap), through SQLite's
    /// `max_page_count` on the one writer connection; the WAL is not counted.
    ///
    /// SQLite will not set the cap below the pages already in use, so a cap smaller than the
    /// database stops growth where it is.
    public func limitSize(toBytes bytes: Int) async throws {
        try await pool.writeWithoutTransaction { db in
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            // SQLite's own default, 0xfffffffe pages, is "no cap".
            let pages = bytes > 0 ? max(bytes / pageSize, 1) : 0xFFFF_FFFE
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
    }
}

/// Whether `error` means the database or its disk has no room left (`SQLITE_FULL`).
public func isStorageFull(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.resultCode == .SQLITE_FULL
}
