// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import Glibc
import NewsAPI
import Varlink

/// `newsq watch QUERY`: prints each newly indexed article that matches, as it is committed,
/// until interrupted.
///
/// Each line is written (and so flushed) on its own, so that `newsq watch ... | while read`
/// and `tail -f` see it at once. The line on stderr that the watch is in place comes only
/// after the daemon has registered it: from then on, nothing committed is missed.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print new articles matching a query as they are indexed, until interrupted."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print JSON Lines: one article object per line (see docs/PROTOCOL.md).")
    var json = false

    @Argument(help: "The query, in the language of docs/QUERY.md.")
    var words: [String] = []

    func validate() throws {
        guard !words.isEmpty else { throw ValidationError("give a query, such as: newsq watch sanctions") }
    }

    func run() throws {
        let query = words.joined(separator: " ")
        let client = try connection.connect()
        let style = TerminalStyle.forStandardOutput()
        do {
            try client.stream("io.newsd.Watch", parameters: WatchRequest(query: query), returning: WatchReply.self) {
                reply in
                switch reply.event {
                case .watching:
                    StandardError.write("watching for new articles matching: \(query)")
                case .match:
                    if let article = reply.article { try Self.emit(article, json: json, style: style) }
                }
                return true
            }
        } catch let failure as VarlinkClient.Failure {
            if case .protocolError = failure {
                throw ClientError.daemon(.protocolError("the watch ended: newsd closed the connection (stopping?)"))
            }
            throw ClientError.from(failure, query: query)
        }
    }

    private static func emit(_ article: ArticleSummary, json: Bool, style: TerminalStyle) throws {
        let line: String
        if json {
            line = try JSONText.line(article)
        } else {
            let origin = [
                article.source, article.publishedAt.map { String($0.prefix(10)) }, article.file ?? article.url,
            ]
            .compactMap { $0 }.joined(separator: " · ")
            line =
                "\(article.id)  \(style.bold(article.title))" + (origin.isEmpty ? "" : "  \(style.dim(origin))") + "\n"
        }
        writeAll(line, to: STDOUT_FILENO)
    }
}
