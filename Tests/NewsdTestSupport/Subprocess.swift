// SPDX-License-Identifier: Apache-2.0
import CSpawnSupport
import Foundation
public import Glibc

/// A child process started with `posix_spawn` and reaped with `waitpid`.
///
/// Foundation's `Process` was not used: with several tests spawning at once its
/// `waitUntilExit` could miss a child's exit and hang, and its children inherit descriptors of
/// other tests' pipes. Here the child gets exactly stdin from /dev/null, stdout and stderr to
/// the given files, and every other descriptor closed.
public final class Subprocess: @unchecked Sendable {
    public let processID: Int32
    private var exitStatus: Int32?

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Starts `executable`; its output goes to the files at `standardOutput` and `standardError`
    /// (created or truncated), or /dev/null when `nil`.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String],
        standardOutput: String? = nil, standardError: String? = nil, workingDirectory: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let writeFlags = O_WRONLY | O_CREAT | O_TRUNC
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", writeFlags, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null", writeFlags, 0o644)
        if let workingDirectory { newsd_spawn_add_chdir(&actions, workingDirectory) }
        newsd_spawn_add_closefrom(&actions, 3)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The child starts with no blocked signals and default dispositions: a test thread
        // (Dispatch's) may block signals, and a child inheriting that would ignore SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(result)))")
        }
        processID = pid
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            _ = wait(timeout: .seconds(5))
        }
    }

    /// Sends a signal (SIGTERM by default).
    public func signal(_ number: Int32 = 15) {
        if exitStatus == nil { kill(processID, number) }
    }

    public var isRunning: Bool { poll() == nil }

    /// Waits for the exit, polling `waitpid` so that a hung child cannot hang the test.
    /// Returns the exit status (128 + signal for a killed child), or `nil` on timeout.
    public func wait(timeout: Duration) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = poll() { return status }
            usleep(5_000)
        }
        return poll()
    }

    private func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(processID, &status, WNOHANG)
        guard result == processID else { return nil }
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return exitStatus
    }
}
