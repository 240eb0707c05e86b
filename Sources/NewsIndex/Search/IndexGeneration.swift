// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB

/// Which articles the full-text index holds, as one read transaction sees it.
///
/// FTS5 keeps two small records in its data table that together change with every commit that
/// touches the index: the averages record (id 1: row count and each column's token total,
/// which any insert or delete changes) and the structure record (id 10: the segments, with a
/// counter of writes; each committing transaction writes its changes as a new segment, and a
/// merge replaces segments). Their bytes name the index's contents between two commits; a
/// merge, which changes no count, only costs a recount. A rebuild restarts the write counter,
/// so `IndexMaintenance` and `StartupCheck` also clear the caches after one.
struct IndexGeneration: Hashable, Sendable {
    let bytes: Data

    /// The two records as SQL arguments: scalar subqueries, which SQLite evaluates once per
    /// statement, for FTS5 functions to key their caches with.
    static let sqlArguments =
        "(SELECT block FROM articles_fts_data WHERE id = 1), (SELECT block FROM articles_fts_data WHERE id = 10)"

    static func read(in db: Database) throws -> IndexGeneration? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(sqlArguments)")) else { return nil }
        return IndexGeneration(averages: row[0], structure: row[1])
    }

    /// The generation from the two records, or `nil` when either is missing (an index never
    /// written to).
    init?(averages: Data?, structure: Data?) {
        guard let averages, let structure else { return nil }
        bytes = averages + structure
    }
}
