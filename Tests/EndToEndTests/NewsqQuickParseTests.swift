// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// An everyday search is read by newsq's own small parser (`QuickSearchArguments`), anything
/// else by swift-argument-parser; naming the `search` subcommand always takes the second road.
/// Both must mean the same: the same output and exit status for every option.
@Suite(.serialized) struct NewsqQuickParseTests {
    @Test func theQuickAndTheFullParserAgree() async throws {
        try await blocking {
            let (harness, _, _) = try ClientFixtures.start()
            let commandLines: [[String]] = [
                ["premiums"],
                ["--json", "premiums"],
                ["--jsonl", "--limit", "1", "premiums"],
                ["-l", "1", "-p", "2", "--ids", "premiums"],
                ["--limit=1", "--page=2", "--paths", "premiums"],
                ["--json", "--sort", "newest", "--since", "2025-01-01", "--until", "2025-12-31", "premiums"],
                ["--json", "--source", "Harbour and Shipping Gazette International Edition", "premiums"],
                ["--json", "--all", "--facets", "--explain", "--half-life", "0", "premiums", "insurers"],
                ["--color", "never", "Black", "Sea"],
                ["--color=always", "--limit", "1", "premiums"],
                ["--json", "--", "premiums"],
                ["zzyzx"],
                ["--limit", "5000", "premiums"],
                ["--json", "--ids", "premiums"],
                ["--sort", "sideways", "premiums"],
                ["-x", "premiums"],
            ]
            for arguments in commandLines {
                let quick = try harness.newsq(arguments)
                let full = try harness.newsq(["search"] + arguments)
                #expect(quick.status == full.status, "\(arguments)")
                #expect(Self.stable(quick.stdout) == Self.stable(full.stdout), "\(arguments)")
                #expect(quick.stderr == full.stderr, "\(arguments)")
            }
            #expect(try harness.stop() == 0)
        }
    }

    /// The output without the time taken and the article's age (which the score's recency
    /// factor follows), both of which differ from run to run.
    static func stable(_ output: String) -> String {
        output.replacingOccurrences(
            of: #""(took_ms|score|bm25|age_days)":[0-9.e+-]+"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9.]+ ms"#, with: "", options: .regularExpression)
    }
}
