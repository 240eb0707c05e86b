// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport
import Synchronization
import Testing

/// Hostile queries are answered or refused with a clear message within a time budget, and
/// never stall the daemon for other clients.
@Suite(.serialized) struct QueryAbuseTests {
    static let articles = 2000
    /// Every one-letter prefix, OR-ed: every article matches, many times over.
    static let everyPrefix = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { "\(Character(UnicodeScalar($0)))*" }
        .joined(separator: " OR ")

    /// A daemon with `articles` indexed, its configuration at `config.yaml` in the harness folder.
    static func loadedDaemon(config: String) throws -> DaemonHarness {
        let harness = try DaemonHarness()
        try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
        let words = ["market", "weather", "politics", "banking", "sanctions", "harvest", "election", "energy"]
        for number in 0..<articles {
            let body = (0..<60).map { words[($0 * 7 + number) % words.count] + "\($0 % 13)" }.joined(separator: " ")
            try "Report \(number)\n\nArticle \(number) about \(body).\n".write(
                to: harness.inbox.appendingPathComponent("a\(number).txt"), atomically: false, encoding: .utf8)
        }
        let path = harness.folder.appendingPathComponent("config.yaml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        try harness.start(arguments: ["run", "--config", path.path])
        try harness.waitUntil("all \(articles) articles are indexed", timeout: .seconds(120)) {
            try harness.statusCount("articles") == articles
        }
        return harness
    }

    @Test func hostileQueriesAreAnsweredOrRefusedClearlyAndQuickly() async throws {
        try await blocking {
            let harness = try Self.loadedDaemon(config: "search:\n  time_budget_ms: 2000\n")
            let queries: [(String, String)] = [
                ("100 KB", String(repeating: "sanctions ", count: 10_240)),
                ("10 000 terms", (0..<10_000).map { "w\($0)" }.joined(separator: " ")),
                (
                    "deep parentheses",
                    String(repeating: "(", count: 5000) + "market" + String(repeating: ")", count: 5000)
                ),
                ("one-letter prefix", "a*"),
                ("every one-letter prefix", Self.everyPrefix),
                ("huge NEAR", "NEAR(market weather, 1000000000)"),
                ("NEAR of prefixes", "NEAR(m* w* p* b* s*, 1000)"),
            ]
            for (name, query) in queries {
                let started = ContinuousClock.now
                let output = try harness.newsq([query])
                let took = ContinuousClock.now - started
                #expect(took < .seconds(4), "\(name) took \(took)")
                // Answered (0 or 1), or refused (2) with a message that is not an internal error.
                #expect([0, 1, 2].contains(output.status), "\(name): \(output.stderr)")
                if output.status == 2 {
                    #expect(!output.stderr.contains("InternalError"), "\(name): \(output.stderr)")
                    #expect(output.stderr.count < 600, "\(name): the message repeats the query")
                }
            }
            let status = try harness.newsq(["status"])
            #expect(status.status == 0, "\(status.stderr)\n\(harness.log)")
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aSearchPastTheBudgetIsStoppedWithQueryTooExpensive() async throws {
        try await blocking {
            let harness = try Self.loadedDaemon(config: "search:\n  time_budget_ms: 1\n")
            let started = ContinuousClock.now
            let output = try harness.newsq([Self.everyPrefix])
            #expect(output.status == 2)
            #expect(output.stderr.contains("query too expensive"), "\(output.stderr)")
            #expect(output.stderr.contains("time budget of 1 ms"), "\(output.stderr)")
            #expect(ContinuousClock.now - started < .seconds(2))
            #expect(try harness.newsq(["status"]).status == 0)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aNormalQueryIsAnsweredQuicklyWhileExpensiveOnesRun() async throws {
        try await blocking {
            let harness = try Self.loadedDaemon(config: "search:\n  time_budget_ms: 2000\n")
            let stop = Atomic(false)
            let hostileRuns = Atomic(0)
            let group = DispatchGroup()
            for _ in 0..<3 {
                DispatchQueue.global().async(group: group) {
                    while !stop.load(ordering: .relaxed) {
                        _ = try? harness.newsq([Self.everyPrefix, "--limit", "1000"])
                        hostileRuns.add(1, ordering: .relaxed)
                    }
                }
            }
            usleep(300_000)
            var slowest = Duration.zero
            for _ in 0..<10 {
                let started = ContinuousClock.now
                #expect(try harness.newsq(["sanctions3", "harvest5"]).status == 0)
                slowest = max(slowest, ContinuousClock.now - started)
                usleep(100_000)
            }
            stop.store(true, ordering: .relaxed)
            group.wait()
            #expect(hostileRuns.load(ordering: .relaxed) > 0)
            #expect(slowest < .seconds(1), "slowest normal query: \(slowest)")
            #expect(try harness.stop() == 0)
        }
    }
}
