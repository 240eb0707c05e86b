// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NewsAPI
import NewsIndex
import Varlink
import VarlinkNIO

/// The `io.newsd` methods beside Search and Status: one article, the ledger's failures,
/// handing in files, maintenance and live watches.
///
/// `NewsMethods` hands over every call it does not answer itself; each handler turns internal
/// errors into named `VarlinkError`s, or lets them become a bare `InternalError`.
struct OperationMethods: Sendable {
    let database: NewsDatabase
    let watchHub: WatchHub
    /// For Status: the queue's length and ingest's rate and lag.
    let queue: IngestQueue
    let metrics: IngestMetrics
    let dropper: InboxDropper
    /// The daemon's `max_file_size`, which Ingest enforces like the file reader does.
    let maximumFileSize: Int
    /// Set once the database file was deleted or replaced under the daemon; Check reports it.
    let databaseFileProblem: DatabaseFileProblem
    let logger: Logger

    func handle(_ call: VarlinkCall, context: VarlinkCallContext) async throws {
        switch call.member {
        case "Get":
            let request = try call.decodeParameters(GetRequest.self)
            try await context.reply(try await get(request))
        case "Failures":
            try await context.reply(FailuresReply(files: try await FileLedger(database: database).failures()))
        case "Ingest":
            let request = try call.decodeParameters(IngestRequest.self)
            try await context.reply(try await ingest(request))
        case "Check":
            var reply = try await IndexMaintenance(database: database).check()
            if let problem = databaseFileProblem.message {
                reply.ok = false
                reply.messages.insert(problem, at: 0)
            }
            try await context.reply(reply)
        case "Backup":
            let request = try call.decodeParameters(BackupRequest.self)
            try await context.reply(try await backup(request))
        case "Reindex":
            let reply = try await IndexMaintenance(database: database).reindex()
            logger.info("rebuilt the full-text index", metadata: ["articles": "\(reply.articles)"])
            try await context.reply(reply)
        case "Watch":
            try await WatchMethod(database: database, hub: watchHub).run(call, context: context)
        default:
            throw VarlinkError.methodNotFound(call.method)
        }
    }

    private func get(_ request: GetRequest) async throws -> GetReply {
        guard let article = try await ArticleStore(database: database).article(id: request.id) else {
            throw VarlinkError(name: NotFoundProblem.errorName, encoding: NotFoundProblem(id: request.id))
        }
        return GetReply(article: article)
    }

    private func ingest(_ request: IngestRequest) async throws -> IngestReply {
        // Refuse by the encoded length first, before decoding megabytes only to drop them.
        guard request.contentBase64.utf8.count / 4 * 3 <= maximumFileSize + 3 else {
            throw VarlinkError(name: TooLargeProblem.errorName, encoding: TooLargeProblem(limit: maximumFileSize))
        }
        guard let content = Data(base64Encoded: request.contentBase64) else {
            throw VarlinkError(
                name: InvalidRequestProblem.errorName,
                encoding: InvalidRequestProblem(message: "content_base64 is not valid base64"))
        }
        guard content.count <= maximumFileSize else {
            throw VarlinkError(name: TooLargeProblem.errorName, encoding: TooLargeProblem(limit: maximumFileSize))
        }
        let dropper = self.dropper
        let result = await onOwnThread { () throws(InboxDropper.Failure) -> String in
            try dropper.drop(content, suggestedName: request.name)
        }
        switch result {
        case .success(let path):
            logger.info("ingest call wrote a file", metadata: ["file": "\(path)", "bytes": "\(content.count)"])
            return IngestReply(path: path)
        case .failure(let failure):
            logger.error("cannot write into the inbox", metadata: ["error": "\(failure)"])
            throw VarlinkError(
                name: InvalidRequestProblem.errorName,
                encoding: InvalidRequestProblem(message: "the daemon cannot write into its inbox; see its log"))
        }
    }

    private func backup(_ request: BackupRequest) async throws -> BackupReply {
        do {
            let reply = try await IndexMaintenance(database: database).backup(to: request.path)
            logger.info("backup written", metadata: ["path": "\(reply.path)", "bytes": "\(reply.bytes)"])
            return reply
        } catch {
            if let detail = error.detail {
                logger.error("backup failed", metadata: ["path": "\(request.path)", "error": "\(detail)"])
            }
            throw VarlinkError(
                name: BackupProblem.errorName, encoding: BackupProblem(path: request.path, message: error.message))
        }
    }
}

/// Runs blocking I/O (writes with fsync) on its own thread, so that it never holds one of the
/// few Swift concurrency threads the server answers with.
func onOwnThread<Success: Sendable, Failure: Error>(
    _ body: @escaping @Sendable () throws(Failure) -> Success
) async -> Result<Success, Failure> {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: Result(catching: body)) }
    }
}
