// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Runs the real `newsd` binary on a temporary inbox, database and socket, and the real
/// `newsq` against it.
///
/// Everything waits on a condition with a deadline (`waitUntil`), never on a fixed sleep.
final class DaemonHarness: @unchecked Sendable {
    let folder: URL
    let inbox: URL
    let socket: String
    let database: String
    private(set) var process: Process?
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
        if let process, process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
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
    func start(arguments: [String] = ["run"]) throws {
        let process = Process()
        process.executableURL = Binaries.url(of: "newsd")
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        self.process = process
        try waitUntil("newsd answers on its socket", timeout: .seconds(20)) {
            (try? newsq(["status"]).status) == 0
        }
    }

    /// Sends SIGTERM and returns the exit status, or `nil` if newsd still runs after `timeout`.
    func stop(timeout: Duration = .seconds(5)) throws -> Int32? {
        guard let process else { return nil }
        process.terminate()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        self.process = nil
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

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

    static func run(_ name: String, _ arguments: [String], environment: [String: String]) throws
        -> DaemonHarness.Output
    {
        let process = Process()
        process.executableURL = url(of: name)
        process.arguments = arguments
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
