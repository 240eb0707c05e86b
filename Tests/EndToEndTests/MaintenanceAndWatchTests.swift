// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsAPI
import NewsdTestSupport
import Testing
import Varlink

/// check, backup, reindex and watch, through the real newsd and newsq.
@Suite(.serialized) struct MaintenanceAndWatchTests {
    static let sample = ArticleCommandsTests.sample

    @Test func checkPassesAndReindexKeepsSearchWorking() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            try FileManager.default.copyItem(at: Self.sample, to: harness.inbox.appendingPathComponent("a.txt"))
            let id = try ArticleCommandsTests.firstHitID(harness, ["sanctions", "Rosselkhozbank"])

            let check = try harness.newsq(["check"])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            #expect(check.stdout.contains("full-text index: ok"))

            let reindex = try harness.newsq(["reindex"])
            #expect(reindex.status == 0, "\(reindex.stderr)")
            #expect(reindex.stdout.contains("of 1 articles"))
            #expect(try ArticleCommandsTests.firstHitID(harness, ["sanctions", "Rosselkhozbank"]) == id)
            #expect(try harness.newsq(["check"]).status == 0)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func backupWritesACopyWithTheSameArticlesAndRefusesAnExistingPath() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let sample = try Data(contentsOf: Self.sample)
            try sample.write(to: harness.inbox.appendingPathComponent("a.txt"))
            try Data("Second article\n\nAbout wheat exports and grain corridors in the Black Sea.".utf8)
                .write(to: harness.inbox.appendingPathComponent("b.txt"))
            try harness.waitUntil("two articles are indexed") {
                try ArticleCommandsTests.status(harness).articles == 2
            }
            let backup = harness.folder.appendingPathComponent("copy.sqlite").path
            let output = try harness.newsq(["backup", backup])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.hasPrefix("wrote \(backup)"))

            let count = try Binaries.runPython(
                "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
                    + "print(db.execute('SELECT count(*) FROM articles').fetchone()[0]); "
                    + "print(db.execute(\"PRAGMA integrity_check\").fetchone()[0])",
                arguments: [backup])
            #expect(count == "2\nok\n")

            let again = try harness.newsq(["backup", backup])
            #expect(again.status == 2)
            #expect(again.stderr.contains("exists already"))
            #expect(again.stderr.split(separator: "\n").count == 1)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func watchStreamsAnArticleDroppedAfterItStartedAndForgetsAClientThatLeaves() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let (watch, stdout, stderr) = try harness.startNewsq(["watch", "--json", "Rosselkhozbank"], name: "watch")
            try harness.waitUntil("newsq says the watch is in place") {
                ((try? String(contentsOf: stderr, encoding: .utf8)) ?? "").contains("watching")
            }
            #expect(try ArticleCommandsTests.status(harness).watchers == 1)

            // Something that does not match, then something that does.
            try Data("Weather report\n\nRain all week in the north.".utf8)
                .write(to: harness.inbox.appendingPathComponent("weather.txt"))
            try FileManager.default.copyItem(at: Self.sample, to: harness.inbox.appendingPathComponent("a.txt"))
            var line = ""
            try harness.waitUntil("the matching article reaches newsq watch") {
                line = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
                return line.hasSuffix("\n")
            }
            let article = try JSONDecoder().decode(ArticleSummary.self, from: Data(line.utf8))
            #expect(article.file == "a.txt")
            #expect(line.split(separator: "\n").count == 1)

            // SIGKILL: the client vanishes without a word, the hardest case for the daemon.
            watch.signal(SIGKILL)
            #expect(watch.wait(timeout: .seconds(5)) != nil)
            try harness.waitUntil("the daemon drops the watcher that left") {
                try ArticleCommandsTests.status(harness).watchers == 0
            }
            #expect(try harness.stop() == 0)
        }
    }

    @Test func watchWithoutMoreIsRefused() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            let client = try VarlinkClient(path: harness.socket)
            #expect {
                _ = try client.call(
                    "io.newsd.Watch", parameters: WatchRequest(query: "sanctions"), returning: WatchReply.self)
            } throws: { error in
                guard case VarlinkClient.Failure.remote(let remote) = error else { return false }
                return remote.name == "org.varlink.service.ExpectedMore"
            }
            #expect(try harness.stop() == 0)
        }
    }
}

extension Binaries {
    /// Runs a python3 snippet and returns its stdout: an independent reader of the database.
    static func runPython(_ script: String, arguments: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let process = try Subprocess(
            "/usr/bin/python3", ["-c", script] + arguments, environment: ProcessInfo.processInfo.environment,
            standardOutput: out, standardError: folder.appendingPathComponent("err").path)
        guard process.wait(timeout: .seconds(30)) == 0 else {
            throw Subprocess.Failure(description: "python3 failed")
        }
        return try String(contentsOfFile: out, encoding: .utf8)
    }
}
