// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI
import NewsdTestSupport
import Testing

/// show, failures, status and add, through the real newsd and newsq.
@Suite(.serialized) struct ArticleCommandsTests {
    static let sample = Binaries.shared.appendingPathComponent("samples/diplomacy-watch-scrape.txt")

    struct SearchIDs: Decodable {
        struct Hit: Decodable { var id: String }
        var hits: [Hit]
    }

    /// Waits until `words` find something, and returns the first hit's id.
    static func firstHitID(_ harness: DaemonHarness, _ words: [String]) throws -> String {
        var id: String?
        try harness.waitUntil("\(words) is searchable") {
            let output = try harness.newsq(["--json"] + words)
            id = (try? JSONDecoder().decode(SearchIDs.self, from: Data(output.stdout.utf8)))?.hits.first?.id
            return id != nil
        }
        return id!
    }

    static func status(_ harness: DaemonHarness) throws -> StatusReply {
        let output = try harness.newsq(["status", "--json"])
        return try JSONDecoder().decode(StatusReply.self, from: Data(output.stdout.utf8))
    }

    @Test func showPrintsTheWholeArticleAndAnUnknownIDExitsOne() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            try FileManager.default.copyItem(at: Self.sample, to: harness.inbox.appendingPathComponent("a.txt"))
            let id = try Self.firstHitID(harness, ["sanctions", "Rosselkhozbank"])

            let text = try harness.newsq(["show", id], environment: ["COLUMNS": "60"])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.hasPrefix("Macron fails to get Europe"))
            #expect(text.stdout.contains("File      a.txt"))
            #expect(text.stdout.contains("Rosselkhozbank"))
            #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 || !$0.contains(" ") })

            struct Document: Decodable {
                var version: Int
                var article: StoredArticle
            }
            let json = try harness.newsq(["show", "--json", id])
            let document = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8))
            #expect(document.version == 1)
            #expect(document.article.id == id)
            #expect(document.article.file == "a.txt")
            #expect(document.article.body.contains("Rosselkhozbank"))
            #expect(document.article.wordCount > 100)

            let missing = try harness.newsq(["show", "000000000000"])
            #expect(missing.status == 1)
            #expect(missing.stdout.isEmpty)
            #expect(missing.stderr.split(separator: "\n").count == 1)
            #expect(missing.stderr.contains("000000000000"))
            #expect(try harness.stop() == 0)
        }
    }

    @Test func failuresListBinaryAndEmptyFilesWithReasons() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            #expect(try harness.newsq(["failures"]).status == 1)
            try Data([0, 1, 2, 3, 0xFF, 0, 7]).write(to: harness.inbox.appendingPathComponent("photo.bin"))
            try Data().write(to: harness.inbox.appendingPathComponent("empty.txt"))
            try harness.waitUntil("both files failed") { try Self.status(harness).failedFiles == 2 }

            struct Document: Decodable {
                var version: Int
                var files: [FailedFile]
            }
            let json = try harness.newsq(["failures", "--json"])
            #expect(json.status == 0)
            let files = try JSONDecoder().decode(Document.self, from: Data(json.stdout.utf8)).files
            #expect(Set(files.map(\.path)) == ["photo.bin", "empty.txt"])
            #expect(files.first { $0.path == "photo.bin" }?.reason.contains("binary") == true)
            #expect(files.first { $0.path == "empty.txt" }?.reason.contains("empty") == true)
            #expect(files.allSatisfy { $0.failedAt.hasSuffix("Z") })

            let table = try harness.newsq(["failures"])
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("WHEN"))
            #expect(table.stdout.contains("photo.bin"))
            #expect(try harness.stop() == 0)
        }
    }

    @Test func statusCountsFilesByStateAndMeasuresLag() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let sample = try Data(contentsOf: Self.sample)
            try sample.write(to: harness.inbox.appendingPathComponent("one.txt"))
            try sample.write(to: harness.inbox.appendingPathComponent("copy-of-one.txt"))
            try Data().write(to: harness.inbox.appendingPathComponent("empty.txt"))
            try harness.waitUntil("three files are recorded") { try Self.status(harness).files == 3 }

            let status = try Self.status(harness)
            #expect(status.indexedFiles == 1)
            #expect(status.duplicateFiles == 1)
            #expect(status.failedFiles == 1)
            #expect(status.queueLength == 0)
            #expect(status.ingestRate > 0)
            let last = try #require(status.lagLastSeconds)
            let p95 = try #require(status.lagP95Seconds)
            #expect(last >= 0 && last < 10)
            #expect(p95 >= 0 && p95 < 10)
            #expect(status.uptimeSeconds > 0)
            #expect(status.version == NewsVersion.current)

            let text = try harness.newsq(["status"])
            #expect(text.stdout.contains("1 indexed, 1 duplicate, 1 failed"))
            #expect(text.stdout.contains("lag       last"))
            #expect(try harness.stop() == 0)
        }
    }

    @Test func addedFilesLandInsideTheInboxAndBecomeSearchable() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let source = harness.folder.appendingPathComponent("report.txt")
            try FileManager.default.copyItem(at: Self.sample, to: source)

            let added = try harness.newsq(["add", source.path])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.hasSuffix("-> report.txt\n"))
            _ = try Self.firstHitID(harness, ["sanctions", "Rosselkhozbank"])

            // The same name again gets a suffix instead of replacing the first file.
            let again = try harness.newsq(["add", source.path])
            #expect(again.stdout.hasSuffix("-> report-2.txt\n"))
            #expect(FileManager.default.fileExists(atPath: harness.inbox.appendingPathComponent("report-2.txt").path))

            // A hostile name, sent over the socket as any client could.
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            let hostile = try harness.ingest(name: "../../etc/x", content: Data("Hostile name\n\nA body.".utf8))
            #expect(hostile == "x")
            let hidden = try harness.ingest(name: "..", content: Data("Dots only\n\nA body.".utf8))
            #expect(!hidden.hasPrefix("."))
            #expect(!hidden.contains("/"))
            #expect(FileManager.default.fileExists(atPath: harness.inbox.appendingPathComponent("x").path))
            #expect(!FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent("../etc/x").path))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: harness.inbox.path)
                .filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)

            let missing = try harness.newsq(["add", harness.folder.appendingPathComponent("nope.txt").path])
            #expect(missing.status == 2)
            #expect(missing.stderr.split(separator: "\n").count == 1)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func addRefusesFilesOverTwentyMegabytesBeforeSending() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let big = harness.folder.appendingPathComponent("big.txt")
            FileManager.default.createFile(atPath: big.path, contents: nil)
            let handle = try FileHandle(forWritingTo: big)
            try handle.truncate(atOffset: UInt64(IngestRequest.maximumContentBytes + 1))
            try handle.close()
            let output = try harness.newsq(["add", big.path])
            #expect(output.status == 2)
            #expect(output.stderr.contains("over the 20.0 MiB"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: harness.inbox.path).isEmpty)
            #expect(try harness.stop() == 0)
        }
    }
}
