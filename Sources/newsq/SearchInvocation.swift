// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// One search as the command line asked for it, in plain values: what `SearchCommand` parses
/// into, and what `QuickSearchArguments` reads without swift-argument-parser.
struct SearchInvocation {
    var socket = DaemonSocket()
    var format = SearchOutputFormat.cards(.auto)
    var words: [String] = []
    var limit = 10
    var page = 1
    var sort: String?
    var since: String?
    var until: String?
    var source: String?
    var halfLife: Double?
    var all = false
    var facets = false
    var explain = false

    /// What is wrong with these values, or `nil`: the one statement of the search's rules, for
    /// `SearchCommand.validate` and `QuickSearchArguments`.
    static func problem(words: [String], limit: Int, page: Int) -> String? {
        if words.isEmpty { return "give a query, such as: newsq sanctions Rosselkhozbank" }
        if !(0...1000).contains(limit) { return "--limit must be between 0 and 1000" }
        if page < 1 { return "--page starts at 1" }
        return nil
    }

    var query: String {
        var query = words.joined(separator: " ")
        if let source { query += " source:\"" + source.replacing("\"", with: "") + "\"" }
        return query
    }

    func run() throws {
        let query = query
        let request = SearchRequest(
            query: query, limit: limit, offset: (page - 1) * limit, sort: sort, since: since, until: until,
            halfLifeDays: halfLife, all: all ? true : nil, facets: facets ? true : nil, explain: explain ? true : nil)
        let client = try socket.connect()
        let reply: SearchReply
        do {
            reply = try client.call("io.newsd.Search", parameters: request, returning: SearchReply.self)
        } catch {
            throw ClientError.from(error, query: query)
        }
        var stdout = StandardOutput()
        try format.print(reply, query: query, offset: (page - 1) * limit, to: &stdout)
        stdout.flush()
        if reply.hits.isEmpty { throw ExitCode(1) }
    }
}
