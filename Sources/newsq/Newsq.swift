// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import Glibc
import NewsAPI

/// `newsq`: search newsd from a terminal or a script.
///
/// Exit statuses follow grep: 0 when something matched, 1 when nothing did, 2 on any error,
/// including a command line that does not parse.
@main
struct Newsq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsq",
        abstract: "Search the articles indexed by newsd.",
        discussion: """
            Examples:
              newsq sanctions Rosselkhozbank
              newsq --limit 5 --json "Black Sea" ceasefire
              newsq status
              newsq show 08ec2f1cd69b
              newsq watch sanctions
              newsq add article.html

            Exit status: 0 when something matched, 1 when nothing did, 2 on error.
            """,
        version: NewsVersion.current,
        subcommands: [
            SearchCommand.self, StatusCommand.self, ShowCommand.self, FailuresCommand.self, WatchCommand.self,
            AddCommand.self, CheckCommand.self, BackupCommand.self, ReindexCommand.self,
        ],
        defaultSubcommand: SearchCommand.self
    )

    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if isPlainSearch(arguments), let search = QuickSearchArguments.parse(arguments) {
                try search.run()
                return
            }
            var command: any ParsableCommand =
                isPlainSearch(arguments) ? try SearchCommand.parse(arguments) : try parseAsRoot()
            try command.run()
        } catch let error as CleanExit {
            exit(withError: error)
        } catch let error as ExitCode {
            Glibc.exit(error.rawValue)
        } catch let error as ClientError {
            writeAll("newsq: \(error)\n", to: STDERR_FILENO)
            Glibc.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 1 { exit(withError: error) }
            // Usage errors: one line, as every newsq error, and exit 2 like grep. ArgumentParser's
            // full message adds the option's help and the usage on three more lines; keep only
            // the error and where to read more.
            writeAll("newsq: \(usageLine(for: error))\n", to: STDERR_FILENO)
            Glibc.exit(2)
        }
    }

    /// Whether the command line is a search with nothing for the root command to decide: no
    /// subcommand name, help, version or completion request anywhere in it.
    ///
    /// Such a command line is parsed by `SearchCommand` alone. Parsing as the root walks every
    /// subcommand's options by reflection first, which was a third of newsq's start-up.
    static func isPlainSearch(_ arguments: [String]) -> Bool {
        let names = Set(configuration.subcommands.map { $0._commandName } + ["help"])
        let rootFlags: Set = ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        return !arguments.isEmpty
            && !arguments.contains { names.contains($0) || rootFlags.contains($0) || $0.hasPrefix("--generate-") }
    }

    /// "The value 'abc' is invalid for '--limit <limit>' (see 'newsq search --help')".
    static func usageLine(for error: any Error) -> String {
        let full = fullMessage(for: error)
        let first = message(for: error).split(separator: "\n").first.map(String.init) ?? full
        let stripped = first.hasPrefix("Error: ") ? String(first.dropFirst("Error: ".count)) : first
        var help = "newsq --help"
        if let match = full.firstMatch(of: /See '[^']+'/) {
            help = String(match.output.dropFirst("See '".count).dropLast())
            // Parsed by SearchCommand alone (`isPlainSearch`), the hint lacks the root's name.
            if !help.hasPrefix("newsq") { help = "newsq " + help }
        }
        return "\(stripped) (see '\(help)')"
    }
}
