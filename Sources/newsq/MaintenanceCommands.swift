// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// `newsq check`: SQLite's and FTS5's integrity checks. Exits 0 when both pass, 2 otherwise.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database and the full-text index for consistency (exit 2 on problems)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print the reply as JSON.")
    var json = false

    func run() throws {
        let client = try connection.connect()
        let reply: CheckReply
        do {
            reply = try client.call("io.newsd.Check", parameters: NoParameters(), returning: CheckReply.self)
        } catch {
            throw ClientError.from(error)
        }
        var output = StandardOutput()
        output.write(json ? try JSONText.line(reply) : reply.messages.map { $0 + "\n" }.joined())
        output.flush()
        if !reply.ok {
            StandardError.write("the index has problems; 'newsq reindex' rebuilds the full-text index")
            throw ExitCode(2)
        }
    }
}

/// `newsq backup PATH`: a consistent copy of the database, written by the daemon.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Have newsd write a consistent copy of its database to a new file."
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Where to write the copy; it must not exist. The daemon writes it, as its own user.")
    var path: String

    func run() throws {
        // The daemon runs elsewhere (another working directory): it needs an absolute path.
        let absolute = URL(
            fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        )
        .standardizedFileURL.path
        let client = try connection.connect()
        let reply: BackupReply
        do {
            reply = try client.call(
                "io.newsd.Backup", parameters: BackupRequest(path: absolute), returning: BackupReply.self)
        } catch .remote(let error) where error.name == BackupProblem.errorName {
            let message = (try? error.decodeParameters(BackupProblem.self).message) ?? "unknown reason"
            StandardError.write("no backup written to \(absolute): \(message)")
            throw ExitCode(2)
        } catch {
            throw ClientError.from(error)
        }
        var output = StandardOutput()
        output.write(
            "wrote \(reply.path) (\(ByteCountText.format(reply.bytes)), \(NumberText.fixed(reply.tookMilliseconds, digits: 0)) ms)\n"
        )
        output.flush()
    }
}

/// `newsq reindex`: rebuild the full-text index from the stored articles.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the full-text index from the stored articles."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let client = try connection.connect()
        let reply: ReindexReply
        do {
            reply = try client.call("io.newsd.Reindex", parameters: NoParameters(), returning: ReindexReply.self)
        } catch {
            throw ClientError.from(error)
        }
        var output = StandardOutput()
        output.write(
            "rebuilt the full-text index of \(reply.articles) articles in "
                + "\(NumberText.fixed(reply.tookMilliseconds, digits: 0)) ms\n")
        output.flush()
    }
}
