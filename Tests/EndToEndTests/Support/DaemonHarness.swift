// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport

/// Runs the real `newsd` binary on a temporary inbox, database and socket, and the real
/// `newsq` against it.
///
/// Everything waits on a condition with a deadline (`waitUntil`), never on a fixed sleep.
final class DaemonHarness: @unchecked Sendable {
    let folder: URL
    let inbox: URL
    let socket: String
    let database: String
    private(set) var process: Subprocess?
    let logURL: URL

    init() throws {
        // Socket paths are limited to 108 bytes, so the folder lives directly under /tmp.
        folder = URL(fileURLWithPath: "/tmp/newsd-e2e-\(UUID().uuidString.prefix(8))")
        inbox = folder.appendingPathComponent("inbox")
        socket = folder.appendingPathComponent("newsd.sock").path
        database = folder.appendingPathComponent("newsd.sqlite").path
        logURL = folder.appendingPathComponent("newsd.log")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        process?.signal(SIGKILL)
        _ = process?.wait(timeout: .seconds(5))
        try? FileManager.default.removeItem(at: folder)
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NEWSD_INBOX"] = inbox.path
        environment["NEWSD_DATABASE"] = database
        environment["NEWSD_SOCKET"] = socket
        return environment
    }

    /// Starts newsd and waits until its socket answers.
    func start(arguments: [String] = ["run"], extraEnvironment: [String: String] = [:]) throws {
        process = try Subprocess(
            Binaries.url(of: "newsd").path, arguments, environment: environment.merging(extraEnvironment) { $1 },
            standardOutput: logURL.path, standardError: logURL.path + ".err", workingDirectory: folder.path)
        try waitUntil("newsd answers on its socket", timeout: .seconds(20)) {
            (try? newsq(["status"]).status) == 0
        }
    }

    /// Sends SIGTERM and returns the exit status, or `nil` if newsd still runs after `timeout`.
    func stop(timeout: Duration = .seconds(5)) throws -> Int32? {
        guard let process else { return nil }
        process.signal(SIGTERM)
        guard let status = process.wait(timeout: timeout) else { return nil }
        self.process = nil
        return status
    }

    var log: String {
        [logURL.path, logURL.path + ".err"].compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            .joined()
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the real newsq with the harness's environment.
    @discardableResult
    func newsq(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
        try Binaries.run("newsq", arguments, environment: environment.merging(extra) { $1 })
    }

    /// A count from `newsq status --json` (`articles`, `files`, ...), or -1 when newsd does not answer.
    func statusCount(_ key: String) throws -> Int {
        let output = try newsq(["status", "--json"])
        guard output.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        else { return -1 }
        return object[key] as? Int ?? -1
    }

    /// Polls `condition` until it holds or `timeout` passes; the failure names what was awaited.
    func waitUntil(_ what: String, timeout: Duration = .seconds(10), _ condition: () throws -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try condition() { return }
            usleep(20_000)
        }
        throw TimedOut(what: what, log: log)
    }

    struct TimedOut: Error, CustomStringConvertible {
        var what: String
        var log: String
        var description: String { "timed out waiting until \(what); newsd log:\n\(log)" }
    }
}

/// The built executables: `NEWSD_BIN_DIR` when set (scripts/test sets it), else the build
/// folder that holds the test bundle.
enum Binaries {
    static func url(of name: String) -> URL {
        if let folder = ProcessInfo.processInfo.environment["NEWSD_BIN_DIR"] {
            return URL(fileURLWithPath: folder).appendingPathComponent(name)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(name).path) {
            folder.deleteLastPathComponent()
        }
        if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(name).path) {
            return folder.appendingPathComponent(name)
        }
        return repositoryRoot.appendingPathComponent(".build/debug/\(name)")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized
    }

    static var shared: URL { repositoryRoot.appendingPathComponent("../shared").standardized }

    /// Runs a binary to completion, its output captured in files rather than pipes: a pipe
    /// reaches end-of-file only when every process holding its write end has exited, and a
    /// daemon spawned meanwhile by a parallel test may have inherited it.
    /// Runs a built binary to completion, its output captured in files.
    static func run(_ name: String, _ arguments: [String], environment: [String: String]) throws
        -> DaemonHarness.Output
    {
        try runExecutable(url(of: name).path, arguments, environment: environment)
    }

    /// Runs any executable to completion, its output captured in files.
    static func runExecutable(
        _ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DaemonHarness.Output {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let process = try Subprocess(
            path, arguments, environment: environment, standardOutput: outPath, standardError: errPath)
        guard let status = process.wait(timeout: .seconds(60)) else {
            throw Subprocess.Failure(description: "\(path) \(arguments) did not exit within 60 s")
        }
        return .init(
            status: status,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
