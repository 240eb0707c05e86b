// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NewsAPI
import Varlink

/// The options every command that talks to the daemon shares.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "The daemon's socket (default: $NEWSD_SOCKET, else \(NewsInterface.defaultSocketPath)).")
    var socket: String?

    var socketPath: String {
        if let socket { return socket }
        if let fromEnvironment = ProcessInfo.processInfo.environment[NewsInterface.socketEnvironmentVariable],
            !fromEnvironment.isEmpty
        {
            return fromEnvironment
        }
        return NewsInterface.defaultSocketPath
    }

    /// Connects, or fails with the one line a person needs: which socket, and how to start newsd.
    func connect() throws(ClientError) -> VarlinkClient {
        do {
            return try VarlinkClient(path: socketPath)
        } catch {
            throw ClientError.unreachable(socketPath, error)
        }
    }
}

/// Errors newsq reports as one line on stderr, exiting 2.
enum ClientError: Error, CustomStringConvertible {
    case unreachable(String, VarlinkClient.Failure)
    case query(String, QuerySyntaxProblem)
    case daemon(VarlinkClient.Failure)

    var description: String {
        switch self {
        case .unreachable(let path, let failure):
            var reason = "\(failure)"
            if case .unreachable(_, let why) = failure { reason = why }
            return "cannot reach newsd at \(path) (\(reason)); start it with 'newsd run' "
                + "(or 'systemctl start newsd.socket'), or point --socket or NEWSD_SOCKET at its socket"
        case .query(let query, let problem):
            let caret = String(repeating: " ", count: max(problem.column - 1, 0)) + "^"
            return "query error at column \(problem.column): \(problem.message)\n  \(query)\n  \(caret)"
        case .daemon(let failure):
            return "newsd answered with an error: \(failure)"
        }
    }

    /// Turns a failed call into the error a person should see.
    static func from(_ failure: VarlinkClient.Failure, query: String? = nil) -> ClientError {
        if case .remote(let error) = failure, error.name == QuerySyntaxProblem.errorName, let query,
            let problem = try? error.decodeParameters(QuerySyntaxProblem.self)
        {
            return .query(query, problem)
        }
        return .daemon(failure)
    }
}
