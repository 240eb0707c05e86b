// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport
import Testing

/// A full database (the `max_database_size` cap, SQLite's `max_page_count`: the same
/// `SQLITE_FULL` a full disk gives, without needing a small file system mounted): ingest pauses
/// and says so, queries go on, and every waiting file is indexed once there is room.
@Suite struct DiskFullTests {
    @Test func aFullDatabasePausesIngestWhileQueriesGoOnAndLosesNothing() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            let config = harness.folder.appendingPathComponent("config.yaml")
            try "max_database_size: 0\n".write(to: config, atomically: true, encoding: .utf8)
            try harness.start(arguments: ["run", "--config", config.path])
            try FaultTests.drop(harness, "before.txt", word: "beforefullword")
            try harness.waitUntil("the first file is searchable") { try harness.newsq(["beforefullword"]).status == 0 }

            // A cap below the current size stops all growth.
            try "max_database_size: 1\n".write(to: config, atomically: true, encoding: .utf8)
            harness.process?.signal(SIGHUP)
            try harness.waitUntil("the cap is applied") { harness.log.contains("configuration reloaded") }
            let filler = (0..<400).map { "filler\($0 % 97)" }.joined(separator: " ")
            for number in 0..<40 {
                try "Report \(number)\n\nfullword\(number) \(filler)\n".write(
                    to: harness.inbox.appendingPathComponent("full\(number).txt"), atomically: true, encoding: .utf8)
            }
            try harness.waitUntil("ingest says it is paused", timeout: .seconds(30)) {
                try Self.status(harness)["ingest_paused"] != nil
            }
            #expect(harness.log.contains("ingest paused"))
            #expect(try harness.newsq(["beforefullword"]).status == 0, "queries go on while ingest waits")
            #expect(try harness.newsq(["status"]).stdout.contains("paused"))

            try "max_database_size: 0\n".write(to: config, atomically: true, encoding: .utf8)
            harness.process?.signal(SIGHUP)
            try harness.waitUntil("every waiting file is indexed", timeout: .seconds(30)) {
                try harness.statusCount("articles") == 41
            }
            #expect(try Self.status(harness)["ingest_paused"] == nil)
            #expect(try harness.newsq(["fullword39"]).status == 0)
            #expect(harness.log.contains("ingest resumed"))
            #expect(try harness.stop() == 0)
        }
    }

    static func status(_ harness: DaemonHarness) throws -> [String: Any] {
        let output = try harness.newsq(["status", "--json"])
        return (try? JSONSerialization.jsonObject(with: Data(output.stdout.utf8))) as? [String: Any] ?? [:]
    }
}
