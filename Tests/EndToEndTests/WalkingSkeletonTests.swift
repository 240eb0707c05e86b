// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// The walking skeleton's promise, checked with the real binaries: drop an article into the
/// inbox as people do, find it with newsq, stop cleanly.
@Suite(.serialized) struct WalkingSkeletonTests {
    static let sample = Binaries.shared.appendingPathComponent("samples/diplomacy-watch-scrape.txt")

    struct SearchDocument: Decodable {
        struct Hit: Decodable {
            var id: String
            var title: String
            var file: String?
            var score: Double
            var snippet: String
        }
        var version: Int
        var total: Int
        var hits: [Hit]
    }

    private func search(_ harness: DaemonHarness, _ words: [String]) throws -> (Int32, SearchDocument?) {
        let output = try harness.newsq(["--json"] + words)
        let document = try? JSONDecoder().decode(SearchDocument.self, from: Data(output.stdout.utf8))
        return (output.status, document)
    }

    private func assertSampleIsFirstHit(_ harness: DaemonHarness, file: String) throws {
        try harness.waitUntil("the sample is searchable") {
            try search(harness, ["sanctions", "Rosselkhozbank"]).1?.total ?? 0 > 0
        }
        let (status, document) = try search(harness, ["sanctions", "Rosselkhozbank"])
        #expect(status == 0)
        let first = try #require(document?.hits.first)
        #expect(document?.version == 1)
        #expect(first.file == file)
        #expect(first.snippet.localizedCaseInsensitiveContains("<mark>sanctions</mark>"))
        #expect(first.snippet.contains("<mark>Rosselkhozbank</mark>"))
    }

    @Test func aFileRenamedIntoTheInboxIsFoundAndNewsdStopsCleanly() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            // Browsers and downloaders write under a temporary name, then rename.
            let temporary = harness.inbox.appendingPathComponent("diplomacy.txt.part")
            try FileManager.default.copyItem(at: Self.sample, to: temporary)
            try FileManager.default.moveItem(at: temporary, to: harness.inbox.appendingPathComponent("diplomacy.txt"))
            try assertSampleIsFirstHit(harness, file: "diplomacy.txt")
            #expect(try harness.stop(timeout: .seconds(5)) == 0)
            #expect(!FileManager.default.fileExists(atPath: harness.socket))
        }
    }

    @Test func aFileCopiedIntoTheInboxIsFound() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            // A plain copy: the file is written in place and closed.
            try Data(contentsOf: Self.sample).write(to: harness.inbox.appendingPathComponent("copy.txt"))
            try assertSampleIsFirstHit(harness, file: "copy.txt")
            #expect(try harness.stop() == 0)
        }
    }

    @Test func filesAlreadyInTheInboxAreIndexedAtStart() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.sample, to: harness.inbox.appendingPathComponent("early.txt"))
            try harness.start()
            try assertSampleIsFirstHit(harness, file: "early.txt")
            #expect(try harness.stop() == 0)
        }
    }

    @Test func nothingMatchingExitsOne() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let output = try harness.newsq(["zzyzx", "quux"])
            #expect(output.status == 1)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aStoppedDaemonIsOneLineAndExitTwo() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            let output = try harness.newsq(["sanctions"])
            #expect(output.status == 2)
            let lines = output.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(output.stderr.contains(harness.socket))
            #expect(output.stderr.contains("newsd run"))
            #expect(output.stdout.isEmpty)
        }
    }
}
