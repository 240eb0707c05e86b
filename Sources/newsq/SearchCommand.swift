// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// `newsq [search] WORDS...`: ranked hits.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search (the default command): the words are one query.",
        discussion: QueryExamples.text
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: SearchOutputOptions

    @Option(name: .shortAndLong, help: "The most hits to show.")
    var limit: Int = 10

    @Option(name: .shortAndLong, help: "Which page of --limit hits to show, from 1.")
    var page: Int = 1

    @Option(name: .long, help: "relevance (default), newest or oldest.")
    var sort: SortOrder?

    @Option(name: .long, help: "Only articles published on or after this date (2025-03-01, 7d, 2w, 3m, 1y).")
    var since: String?

    @Option(name: .long, help: "Only articles published on or before this date.")
    var until: String?

    @Option(name: .long, help: "Restrict to one source (the same as source:NAME in the query).")
    var source: String?

    @Option(name: .customLong("half-life"), help: "Recency blend half-life in days; 0 turns it off.")
    var halfLife: Double?

    @Flag(name: .long, help: "Show near-duplicates as separate hits.")
    var all = false

    @Flag(name: .long, help: "Count the matches by source, month and section.")
    var facets = false

    @Flag(name: .long, help: "Show the parsed query, the expansions and each hit's score parts.")
    var explain = false

    @Argument(help: "The query: words, \"phrases\", and the operators of docs/QUERY.md.")
    var words: [String] = []

    enum SortOrder: String, ExpressibleByArgument, CaseIterable {
        case relevance, newest, oldest
    }

    func validate() throws {
        if let problem = SearchInvocation.problem(words: words, limit: limit, page: page) {
            throw ValidationError(problem)
        }
        try output.validate()
    }

    var invocation: SearchInvocation {
        SearchInvocation(
            socket: connection.daemonSocket, format: output.format, words: words, limit: limit, page: page,
            sort: sort?.rawValue, since: since, until: until, source: source, halfLife: halfLife, all: all,
            facets: facets, explain: explain)
    }

    func run() throws { try invocation.run() }
}

/// Examples shown by `newsq --help`; docs/QUERY.md has the whole language.
enum QueryExamples {
    static let text = """
        Examples:
          newsq sanctions Rosselkhozbank          all the words
          newsq '"Black Sea" ceasefire'           a phrase and a word
          newsq 'troops -Macron'                  exclude a word
          newsq 'Kyiv OR Kharkiv' since:30d       either word, in the last 30 days
          newsq 'title:budget author:smith'       fields: title author source section tag lang url
          newsq 'NEAR(oil price, 5)' sort:newest  proximity, newest first
          newsq --facets --since 2025-01-01 tariffs
          newsq --json sanctions | jq '.hits[0].id'

        Exit status: 0 when something matched, 1 when nothing did, 2 on error.
        The query language: docs/QUERY.md (man newsq).
        """
}
