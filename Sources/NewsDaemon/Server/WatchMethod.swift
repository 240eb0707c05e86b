// SPDX-License-Identifier: Apache-2.0
import NewsAPI
import NewsIndex
import Varlink
import VarlinkNIO

/// One `io.newsd.Watch` call: register, acknowledge, stream matches until the client goes.
struct WatchMethod: Sendable {
    let database: NewsDatabase
    let hub: WatchHub

    func run(_ call: VarlinkCall, context: VarlinkCallContext) async throws {
        guard call.more else { throw VarlinkError.expectedMore }
        let request = try call.decodeParameters(WatchRequest.self)
        let matcher: WatchMatcher
        do {
            matcher = try WatchMatcher(database: database, query: request.query)
        } catch {
            throw VarlinkError(
                name: QuerySyntaxProblem.errorName,
                encoding: QuerySyntaxProblem(message: error.message, column: error.column))
        }
        guard let (id, matches) = await hub.register(matcher) else {
            throw VarlinkError(
                name: InvalidRequestProblem.errorName,
                encoding: InvalidRequestProblem(message: "too many watches (\(WatchHub.maximumWatchers)); try later"))
        }
        // Registered before the acknowledgement: from the moment the client reads it, every
        // commit reaches this watcher.
        do {
            try await context.reply(WatchReply.watching, continues: true)
        } catch {
            await hub.unregister(id)
            throw error
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await context.connectionClosed() }
            group.addTask {
                for await article in matches {
                    // A failed write means the client went away: stop quietly.
                    do {
                        try await context.reply(WatchReply(event: .match, article: article), continues: true)
                    } catch {
                        return
                    }
                }
            }
            // Whichever ends first (client gone, write failed, server stopping) ends the watch.
            await group.next()
            group.cancelAll()
        }
        await hub.unregister(id)
    }
}
