// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// `newsq show ID`: one article in full.
///
/// Exits 1 with one line on stderr when no article has the id, like grep finding nothing.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article in full: title, metadata, then the body.",
        aliases: ["get"]
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print the article as one JSON document (see docs/PROTOCOL.md).")
    var json = false

    @Argument(help: "The article's id, as search, watch and --json print it.")
    var id: String

    /// `newsq show --json`.
    struct Document: Encodable {
        var version = NewsVersion.jsonSchema
        var article: StoredArticle
    }

    func run() throws {
        let client = try connection.connect()
        let reply: GetReply
        do {
            reply = try client.call("io.newsd.Get", parameters: GetRequest(id: id), returning: GetReply.self)
        } catch .remote(let error) where error.name == NotFoundProblem.errorName {
            StandardError.write("no article has the id \(id); ids come from 'newsq QUERY' and 'newsq watch'")
            throw ExitCode(1)
        } catch {
            throw ClientError.from(error)
        }
        if json {
            var output = StandardOutput()
            output.write(try JSONText.line(Document(article: reply.article)))
            output.flush()
        } else {
            Pager.show(
                Self.render(reply.article, style: .forStandardOutput(), width: TextWrapper.standardOutputWidth()))
        }
    }

    /// Title, subtitle, one line per metadata field that is present, a blank line, the body.
    static func render(_ article: StoredArticle, style: TerminalStyle, width: Int) -> String {
        let wrapper = TextWrapper(width: width)
        var text = style.bold(wrapper.wrap(article.title)) + "\n"
        if let subtitle = article.subtitle { text += wrapper.wrap(subtitle) + "\n" }
        text += "\n"
        let fields: [(String, String?)] = [
            ("Source", article.source),
            ("Published", article.publishedAt),
            ("Authors", article.authors.isEmpty ? nil : article.authors.joined(separator: ", ")),
            ("Section", article.section),
            ("Tags", article.tags.isEmpty ? nil : article.tags.joined(separator: ", ")),
            ("URL", article.url),
            ("Language", article.language),
            ("File", article.file),
            ("Indexed", article.ingestedAt),
            ("Id", article.id),
            ("Words", "\(article.wordCount) (\(article.format))"),
        ]
        for case (let name, let value?) in fields {
            text += style.dim(name.padded(to: 10)) + value + "\n"
        }
        return text + "\n" + wrapper.wrap(article.body) + "\n"
    }
}
