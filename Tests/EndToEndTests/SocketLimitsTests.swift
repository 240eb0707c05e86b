// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport
import Testing

/// A slow or hostile client can't block the others: half a message, replies never read, too
/// many connections or an oversized message each cost the daemon a bounded amount, and
/// newsq keeps being answered at once. Access is checked per method from SO_PEERCRED.
@Suite(.serialized) struct SocketLimitsTests {
    /// Starts newsd with `config` (YAML) as its configuration file.
    static func daemon(config: String) throws -> DaemonHarness {
        let harness = try DaemonHarness()
        try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
        let path = harness.folder.appendingPathComponent("config.yaml")
        try config.write(to: path, atomically: true, encoding: .utf8)
        try harness.start(arguments: ["run", "--config", path.path])
        return harness
    }

    /// newsq status answers, and within a second.
    static func expectPromptAnswer(_ harness: DaemonHarness) throws {
        let started = ContinuousClock.now
        let output = try harness.newsq(["status"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    static let statusCall = Array(#"{"method":"io.newsd.Status"}"#.utf8) + [0]

    @Test func halfAMessageIsClosedAfterTheIdleTimeoutWhileOthersAreServed() async throws {
        try await blocking {
            let harness = try Self.daemon(config: "socket_idle_timeout: 1\n")
            let stalled = try RawSocket(path: harness.socket)
            stalled.send(Array(#"{"method":"io.newsd.Sta"#.utf8))
            let silent = try RawSocket(path: harness.socket)
            try Self.expectPromptAnswer(harness)
            #expect(stalled.isClosedByPeer(within: .seconds(5)))
            #expect(silent.isClosedByPeer(within: .seconds(5)))
            try Self.expectPromptAnswer(harness)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aClientThatNeverReadsItsRepliesIsClosedWhileOthersAreServed() async throws {
        try await blocking {
            let harness = try Self.daemon(config: "socket_idle_timeout: 1\n")
            let greedy = try RawSocket(path: harness.socket)
            // Far more calls than the pipelining limit, and far more reply bytes than the
            // socket buffers hold: the daemon must stop reading, then give up on the writes.
            var sent = 0
            for _ in 0..<20_000 { sent += greedy.send(Self.statusCall) }
            #expect(sent > 0)
            try Self.expectPromptAnswer(harness)
            #expect(greedy.isClosedByPeer(within: .seconds(10)))
            try Self.expectPromptAnswer(harness)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func connectionsPastTheCapAreTurnedAwayAndSlotsComeBack() async throws {
        try await blocking {
            let harness = try Self.daemon(config: "max_connections: 3\nsocket_idle_timeout: 30\n")
            var held = try (0..<3).map { _ in try RawSocket(path: harness.socket) }
            // The daemon serves each held connection before it can count it; give it a moment.
            try harness.waitUntil("a fourth connection is turned away") {
                try harness.newsq(["status"]).status == 2
            }
            let extra = try RawSocket(path: harness.socket)
            #expect(extra.isClosedByPeer(within: .seconds(2)))
            held.removeFirst()
            try harness.waitUntil("a freed slot serves newsq again") { try harness.newsq(["status"]).status == 0 }
            held.removeAll()
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aMessageOverTheSizeLimitClosesOnlyThatConnection() async throws {
        try await blocking {
            // max_file_size sets the message limit: 1 MiB at least, room for one Ingest of that size.
            let harness = try Self.daemon(config: "max_file_size: 1000\n")
            let flooder = try RawSocket(path: harness.socket)
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 64 * 1024)
            var sent = 0
            let deadline = ContinuousClock.now + .seconds(5)
            while sent < 2 << 20 && ContinuousClock.now < deadline {
                let count = flooder.send(chunk)
                sent += count
                if count == 0 {
                    // The daemon stops reading at the limit and closes: stop sending then.
                    if sent > 1 << 20, flooder.isClosedByPeer(within: .milliseconds(20)) { break }
                    usleep(1000)
                }
            }
            #expect(sent > 1 << 20, "the daemon should read up to the limit: \(sent) bytes taken")
            #expect(flooder.isClosedByPeer(within: .seconds(5)))
            try Self.expectPromptAnswer(harness)
            #expect(try harness.stop() == 0)
        }
    }

    /// Runs newsq as the unprivileged user nobody (tests run as root, which newsd always lets in).
    static func newsqAsNobody(_ harness: DaemonHarness, _ arguments: [String]) throws -> DaemonHarness.Output {
        try Binaries.runExecutable(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", "--", Binaries.url(of: "newsq").path] + arguments,
            environment: harness.environment)
    }

    @Test func writeMethodsAreRefusedToUsersOutsideTheWriteLists() async throws {
        try await blocking {
            let harness = try Self.daemon(config: "socket_mode: \"0666\"\naccess:\n  write_users: [root]\n")
            let article = harness.folder.appendingPathComponent("article.txt")
            try "Access test\n\nA report about accesscheckword and more text for an article body.\n".write(
                to: article, atomically: true, encoding: .utf8)
            #expect(try Self.newsqAsNobody(harness, ["status"]).status == 0)
            let add = try Self.newsqAsNobody(harness, ["add", article.path])
            #expect(add.status == 2)
            #expect(add.stderr.contains("permission denied"), "\(add.stderr)")
            #expect(try harness.newsq(["add", article.path]).status == 0)
            try harness.waitUntil("root's file is indexed") { try harness.newsq(["accesscheckword"]).status == 0 }
            #expect(try Self.newsqAsNobody(harness, ["accesscheckword"]).status == 0)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func readMethodsAreRefusedToUsersOutsideTheReadLists() async throws {
        try await blocking {
            let harness = try Self.daemon(config: "socket_mode: \"0666\"\naccess:\n  read_groups: [root]\n")
            let status = try Self.newsqAsNobody(harness, ["status"])
            #expect(status.status == 2)
            #expect(status.stderr.contains("permission denied"), "\(status.stderr)")
            #expect(try Self.newsqAsNobody(harness, ["anything"]).status == 2)
            try Self.expectPromptAnswer(harness)
            #expect(try harness.stop() == 0)
        }
    }
}
