// SPDX-License-Identifier: Apache-2.0
import GRDB

@testable import NewsIndex

/// What a database written by an older newsd looks like: in memory, with newsd's SQL
/// functions, migrated only up to `migration`, for tests of the migrations after it.
enum OlderDatabase {
    static func migrated(upTo migration: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in StoredBody.register(in: db) }
        let queue = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(queue, upTo: migration)
        return queue
    }
}
