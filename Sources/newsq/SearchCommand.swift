// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NewsAPI
import Varlink

/// `newsq [search] WORDS...`: ranked hits.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search (the default command): the words are one query."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .shortAndLong, help: "The most hits to show.")
    var limit: Int = 10

    @Flag(name: .long, help: "Print one JSON document (its schema is in docs/PROTOCOL.md).")
    var json = false

    @Argument(help: "The query: words, \"phrases\", and the operators of docs/QUERY.md.")
    var words: [String]

    func validate() throws {
        guard !words.isEmpty else { throw ValidationError("give a query, such as: newsq sanctions Rosselkhozbank") }
        guard (0...1000).contains(limit) else { throw ValidationError("--limit must be between 0 and 1000") }
    }

    func run() throws {
        let query = words.joined(separator: " ")
        let client = try connection.connect()
        let reply: SearchReply
        do {
            reply = try client.call(
                "io.newsd.Search", parameters: SearchRequest(query: query, limit: limit), returning: SearchReply.self)
        } catch {
            throw ClientError.from(error, query: query)
        }
        var output = StandardOutput()
        if json {
            output.write(try SearchDocument(query: query, reply: reply).encoded())
            output.write("\n")
        } else {
            HitPrinter(style: TerminalStyle.forStandardOutput()).print(reply, to: &output)
        }
        output.flush()
        if reply.hits.isEmpty && reply.total == 0 { throw ExitCode(1) }
    }
}

/// `newsq --json`: a versioned document, so that scripts can tell when its shape changes.
struct SearchDocument: Encodable {
    var version = NewsVersion.jsonSchema
    var query: String
    var total: Int
    var tookMilliseconds: Double
    var hits: [SearchHit]

    init(query: String, reply: SearchReply) {
        self.query = query
        total = reply.total
        tookMilliseconds = reply.tookMilliseconds
        hits = reply.hits
    }

    enum CodingKeys: String, CodingKey {
        case version, query, total, hits
        case tookMilliseconds = "took_ms"
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
