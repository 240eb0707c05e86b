// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// newsq's exit statuses, as grep's: 0 found, 1 nothing, 2 error; and what goes to stderr.
@Suite(.serialized) struct NewsqExitStatusTests {
    struct Case: CustomStringConvertible {
        var name: String
        var arguments: [String]
        var status: Int32
        /// Each must appear in stderr; `nil` when stderr must be empty.
        var stderrMentions: [String]?
        /// How many lines stderr holds (checked when stderr is expected).
        var stderrLines = 1
        var description: String { name }
    }

    @Test func everyOutcomeHasItsStatusAndAtMostOneLineOnStderr() async throws {
        try await blocking {
            let (harness, sampleID, _) = try ClientFixtures.start()
            let nowhere = harness.folder.appendingPathComponent("nowhere.sock").path
            let cases: [Case] = [
                Case(name: "found", arguments: ["sanctions", "Rosselkhozbank"], status: 0, stderrMentions: nil),
                Case(name: "found, JSON", arguments: ["--json", "sanctions"], status: 0, stderrMentions: nil),
                Case(name: "nothing", arguments: ["zzyzx", "quux"], status: 1, stderrMentions: nil),
                Case(name: "nothing, JSON", arguments: ["--json", "zzyzx"], status: 1, stderrMentions: nil),
                Case(
                    name: "limit not a number", arguments: ["--limit", "abc", "x"], status: 2,
                    stderrMentions: ["--limit", "abc"]),
                Case(
                    name: "limit out of range", arguments: ["--limit", "5000", "x"], status: 2,
                    stderrMentions: ["--limit"]),
                Case(
                    name: "unknown option", arguments: ["--colour", "always", "x"], status: 2,
                    stderrMentions: ["--colour"]),
                Case(
                    name: "bad --color value", arguments: ["--color", "sometimes", "x"], status: 2,
                    stderrMentions: ["--color", "sometimes"]),
                Case(
                    name: "two output formats", arguments: ["--json", "--ids", "x"], status: 2,
                    stderrMentions: ["--json", "--ids"]),
                Case(name: "no query", arguments: ["search"], status: 2, stderrMentions: ["query"]),
                // The message names the column, then shows the query and a caret under it.
                Case(
                    name: "query syntax error", arguments: ["sanctions", "since:notadate"], status: 2,
                    stderrMentions: ["column 17", "since:notadate", "^"], stderrLines: 3),
                Case(
                    name: "daemon unreachable", arguments: ["--socket", nowhere, "sanctions"], status: 2,
                    stderrMentions: [nowhere]),
                Case(
                    name: "show, unknown id", arguments: ["show", "unknownid"], status: 1,
                    stderrMentions: ["unknownid"]),
                Case(name: "show, found", arguments: ["show", sampleID], status: 0, stderrMentions: nil),
                Case(name: "status", arguments: ["status"], status: 0, stderrMentions: nil),
                Case(
                    name: "status, unreachable", arguments: ["status", "--socket", nowhere], status: 2,
                    stderrMentions: [nowhere]),
                Case(
                    name: "unknown subcommand option", arguments: ["status", "--limit", "3"], status: 2,
                    stderrMentions: ["--limit"]),
                Case(name: "help", arguments: ["--help"], status: 0, stderrMentions: nil),
                Case(name: "version", arguments: ["--version"], status: 0, stderrMentions: nil),
            ]
            for test in cases {
                let output = try harness.newsq(test.arguments)
                #expect(output.status == test.status, "\(test): \(output.stderr)")
                if let mentions = test.stderrMentions {
                    let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    #expect(lines.count == test.stderrLines, "\(test): stderr is\n\(output.stderr)")
                    #expect(output.stderr.hasSuffix("\n"), "\(test)")
                    for mention in mentions { #expect(output.stderr.contains(mention), "\(test): \(output.stderr)") }
                    if test.status == 2 { #expect(output.stdout.isEmpty, "\(test): stdout is \(output.stdout)") }
                } else {
                    #expect(output.stderr.isEmpty, "\(test): stderr is \(output.stderr)")
                }
            }
            #expect(try harness.stop() == 0)
        }
    }
}
