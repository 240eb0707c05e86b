// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI
import Testing

@testable import NewsIndex

/// The budget stops a runaway statement through SQLite's progress handler, on that one
/// connection, and leaves the pool usable for the next read.
@Suite struct SearchBudgetTests {
    /// A statement that would run for minutes: a recursive count to ten billion.
    static let endless = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
        SELECT count(*) FROM (SELECT i FROM n LIMIT 10000000000)
        """

    @Test func aRunawayReadIsInterruptedAtTheBudget() async throws {
        let temporary = try TemporaryDatabase()
        let database = temporary.database
        let started = ContinuousClock.now
        await #expect(throws: SearchError.tooExpensive(budgetMilliseconds: 50)) {
            try await database.pool.read { db in
                try SearchBudget(limit: .milliseconds(50)).run(in: db) { try Int.fetchOne(db, sql: Self.endless) }
            }
        }
        // 50 ms of CPU; uninterrupted it would run for a quarter of an hour. The wall-clock bound
        // is loose on purpose: in the full suite, dozens of daemons share the two cores, and a
        // run took 16 s of wall time to get its 50 ms of CPU.
        #expect(ContinuousClock.now - started < .seconds(60))
        let one = try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        #expect(one == 1)
    }

    @Test func aQuickReadIsAnsweredWithinTheBudget() async throws {
        let temporary = try TemporaryDatabase()
        let value = try await temporary.database.pool.read { db in
            try SearchBudget(limit: .seconds(2)).run(in: db) { try Int.fetchOne(db, sql: "SELECT 42") }
        }
        #expect(value == 42)
    }

    @Test func theSearcherReportsTooExpensiveForATinyBudget() async throws {
        let temporary = try TemporaryDatabase()
        try await temporary.writer.write(
            (0..<300).map { number in
                TemporaryDatabase.record(
                    "f\(number).txt", title: "Report \(number)",
                    body: ["alpha beta gamma delta \(number) " + String(repeating: "word\(number % 17) ", count: 40)])
            })
        var searcher = temporary.searcher
        searcher.settings.timeBudget = .nanoseconds(1)
        await #expect(throws: SearchError.tooExpensive(budgetMilliseconds: 0)) {
            try await searcher.search(SearchRequest(query: "a* OR b* OR d* OR g* OR w*"))
        }
        searcher.settings.timeBudget = .seconds(2)
        // all: these bodies are near-duplicates of each other, which would otherwise fold.
        #expect(try await searcher.search(SearchRequest(query: "alpha", all: true)).total == 300)
    }
}
