// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsAPI
import NewsdTestSupport
import Testing

/// A hostile inbox (symlinks out of it, a FIFO, a socket, a 2 GB sparse file, names that are not
/// UTF-8 or hold a newline, folders nested 1000 deep) never hangs newsd, never brings content
/// from outside the inbox into the index, and every refused entry is in `newsq failures` with
/// its reason.
///
/// Tests run as root, which bypasses permission bits, so "unreadable" is covered by the FIFO
/// (opening one for reading would block) rather than by `chmod 000`.
@Suite(.serialized) struct HostileInboxTests {
    @Test func hostileEntriesFoundByTheStartUpScanAreRefusedWithReasons() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            let hostile = HostileInbox(inbox: harness.inbox, outside: harness.folder.appendingPathComponent("outside"))
            defer { hostile.remove() }
            try hostile.create()
            try harness.start()
            try Self.expectRefusedAndNothingLeaked(harness)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func hostileEntriesArrivingWhileNewsdRunsAreRefusedWithReasons() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try harness.start()
            let hostile = HostileInbox(inbox: harness.inbox, outside: harness.folder.appendingPathComponent("outside"))
            defer { hostile.remove() }
            try hostile.create()
            try Self.expectRefusedAndNothingLeaked(harness)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aFileGrowingWhileReadIsIndexedWhole() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try harness.start()
            let path = harness.inbox.appendingPathComponent("growing.txt").path
            let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
            #expect(descriptor >= 0)
            let head = Array(HostileInbox.article(title: "Growing", word: "firstpart").utf8)
            _ = write(descriptor, head, head.count)
            // Keep appending for a second, forcing reads of a file that grows under them.
            for round in 0..<50 {
                let more = Array("More text in round \(round) of the growing file. ".utf8)
                _ = write(descriptor, more, more.count)
                usleep(20_000)
            }
            let tail = Array(" The end mentions lastpartword.\n".utf8)
            _ = write(descriptor, tail, tail.count)
            close(descriptor)
            try harness.waitUntil("the whole grown file is searchable", timeout: .seconds(15)) {
                try harness.newsq(["lastpartword"]).status == 0
            }
            #expect(try harness.newsq(["firstpart"]).status == 0)
            #expect(try harness.stop() == 0)
        }
    }

    static func expectRefusedAndNothingLeaked(_ harness: DaemonHarness) throws {
        var failures: [FailedFile] = []
        try harness.waitUntil("every hostile entry is in newsq failures", timeout: .seconds(20)) {
            let output = try harness.newsq(["failures", "--json"])
            failures = (try? JSONDecoder().decode(FailuresReply.self, from: Data(output.stdout.utf8)))?.files ?? []
            let paths = Set(failures.map(\.path))
            return Set(HostileInbox.expectedReasons.keys).isSubset(of: paths)
                && failures.contains { $0.path.hasPrefix(HostileInbox.tooDeepPathPrefix) }
        }
        for (path, reason) in HostileInbox.expectedReasons {
            let recorded = failures.first { $0.path == path }?.reason ?? ""
            #expect(recorded.contains(reason), "\(path): \(recorded)")
        }
        let deep = failures.first { $0.path.hasPrefix(HostileInbox.tooDeepPathPrefix) }
        #expect(deep?.reason.contains("nested deeper than") == true)
        try harness.waitUntil("the file whose name holds a newline is searchable") {
            try harness.newsq([HostileInbox.newlineWord]).status == 0
        }
        // Nothing from outside the inbox, or from below the depth limit, reached the index.
        #expect(try harness.newsq([HostileInbox.secretWord]).status == 1)
        #expect(try harness.newsq(["nologin"]).status == 1)
        #expect(try harness.newsq(["root"]).status == 1)
        #expect(try harness.statusCount("articles") == 1)
        // And newsd still answers at once.
        let started = ContinuousClock.now
        #expect(try harness.newsq(["status"]).status == 0)
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
