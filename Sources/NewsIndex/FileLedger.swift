// SPDX-License-Identifier: Apache-2.0
import GRDB

/// Read access to the ledger of inbox files, for deciding what needs ingesting.
public struct FileLedger: Sendable {
    let database: NewsDatabase

    public init(database: NewsDatabase) {
        self.database = database
    }

    /// The recorded identity of each of `paths` that the ledger knows.
    public func identities(of paths: [String]) async throws -> [String: IngestRecord.FileIdentity] {
        try await database.pool.read { db in
            var found: [String: IngestRecord.FileIdentity] = [:]
            // Prepared once per batch, not once per path.
            let lookup = try db.cachedStatement(
                sql: "SELECT path, size, mtime_ns, inode, sha256 FROM files WHERE path = ?")
            for path in paths {
                if let row = try Row.fetchOne(lookup, arguments: [path]) {
                    found[path] = Self.identity(from: row)
                }
            }
            return found
        }
    }

    /// Every file the ledger knows, for reconciling the inbox after a restart.
    public func allIdentities() async throws -> [String: IngestRecord.FileIdentity] {
        try await database.pool.read { db in
            var found: [String: IngestRecord.FileIdentity] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, inode, sha256 FROM files")
            while let row = try rows.next() {
                let identity = Self.identity(from: row)
                found[identity.path] = identity
            }
            return found
        }
    }

    /// Paths equal to `folder` or below it, for a folder that left the inbox.
    public func paths(under folder: String) async throws -> [String] {
        try await database.pool.read { db in
            let escaped = folder.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            return try String.fetchAll(
                db,
                sql: "SELECT path FROM files WHERE path = ? OR path LIKE ? ESCAPE '\\'",
                arguments: [folder, escaped + "/%"]
            )
        }
    }

    private static func identity(from row: Row) -> IngestRecord.FileIdentity {
        IngestRecord.FileIdentity(
            path: row["path"],
            size: row["size"],
            modificationTimeNanoseconds: row["mtime_ns"],
            inode: UInt64(bitPattern: row["inode"] as Int64),
            sha256: row["sha256"]
        )
    }
}
