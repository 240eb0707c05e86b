// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// `newsq failures`: inbox files that gave no article, and why.
///
/// Exits 1 when there are none, like grep with no match, so that a script can test for them.
struct FailuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failures",
        abstract: "List the inbox files that could not be ingested, with the reason."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print one JSON document (see docs/PROTOCOL.md).")
    var json = false

    /// `newsq failures --json`.
    struct Document: Encodable {
        var version = NewsVersion.jsonSchema
        var files: [FailedFile]
    }

    func run() throws {
        let client = try connection.connect()
        let reply: FailuresReply
        do {
            reply = try client.call("io.newsd.Failures", parameters: NoParameters(), returning: FailuresReply.self)
        } catch {
            throw ClientError.from(error)
        }
        var output = StandardOutput()
        if json {
            output.write(try JSONText.line(Document(files: reply.files)))
        } else if !reply.files.isEmpty {
            output.write(Self.table(reply.files))
        }
        output.flush()
        if reply.files.isEmpty { throw ExitCode(1) }
    }

    /// Columns WHEN, FILE, REASON; the reason last, as it is the one that runs long.
    static func table(_ files: [FailedFile]) -> String {
        let whenWidth = 20
        let pathWidth = min(max(files.map(\.path.count).max() ?? 0, 4), 60)
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        var text = pad("WHEN", whenWidth) + "  " + pad("FILE", pathWidth) + "  REASON\n"
        for file in files {
            text += pad(file.failedAt, whenWidth) + "  " + pad(file.path, pathWidth) + "  " + file.reason + "\n"
        }
        return text
    }
}
