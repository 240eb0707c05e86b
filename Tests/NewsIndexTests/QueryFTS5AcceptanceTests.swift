// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// Every MATCH the compiler writes, and every filter condition, must be accepted by real SQLite FTS5.
///
/// Queries come from the language's own examples, from a grammar-aware generator and from plain garbage, all
/// seeded so that a failure reproduces. They are checked by `scripts/check-fts5-match.py` through Python's
/// `sqlite3` (FTS5, same columns and tokenizer as `articles_fts`), so this test needs no database library and
/// runs wherever the query folder compiles; it is skipped when `python3` is missing.
@Suite struct QueryFTS5AcceptanceTests {
    static let now = Date(timeIntervalSince1970: 1_742_860_800)

    static let script = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/check-fts5-match.py")

    static let python: URL? = ["/usr/bin/python3", "/usr/local/bin/python3"]
        .map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static let pieces = [
        "oil", "gas", "Économie", "bank's", "e-mail", "x.com", "10:30", "http://a.b/c", "naïve", "日本語", "ß", "42",
        "...", "-", "--", "*", "**", "\"", "\"\"", "(", ")", "()", "|", ",", ":", "OR", "AND", "NOT", "NEAR",
        "NEAR/3", "NEAR(", "title:", "author:", "tag:", "url:", "body:", "since:7d", "until:2025-03",
        "date:2025-03-20..2025-03-27", "lang:en", "sort:newest", "-", "*", "{", "}", "^", "+", "'", "\\", "\u{0}",
        "NEAR(a b, 5)", "\"a\u{0}b\"", "\"central bank\"", "\"a\"\"b\"", "econ*", "title:(", "-(", "-\"", "col:",
        "\u{301}", "\"\u{301}", "(\u{301}",
    ]

    /// A small deterministic generator (SplitMix64), so a failing case can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Grammar-aware queries: pieces joined by a space or by nothing.
    static func generatedQueries(count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            var query = ""
            for _ in 0..<(1 + generator.below(8)) {
                query += pieces[generator.below(pieces.count)]
                query += generator.below(3) == 0 ? "" : " "
            }
            return query
        }
    }

    /// Garbage: random characters, heavy on the ones that mean something to us or to FTS5.
    static func garbageQueries(count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        let alphabet = Array("ab xyz\"()|-*:,^{}+NEAR/OR5 tileé日\t")
        return (0..<count).map { _ in
            String((0..<(1 + generator.below(30))).map { _ in alphabet[generator.below(alphabet.count)] })
        }
    }

    static let handWritten = [
        "sanctions Rosselkhozbank", #""central bank" -"palm oil" econ*"#, "russia OR ukraine (gas | oil)",
        "NEAR(ceasefire talks, 5) title:gaza", "a NEAR/2 b NEAR/4 c", #"title:(gas OR "oil price") -author:smith"#,
        "url:https://bbc.co.uk/news section:world tag:climate", "title:(author:(x y) OR body:z)",
        "x -(a OR b) -NEAR(c d)", #"title:"a b"* url:x*"#, "since:7d", "lang:en lang:de-AT x", "date:2025 sort:oldest",
        "x since:2025-03-01 until:2025-03-31 lang:en", #""unbalanced x"#, "x AND AND y", "(x y", "x y)", "NEAR(x y",
    ]

    @Test(.enabled(if: python != nil, "needs python3 with sqlite3")) func everyMatchRunsOnFTS5() throws {
        var queries = Self.handWritten
        queries += ParsedQuery.helpExamples.split(separator: "\n").map { String($0.prefix(30)) }
        queries += Self.generatedQueries(count: 600, seed: 20_250_325)
        queries += Self.garbageQueries(count: 600, seed: 7)

        var lines: [String] = []
        var parsedCount = 0
        for query in queries {
            guard let parsed = try? ParsedQuery(query, now: Self.now) else { continue }
            parsedCount += 1
            var matches: [String?] = [parsed.match, parsed.matchAnyTerm]
            let ids = parsed.positiveTerms.map(\.id)
            if let first = ids.first { matches.append(parsed.match(droppingTerms: [first])) }
            if ids.count > 1 { matches.append(parsed.match(droppingTerms: Set(ids.dropFirst()))) }
            let condition = parsed.filters.sqlCondition()
            for match in matches where match != nil || condition != nil {
                lines.append(try Self.jsonLine(match: match, condition: condition))
            }
        }
        #expect(parsedCount > 500)
        #expect(lines.count > 1000)

        let failures = try Self.runChecker(lines)
        #expect(failures.isEmpty, "FTS5 rejected:\n\(failures)")
    }

    static func jsonLine(match: String?, condition: (sql: String, arguments: [SQLValue])?) throws -> String {
        let arguments: [Any] = (condition?.arguments ?? []).map { value -> Any in
            switch value {
            case .text(let text): return text
            case .real(let real): return real
            }
        }
        let object: [String: Any] = [
            "match": match ?? NSNull(), "sql": condition?.sql ?? NSNull(), "args": arguments,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// Feeds the lines to the checker and returns what it printed about rejected statements.
    static func runChecker(_ lines: [String]) throws -> String {
        let process = Process()
        process.executableURL = try #require(python)
        process.arguments = [script.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Write from another thread: the checker prints as it reads, so a full pipe either way could block both.
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: printed, as: UTF8.self)
        if process.terminationStatus != 0 && text.isEmpty { return "checker exited \(process.terminationStatus)" }
        return text
    }
}
