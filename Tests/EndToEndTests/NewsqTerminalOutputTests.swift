// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// newsq's cards on a pseudo-terminal and on a pipe, through the real binaries: colour on a
/// terminal only (unless NO_COLOR or --color say otherwise), cards that fit the terminal's
/// width, and plain text for scripts.
@Suite(.serialized) struct NewsqTerminalOutputTests {
    static let escape = "\u{1B}["

    /// Runs `newsq ARGUMENTS` with stdout on a pty `columns` wide (or on a pipe when `nil`),
    /// via Tests/python/run-attached.py; returns newsq's status and stdout.
    static func newsq(
        _ harness: DaemonHarness, _ arguments: [String], columns: Int?, environment extra: [String: String] = [:]
    ) throws -> DaemonHarness.Output {
        var environment = harness.environment
        // What the test's own terminal says must not leak in.
        environment["TERM"] = "xterm-256color"
        environment["NO_COLOR"] = nil
        environment["COLUMNS"] = nil
        environment.merge(extra) { $1 }
        let mode = columns.map { ["--pty", String($0)] } ?? ["--pipe"]
        return try Python.run(
            "run-attached.py", mode + ["--", Binaries.url(of: "newsq").path] + arguments, environment: environment)
    }

    static func withoutStyles(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// A matched term between an SGR sequence and the reset.
    static func isHighlighted(_ term: String, in text: String) -> Bool {
        text.range(of: "\u{1B}\\[[0-9;]*m\(term)\u{1B}\\[0m", options: [.regularExpression, .caseInsensitive]) != nil
    }

    static func isBold(_ words: String, in text: String) -> Bool {
        text.range(of: "\u{1B}\\[1m\(words)", options: .regularExpression) != nil
    }

    @Test func aTerminalGetsHighlightsAndBoldTitlesInCardsThatFitItsWidth() async throws {
        try await blocking {
            let (harness, _, _) = try ClientFixtures.start()
            let query = ["insurers", "premiums"]

            let terminal = try Self.newsq(harness, query, columns: 60)
            #expect(terminal.status == 0, "\(terminal.stderr)")
            #expect(Self.isHighlighted("insurers", in: terminal.stdout), "\(terminal.stdout.debugDescription)")
            #expect(Self.isHighlighted("premiums", in: terminal.stdout))
            #expect(Self.isBold("Grain corridor", in: terminal.stdout), "\(terminal.stdout.debugDescription)")
            #expect(!terminal.stdout.contains("<mark>"))

            // Every line fits 60 columns, but for a single word too long for any line (a file name).
            let plain = Self.withoutStyles(terminal.stdout)
            let tooWide = plain.split(separator: "\n").filter {
                $0.count > 60 && $0.trimmingCharacters(in: .whitespaces).contains(" ")
            }
            #expect(tooWide.isEmpty, "lines over 60 columns:\n\(tooWide.joined(separator: "\n"))")
            // The whole card is there: the title (wrapped), the origin and the snippet.
            #expect(plain.replacingOccurrences(of: "\n    ", with: " ").contains(ClientFixtures.longTitle))
            #expect(plain.contains(ClientFixtures.longFileName))
            #expect(plain.contains("1 hit"))

            // A wider terminal gets longer lines: the width is the terminal's, not a constant.
            let wide = Self.withoutStyles(try Self.newsq(harness, query, columns: 200).stdout)
            #expect(wide.split(separator: "\n").contains { $0.count > 60 })
            #expect(try harness.stop() == 0)
        }
    }

    @Test func noColorAndColorNeverTurnStylesOffOnATerminal() async throws {
        try await blocking {
            let (harness, _, _) = try ClientFixtures.start()
            let query = ["insurers", "premiums"]
            for (arguments, environment) in [
                (query, ["NO_COLOR": "1"]), (["--color=never"] + query, [:]), (query, ["TERM": "dumb"]),
            ] {
                let output = try Self.newsq(harness, arguments, columns: 60, environment: environment)
                #expect(output.status == 0, "\(arguments) \(environment): \(output.stderr)")
                #expect(
                    !output.stdout.contains(Self.escape),
                    "\(arguments) \(environment): \(output.stdout.debugDescription)")
                #expect(output.stdout.contains("Grain corridor"))
                #expect(!output.stdout.contains("<mark>"))
            }
            // --color=always beats NO_COLOR (an explicit option wins over the environment).
            let forced = try Self.newsq(
                harness, ["--color=always"] + query, columns: 60, environment: ["NO_COLOR": "1"])
            #expect(Self.isHighlighted("insurers", in: forced.stdout))
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aPipeGetsPlainTextUnlessColorIsAlways() async throws {
        try await blocking {
            let (harness, _, _) = try ClientFixtures.start()
            let query = ["insurers", "premiums"]

            let piped = try Self.newsq(harness, query, columns: nil)
            #expect(piped.status == 0, "\(piped.stderr)")
            #expect(!piped.stdout.contains("\u{1B}"), "\(piped.stdout.debugDescription)")
            #expect(!piped.stdout.contains("<mark>"))
            #expect(piped.stdout.contains("1.  \(ClientFixtures.longTitle)\n"), "\(piped.stdout)")

            let forced = try Self.newsq(harness, ["--color=always"] + query, columns: nil)
            #expect(forced.status == 0)
            #expect(Self.isHighlighted("insurers", in: forced.stdout), "\(forced.stdout.debugDescription)")
            #expect(Self.isBold("Grain corridor", in: forced.stdout))
            // Styles are forced, wrapping is not: a pipe has no width. (The last line is the
            // summary, with the time the search took.)
            let cards = { (text: String) in text.split(separator: "\n").dropLast() }
            #expect(cards(Self.withoutStyles(forced.stdout)) == cards(piped.stdout))

            // The script formats never carry styles, even when forced.
            for format in ["--json", "--jsonl", "--ids", "--paths"] {
                let output = try Self.newsq(harness, ["--color=always", format] + query, columns: 60)
                #expect(output.status == 0, "\(format): \(output.stderr)")
                #expect(!output.stdout.contains("\u{1B}"), "\(format): \(output.stdout.debugDescription)")
            }
            #expect(try harness.stop() == 0)
        }
    }

    /// `newsq show` on a terminal hands the article to `$PAGER` (spawned through /bin/sh);
    /// on a pipe it writes it straight out.
    @Test func showGoesThroughThePagerOnATerminalOnly() async throws {
        try await blocking {
            let (harness, _, markdownID) = try ClientFixtures.start()
            let paged = harness.folder.appendingPathComponent("paged.txt")
            let pager = "cat > '\(paged.path)'"
            let terminal = try Self.newsq(harness, ["show", markdownID], columns: 80, environment: ["PAGER": pager])
            #expect(terminal.status == 0, "\(terminal.stderr)")
            let viaPager = try String(contentsOf: paged, encoding: .utf8)
            #expect(viaPager.contains("War-risk insurers in London"), "\(viaPager)")
            #expect(!terminal.stdout.contains("War-risk insurers in London"))

            try FileManager.default.removeItem(at: paged)
            let piped = try Self.newsq(harness, ["show", markdownID], columns: nil, environment: ["PAGER": pager])
            #expect(piped.status == 0)
            #expect(piped.stdout.contains("War-risk insurers in London"))
            #expect(!FileManager.default.fileExists(atPath: paged.path))
            #expect(try harness.stop() == 0)
        }
    }
}
