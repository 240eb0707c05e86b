// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// The options every command that talks to the daemon shares.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "The daemon's socket (default: $NEWSD_SOCKET, else \(NewsInterface.defaultSocketPath)).")
    var socket: String?

    var daemonSocket: DaemonSocket { DaemonSocket(explicitPath: socket) }

    func connect() throws(ClientError) -> VarlinkClient { try daemonSocket.connect() }
}

/// Where newsd listens: `--socket`, else `$NEWSD_SOCKET`, else the system path.
struct DaemonSocket {
    var explicitPath: String?

    var path: String {
        if let explicitPath { return explicitPath }
        if let fromEnvironment = ProcessInfo.processInfo.environment[NewsInterface.socketEnvironmentVariable],
            !fromEnvironment.isEmpty
        {
            return fromEnvironment
        }
        return NewsInterface.defaultSocketPath
    }

    /// Connects, or fails with the one line a person needs: which socket, and how to start newsd.
    func connect() throws(ClientError) -> VarlinkClient {
        let path = path
        do {
            return try VarlinkClient(path: path)
        } catch {
            throw ClientError.unreachable(path, error)
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
            let (excerpt, offset) = Self.excerpt(of: query, around: problem.column - 1)
            let caret = String(repeating: " ", count: max(offset, 0)) + "^"
            return "query error at column \(problem.column): \(problem.message)\n  \(excerpt)\n  \(caret)"
        case .daemon(.remote(let error)) where error.name == QueryTooExpensiveProblem.errorName:
            let message = (try? error.decodeParameters(QueryTooExpensiveProblem.self))?.message
            return "query too expensive: \(message ?? "the search ran past the daemon's time budget")"
        case .daemon(.remote(let error)) where error.name == "org.varlink.service.PermissionDenied":
            return "permission denied: newsd's access settings do not let this user make this call"
        case .daemon(let failure):
            return "newsd answered with an error: \(failure)"
        }
    }

    /// At most 70 characters of a long query around `column` (0-based), with `…` where cut,
    /// and the column's offset in that excerpt: a 100 KB query must not fill the terminal.
    static func excerpt(of query: String, around column: Int) -> (String, Int) {
        let characters = Array(query)
        guard characters.count > 70 else { return (query, column) }
        let start = max(0, min(column - 35, characters.count - 70))
        let end = min(characters.count, start + 70)
        let head = start > 0 ? "…" : ""
        let tail = end < characters.count ? "…" : ""
        return (head + String(characters[start..<end]) + tail, column - start + head.count)
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
