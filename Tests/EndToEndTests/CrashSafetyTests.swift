// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport
import Testing

/// newsd's core promise under the worst stop there is: SIGKILL at random moments while a burst
/// is ingested. Afterwards every inbox file is in the ledger exactly once, every distinct body
/// is indexed once, and SQLite's and FTS5's integrity checks are clean.
@Suite(.serialized) struct CrashSafetyTests {
    static let files = 2000
    /// 20 in the test suite; `scripts/stress` sets NEWSD_CRASH_ROUNDS=100.
    static let rounds = Int(ProcessInfo.processInfo.environment["NEWSD_CRASH_ROUNDS"] ?? "") ?? 20

    @Test func killNineDuringIngestLosesNothingAndDuplicatesNothing() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            // Fixed seed: the same kill moments every run, so a failure can be replayed.
            var random = SeededGenerator(seed: 2025)
            var written = 0
            for round in 0..<Self.rounds {
                try harness.start()
                // Drop the next share of the files while newsd runs, then kill it mid-way.
                let share = Self.files / Self.rounds + (round < Self.files % Self.rounds ? 1 : 0)
                for _ in 0..<share {
                    try Self.article(written).write(
                        to: harness.inbox.appendingPathComponent("f\(written).txt"), atomically: true, encoding: .utf8)
                    written += 1
                }
                usleep(UInt32.random(in: 0...300_000, using: &random))
                harness.process?.signal(SIGKILL)
                _ = harness.process?.wait(timeout: .seconds(5))
            }
            try harness.start()
            try harness.waitUntil("all \(Self.files) files are in the ledger", timeout: .seconds(120)) {
                try harness.statusCount("files") == Self.files
            }
            #expect(try harness.statusCount("articles") == Self.files)
            let check = try SQLiteCheck.run(database: harness.database)
            #expect(check.integrity == "ok")
            #expect(check.ftsIntegrity == "ok")
            #expect(check.duplicatePaths == 0)
            #expect(check.ftsRows == Self.files)
            // Spot-check that the last file dropped before the final crash is searchable.
            #expect(try harness.newsq(["--json", "uniqueword\(Self.files - 1)"]).status == 0)
            #expect(try harness.stop() == 0)
        }
    }

    static func article(_ number: Int) -> String {
        "Report number \(number)\n\nThis article carries uniqueword\(number) and a body long enough to be an article "
            + "about markets, weather and politics, item \(number).\n"
    }
}

/// A small deterministic generator (SplitMix64) for reproducible kill moments.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Integrity checks run by Python's sqlite3 module, independently of newsd's own code.
enum SQLiteCheck {
    struct Result: Decodable {
        var integrity: String
        var ftsIntegrity: String
        var duplicatePaths: Int
        var ftsRows: Int
    }

    static func run(database: String) throws -> Result {
        let script = """
            import json, sqlite3, sys, zstandard
            db = sqlite3.connect(sys.argv[1])
            # FTS5 reads bodies through newsd_text, which inflates the Zstandard ones.
            inflate = zstandard.ZstdDecompressor().decompress
            db.create_function("newsd_text", 1, lambda body: inflate(body).decode() if isinstance(body, bytes) else body,
                               deterministic=True)
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            try:
                db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
                fts = "ok"
            except sqlite3.DatabaseError as error:
                fts = str(error)
            duplicates = db.execute("SELECT count(*) FROM (SELECT path FROM files GROUP BY path HAVING count(*) > 1)").fetchone()[0]
            rows = db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
            print(json.dumps({"integrity": integrity, "ftsIntegrity": fts, "duplicatePaths": duplicates, "ftsRows": rows}))
            """
        let output = try Binaries.runExecutable("/usr/bin/python3", ["-c", script, database])
        return try JSONDecoder().decode(Result.self, from: Data(output.stdout.utf8))
    }
}

/// A database damaged while newsd was down is detected at start, reported, and recovered:
/// everything in the inbox is searchable again.
@Suite struct CorruptionRecoveryTests {
    @Test(arguments: [0, 3])
    func aDamagedDatabaseIsDetectedAndRecovered(page: Int) async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try harness.start()
            try Data(contentsOf: WalkingSkeletonTests.sample).write(to: harness.inbox.appendingPathComponent("a.txt"))
            try harness.waitUntil("the sample is searchable") { try harness.newsq(["Rosselkhozbank"]).status == 0 }
            #expect(try harness.stop() == 0)

            // Overwrite one 4 KiB page: page 0 is the header (not a database any more), a later
            // page is a b-tree page (the quick check fails).
            let file = try FileHandle(forUpdating: URL(fileURLWithPath: harness.database))
            try file.seek(toOffset: UInt64(page * 4096))
            try file.write(contentsOf: Data(repeating: 0xA5, count: 4096))
            try file.close()

            try harness.start()
            try harness.waitUntil("the sample is searchable again") {
                try harness.newsq(["Rosselkhozbank"]).status == 0
            }
            #expect(harness.log.contains("moved aside") || harness.log.contains("rebuilt"), "\(harness.log)")
            #expect(try SQLiteCheck.run(database: harness.database).integrity == "ok")
            #expect(try harness.stop() == 0)
        }
    }
}
