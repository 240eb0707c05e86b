// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// `after_ingest: archive`: an ingested file moves into `.archive/YYYY/MM/DD/` inside the inbox,
/// the index follows it, and a restart neither loses nor duplicates its article.
@Suite struct ArchiveAfterIngestTests {
    @Test func ingestedFilesMoveIntoTheDatedArchiveAndStayIndexedOnce() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            let folder = harness.inbox.appendingPathComponent("desk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let config = harness.folder.appendingPathComponent("config.yaml")
            try "ingest:\n  after_ingest: archive\n".write(to: config, atomically: true, encoding: .utf8)
            try harness.start(arguments: ["run", "--config", config.path])
            try FaultTests.drop(harness, "story.txt", word: "archivedword", in: folder)

            let day = Self.utcDay(Date())
            let archived = ".archive/\(day)/desk/story.txt"
            try harness.waitUntil("the file is in the archive") {
                FileManager.default.fileExists(atPath: harness.inbox.appendingPathComponent(archived).path)
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("story.txt").path))
            let found = try harness.newsq(["--paths", "archivedword"])
            #expect(found.status == 0)
            #expect(found.stdout.contains(archived), "the ledger follows the file: \(found.stdout)")

            // A restart reconciles: the archived file is neither vanished nor new.
            #expect(try harness.stop() == 0)
            try harness.start(arguments: ["run", "--config", config.path])
            try harness.waitUntil("the start-up reconciliation has run") { harness.log.contains("reconciled inbox") }
            #expect(try harness.statusCount("articles") == 1)
            #expect(try harness.statusCount("files") == 1)
            #expect(try harness.newsq(["archivedword"]).status == 0)
            #expect(try harness.stop() == 0)
        }
    }

    /// A name dropped again on the same day finds its archive name taken: the new file stays in
    /// the inbox, indexed, the archived one stays whole, and newsd goes on (it once stopped on
    /// the ledger's unique path).
    @Test func aNameDroppedAgainTheSameDayStaysInTheInbox() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            let config = harness.folder.appendingPathComponent("config.yaml")
            try "ingest:\n  after_ingest: archive\n".write(to: config, atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try harness.start(arguments: ["run", "--config", config.path])
            let archived = harness.inbox.appendingPathComponent(".archive/\(Self.utcDay(Date()))/story.txt")
            try FaultTests.drop(harness, "story.txt", word: "firstdropword")
            try harness.waitUntil("the first file is in the archive") {
                FileManager.default.fileExists(atPath: archived.path)
            }
            try FaultTests.drop(harness, "story.txt", word: "seconddropword")
            try harness.waitUntil("the second file is searchable") {
                try harness.newsq(["seconddropword"]).status == 0
            }
            #expect(try harness.newsq(["firstdropword"]).status == 0)
            #expect(try String(contentsOf: archived, encoding: .utf8).contains("firstdropword"))
            let kept = harness.inbox.appendingPathComponent("story.txt")
            #expect(try String(contentsOf: kept, encoding: .utf8).contains("seconddropword"))
            #expect(try harness.statusCount("files") == 2)
            #expect(try harness.stop() == 0)
        }
    }

    static func utcDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy/MM/dd"
        return formatter.string(from: date)
    }
}
