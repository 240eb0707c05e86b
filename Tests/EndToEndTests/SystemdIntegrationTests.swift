// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport
import Testing

/// newsd under a stand-in for systemd: the notification protocol over a socket the test owns,
/// and socket activation through systemd's own `systemd-socket-activate`.
@Suite(.serialized) struct SystemdIntegrationTests {
    @Test func notifiesReadyStatusWatchdogAndStoppingInOrder() async throws {
        try await blocking {
            let listener = try NotifyListener()
            defer { listener.close() }
            let harness = try DaemonHarness()
            // WATCHDOG_USEC of 0.2 s: newsd must ping every 0.1 s.
            try harness.start(extraEnvironment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000"])
            var seen: [String] = []
            for state in ["READY=1", "STATUS=", "WATCHDOG=1"] {
                let message = try listener.receive { $0.hasPrefix(state) }
                #expect(message != nil, "no \(state) from newsd")
                if let message { seen.append(message) }
            }
            #expect(seen.first { $0.hasPrefix("STATUS=") }?.contains("articles") == true)
            harness.process?.signal(SIGTERM)
            #expect(try listener.receive { $0.hasPrefix("STOPPING=1") } != nil)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func sighupReloadsTheAliasesAndSaysReloadingThenReady() async throws {
        try await blocking {
            let listener = try NotifyListener()
            defer { listener.close() }
            let harness = try DaemonHarness()
            let aliases = harness.folder.appendingPathComponent("aliases.yaml")
            let configuration = harness.folder.appendingPathComponent("newsd.yaml")
            try "[]\n".write(to: aliases, atomically: true, encoding: .utf8)
            try "search:\n  aliases: \(aliases.path)\n".write(to: configuration, atomically: true, encoding: .utf8)
            try harness.start(
                arguments: ["run", "--config", configuration.path], extraEnvironment: ["NOTIFY_SOCKET": listener.path])
            try "Shelling in Kiev\n\nKiev was shelled overnight.\n".write(
                to: harness.inbox.appendingPathComponent("kiev.txt"), atomically: true, encoding: .utf8)
            try harness.waitUntil("the article is searchable") { try harness.newsq(["Kiev"]).status == 0 }
            #expect(try harness.newsq(["Kyiv"]).status == 1)

            try "- [Kyiv, Kiev]\n".write(to: aliases, atomically: true, encoding: .utf8)
            #expect(try listener.receive { $0.hasPrefix("READY=1") } != nil)
            harness.process?.signal(SIGHUP)
            let reloading = try listener.receive { $0.hasPrefix("RELOADING=1") }
            #expect(reloading?.contains("MONOTONIC_USEC=") == true)
            #expect(try listener.receive { $0.hasPrefix("READY=1") } != nil)
            let found = try harness.newsq(["--json", "Kyiv"])
            #expect(found.status == 0)
            #expect(found.stdout.contains("kiev.txt"))
            #expect(try harness.stop() == 0)
        }
    }

    @Test func servesTheSocketSystemdPasses() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            let activated = harness.folder.appendingPathComponent("activated.sock").path
            // systemd-socket-activate passes only the variables named with -E.
            let unused = harness.folder.appendingPathComponent("unused.sock").path
            let activator = try Subprocess(
                "/usr/bin/systemd-socket-activate",
                [
                    "--listen=\(activated)", "--fdname=varlink",
                    "-E", "NEWSD_INBOX=\(harness.inbox.path)", "-E", "NEWSD_DATABASE=\(harness.database)",
                    // newsd's own socket is elsewhere: answering on `activated` proves it served the passed one.
                    "-E", "NEWSD_SOCKET=\(unused)",
                    Binaries.url(of: "newsd").path, "run",
                ],
                environment: harness.environment)
            defer {
                activator.signal(SIGTERM)
                _ = activator.wait(timeout: .seconds(5))
            }
            try harness.waitUntil("systemd-socket-activate listens") {
                FileManager.default.fileExists(atPath: activated)
            }
            let status = try harness.newsq(["status", "--json"], environment: ["NEWSD_SOCKET": activated])
            #expect(status.status == 0, "newsq: \(status.stderr)")
            #expect(status.stdout.contains("\"articles\""))
            #expect(!FileManager.default.fileExists(atPath: unused))
            #expect(FileManager.default.fileExists(atPath: harness.database))
        }
    }
}
