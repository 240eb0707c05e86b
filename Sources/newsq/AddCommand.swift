// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import Glibc
import NewsAPI
import Varlink

/// `newsq add FILE...`: sends files to the daemon, which writes them into its inbox.
///
/// For people who may use the socket but not write the inbox. Every file is checked before
/// any is sent, so that a bad argument does not leave half the list added.
struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Send files to newsd, which puts them in its inbox to be indexed."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The files to add.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file, such as: newsq add article.html") }
    }

    func run() throws {
        let limit = IngestRequest.maximumContentBytes
        var contents: [(String, Data)] = []
        for file in files {
            // stat(2), not FileManager's attributes: their boxed types differ between
            // FoundationEssentials builds, and a size read as 0 would skip this check.
            var status = stat()
            guard stat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw StandardError.failure("\(file) is not a readable regular file")
            }
            let size = Int(status.st_size)
            guard size <= limit else {
                throw StandardError.failure(
                    "\(file) is \(ByteCountText.format(size)), over the \(ByteCountText.format(limit)) newsq sends; "
                        + "copy it into the inbox instead")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw StandardError.failure("cannot read \(file)")
            }
            contents.append((file, data))
        }
        let client = try connection.connect()
        for (file, data) in contents {
            let request = IngestRequest(
                name: String(file.split(separator: "/").last ?? Substring(file)),
                contentBase64: data.base64EncodedString())
            let reply: IngestReply
            do {
                reply = try client.call("io.newsd.Ingest", parameters: request, returning: IngestReply.self)
            } catch .remote(let error) where error.name == TooLargeProblem.errorName {
                let limit = (try? error.decodeParameters(TooLargeProblem.self).limit).map(ByteCountText.format)
                throw StandardError.failure("\(file): newsd accepts files up to \(limit ?? "its max_file_size")")
            } catch {
                throw ClientError.from(error)
            }
            var output = StandardOutput()
            output.write("\(file) -> \(reply.path)\n")
            output.flush()
        }
    }
}
