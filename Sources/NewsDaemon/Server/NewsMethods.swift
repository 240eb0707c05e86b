// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI
import NewsIndex
import Varlink
import VarlinkNIO

/// The `io.newsd` interface: decodes each call, runs it against the index, encodes the reply.
struct NewsMethods: VarlinkInterface {
    let database: NewsDatabase
    /// Who may call what; checked before a call's parameters are even decoded.
    let access: AccessPolicy
    let settings: SearchSettingsBox
    let startedAt: ContinuousClock.Instant
    /// Every method beside Search and Status.
    let operations: OperationMethods

    var name: String { NewsInterface.name }
    var definition: String { NewsInterface.definition }

    func handle(_ call: VarlinkCall, context: VarlinkCallContext) async throws {
        try access.check(call.member, peer: context.peer)
        switch call.member {
        case "Search":
            let request = try call.decodeParameters(SearchRequest.self)
            try await context.reply(json: try await search(request).json())
        case "Status":
            try await context.reply(try await status())
        default:
            try await operations.handle(call, context: context)
        }
    }

    private func search(_ request: SearchRequest) async throws -> SearchReply {
        if let limit = request.limit, !(0...1000).contains(limit) {
            throw VarlinkError(
                name: InvalidRequestProblem.errorName,
                encoding: InvalidRequestProblem(message: "limit must be between 0 and 1000"))
        }
        do {
            return try await Searcher(database: database, settings: settings.settings).search(request)
        } catch SearchError.syntax(let message, let column) {
            throw VarlinkError(
                name: QuerySyntaxProblem.errorName, encoding: QuerySyntaxProblem(message: message, column: column))
        } catch SearchError.invalidRequest(let message) {
            throw VarlinkError(name: InvalidRequestProblem.errorName, encoding: InvalidRequestProblem(message: message))
        } catch SearchError.tooExpensive(let budget) {
            throw VarlinkError(
                name: QueryTooExpensiveProblem.errorName, encoding: QueryTooExpensiveProblem(budgetMilliseconds: budget)
            )
        }
    }

    private func status() async throws -> StatusReply {
        let statistics = try await IndexStatistics.read(from: database)
        let ingest = await operations.metrics.snapshot()
        return StatusReply(
            version: NewsVersion.current,
            articles: statistics.articles,
            files: statistics.files,
            failedFiles: statistics.failedFiles,
            databaseBytes: database.sizeInBytes,
            uptimeSeconds: (ContinuousClock.now - startedAt).seconds,
            indexedFiles: statistics.indexedFiles,
            duplicateFiles: statistics.duplicateFiles,
            queueLength: await operations.queue.count,
            ingestRate: ingest.filesPerSecond,
            lagLastSeconds: ingest.lastLag?.seconds,
            lagP95Seconds: ingest.p95Lag?.seconds,
            watchers: await operations.watchHub.count,
            ingestPaused: ingest.pausedReason
        )
    }
}

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
