// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NewsAPI

/// `newsd`: the daemon, and tools that share its normaliser.
@main
struct Newsd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsd",
        abstract: "A search daemon for news articles.",
        discussion: """
            newsd watches an inbox folder, normalises every article dropped into it, indexes it in
            SQLite FTS5 and answers queries from newsq over a Unix socket.

            NEWSD_INBOX, NEWSD_DATABASE and NEWSD_SOCKET override the configuration file.
            """,
        version: NewsVersion.current,
        subcommands: [Run.self, Inspect.self],
        defaultSubcommand: Run.self
    )
}
