// SPDX-License-Identifier: Apache-2.0
import NewsdTestSupport
import Testing

@testable import NewsDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// Tests that set the variables systemd passes (`NOTIFY_SOCKET`, `WATCHDOG_*`, `LISTEN_*`, `JOURNAL_STREAM`).
///
/// The environment is process-wide and `setenv` is not thread-safe, so these run one at a time and put every
/// variable back. Other suites must not set these variables in-process.
@Suite(.serialized)
struct SystemdEnvironmentTests {
    @Test func notifierSendsEachStateInOrder() throws {
        let listener = try NotifyListener()
        defer { listener.close() }
        try withEnvironment(["NOTIFY_SOCKET": listener.path]) {
            let notifier = SystemdNotifier()
            #expect(notifier.isEnabled)
            #expect(notifier.ready())
            #expect(notifier.status("indexed 3\narticles"))
            #expect(notifier.watchdog())
            #expect(notifier.stopping())
        }
        // Read until our four messages have arrived in order. Other suites calling a notifier while NOTIFY_SOCKET
        // is set could add messages in between, so extra ones are skipped rather than failed on.
        let expected = ["READY=1", "STATUS=indexed 3 articles", "WATCHDOG=1", "STOPPING=1"]
        var received: [String] = []
        var matched = 0
        while matched < expected.count, let message = try listener.receive() {
            received.append(message)
            if message == expected[matched] { matched += 1 }
        }
        #expect(matched == expected.count, "received \(received)")
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let listener = try NotifyListener()
        defer { listener.close() }
        let before = SystemdNotifier.monotonicMicroseconds()
        try withEnvironment(["NOTIFY_SOCKET": listener.path]) {
            #expect(SystemdNotifier().reloading())
            #expect(SystemdNotifier().extendTimeout(microseconds: 5_000_000))
        }
        let after = SystemdNotifier.monotonicMicroseconds()

        let reload = try #require(try listener.receive(where: { $0.hasPrefix("RELOADING=1") }))
        let lines = reload.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect((before...after).contains(stamp))

        let extend = try listener.receive(where: { $0.hasPrefix("EXTEND_TIMEOUT_USEC=") })
        #expect(extend == "EXTEND_TIMEOUT_USEC=5000000")
    }

    @Test func notifierIsANoOpOutsideSystemd() throws {
        try withEnvironment(["NOTIFY_SOCKET": nil]) {
            let notifier = SystemdNotifier()
            #expect(!notifier.isEnabled)
            #expect(!notifier.ready())
            #expect(!notifier.status("nothing listens"))
            #expect(!notifier.watchdog())
        }
    }

    @Test func watchdogIntervalIsHalfTheTimeout() throws {
        let pid = String(getpid())
        try withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": pid]) {
            #expect(SystemdNotifier().watchdogInterval == .seconds(15))
        }
        try withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == .seconds(15))
        }
        // Inherited from a parent service: the watchdog is that process's business.
        try withEnvironment(["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": String(getpid() + 1)]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
        try withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
    }

    @Test func noListenFileDescriptorsWithoutActivation() throws {
        try withEnvironment(["LISTEN_PID": nil, "LISTEN_FDS": nil, "LISTEN_FDNAMES": nil]) {
            #expect(SocketActivation.listenFileDescriptors().isEmpty)
        }
    }

    @Test func listenFileDescriptorsForAnotherProcessAreIgnoredAndUnset() throws {
        let other = String(getpid() + 1)
        try withEnvironment(["LISTEN_PID": other, "LISTEN_FDS": "1", "LISTEN_FDNAMES": "newsd.socket"]) {
            var rejected: [Int32] = []
            #expect(SocketActivation.listenFileDescriptors(onRejected: { fd, _ in rejected.append(fd) }).isEmpty)
            #expect(rejected.isEmpty)
            // Removed so that child processes never take the sockets for theirs.
            #expect(getenv("LISTEN_FDS") == nil)
            #expect(getenv("LISTEN_PID") == nil)
        }
    }

    @Test func journalIsStderrNeedsAMatchingStream() throws {
        var status = stat()
        try #require(fstat(STDERR_FILENO, &status) == 0)
        try withEnvironment(["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino)"]) {
            #expect(JournalLogHandler.journalIsStderr())
            #expect(DaemonLogging.resolve(.automatic) == .journal)
        }
        try withEnvironment(["JOURNAL_STREAM": "\(status.st_dev):\(status.st_ino &+ 1)"]) {
            #expect(!JournalLogHandler.journalIsStderr())
            #expect(DaemonLogging.resolve(.automatic) == .stderr)
        }
        try withEnvironment(["JOURNAL_STREAM": nil]) {
            #expect(!JournalLogHandler.journalIsStderr())
            #expect(DaemonLogging.resolve(.automatic) == .stderr)
            #expect(DaemonLogging.resolve(.journal) == .journal)
        }
    }
}

/// Runs `body` with the variables set (or unset, for `nil`), then puts the previous values back.
private func withEnvironment(_ variables: [String: String?], _ body: () throws -> Void) throws {
    var saved: [String: String?] = [:]
    for (name, value) in variables {
        saved[name] = getenv(name).map { String(cString: $0) }
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    try body()
}
