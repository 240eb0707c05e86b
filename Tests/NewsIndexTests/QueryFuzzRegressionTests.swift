// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// Replays every input in `Tests/Fixtures/fuzz-regressions/FuzzQuery` as the fuzz target reads it
/// (`Fuzz/Sources/FuzzQuery`: the bytes as UTF-8, invalid ones replaced), so that a crasher `scripts/fuzz` found
/// stays fixed: copy the file into that folder as it is. Like the fuzz target, every MATCH and filter condition
/// a query compiles to must also be accepted by FTS5.
@Suite struct QueryFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/fuzz-regressions/FuzzQuery").standardized

    static func inputs() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted().map {
            ($0, String(decoding: try Data(contentsOf: folder.appendingPathComponent($0)), as: UTF8.self))
        }
    }

    @Test func everyInputParsesOrIsRefusedQuickly() throws {
        let inputs = try Self.inputs()
        #expect(inputs.count >= 3)
        for (name, text) in inputs {
            var parsed: ParsedQuery?
            let seconds = QueryHostileInputTests.seconds {
                parsed = try? ParsedQuery(text, now: QueryFTS5AcceptanceTests.now)
                _ = parsed?.match
                _ = parsed?.matchAnyTerm
                _ = parsed?.filters.sqlCondition()
            }
            #expect(seconds < 5, "\(name) took \(seconds) s")
        }
    }

    @Test(.enabled(if: QueryFTS5AcceptanceTests.python != nil, "needs python3 with sqlite3"))
    func everyMatchRunsOnFTS5() throws {
        var lines: [String] = []
        for (_, text) in try Self.inputs() {
            guard let parsed = try? ParsedQuery(text, now: QueryFTS5AcceptanceTests.now) else { continue }
            let condition = parsed.filters.sqlCondition()
            for match in [parsed.match, parsed.matchAnyTerm] where match != nil || condition != nil {
                lines.append(try QueryFTS5AcceptanceTests.jsonLine(match: match, condition: condition))
            }
        }
        guard !lines.isEmpty else { return }
        let failures = try QueryFTS5AcceptanceTests.runChecker(lines)
        #expect(failures.isEmpty, "FTS5 rejected:\n\(failures)")
    }
}
