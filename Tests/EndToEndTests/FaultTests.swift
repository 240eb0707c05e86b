// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsdTestSupport
import Testing

/// Things pulled from under the running daemon: the inbox folder (deleted, or moved away and
/// made again) is watched again once it is back; a deleted database file is reported.
@Suite(.serialized) struct FaultTests {
    static func drop(_ harness: DaemonHarness, _ name: String, word: String, in folder: URL? = nil) throws {
        try "\(name)\n\nA report that mentions \(word) in a body long enough to count as an article.\n".write(
            to: (folder ?? harness.inbox).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func anInboxDeletedAndMadeAgainIsWatchedAgain() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try harness.start()
            try Self.drop(harness, "first.txt", word: "firstfaultword")
            try harness.waitUntil("the first file is searchable") { try harness.newsq(["firstfaultword"]).status == 0 }
            try FileManager.default.removeItem(at: harness.inbox)
            try harness.waitUntil("the deleted file's article is gone") {
                try harness.newsq(["firstfaultword"]).status == 1
            }
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try Self.drop(harness, "second.txt", word: "secondfaultword")
            try harness.waitUntil("a file in the new inbox is searchable") {
                try harness.newsq(["secondfaultword"]).status == 0
            }
            // And it is watched, not only scanned once: a later file arrives too.
            try Self.drop(harness, "third.txt", word: "thirdfaultword")
            try harness.waitUntil("a later file is searchable") { try harness.newsq(["thirdfaultword"]).status == 0 }
            #expect(try harness.stop() == 0)
        }
    }

    @Test func anInboxMovedAwayIsForgottenAndItsReplacementWatched() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try harness.start()
            let old = harness.folder.appendingPathComponent("inbox.old")
            try FileManager.default.moveItem(at: harness.inbox, to: old)
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try Self.drop(harness, "new.txt", word: "newinboxword")
            try harness.waitUntil("a file in the new inbox is searchable") {
                try harness.newsq(["newinboxword"]).status == 0
            }
            // A file dropped into the folder that moved away is outside the inbox now.
            try Self.drop(harness, "stale.txt", word: "staleinboxword", in: old)
            try Self.drop(harness, "after.txt", word: "afterinboxword")
            try harness.waitUntil("a later file is searchable") { try harness.newsq(["afterinboxword"]).status == 0 }
            #expect(try harness.newsq(["staleinboxword"]).status == 1)
            #expect(try harness.stop() == 0)
        }
    }

    @Test func aDatabaseDeletedUnderTheDaemonIsReported() async throws {
        try await blocking {
            let harness = try DaemonHarness()
            try FileManager.default.createDirectory(at: harness.inbox, withIntermediateDirectories: true)
            try harness.start()
            #expect(try harness.newsq(["check"]).status == 0)
            try FileManager.default.removeItem(atPath: harness.database)
            try harness.waitUntil("the deletion is logged") { harness.log.contains("was deleted while newsd ran") }
            let check = try harness.newsq(["check"])
            #expect(check.status == 2)
            #expect(check.stdout.contains("was deleted while newsd ran"), "\(check.stdout)\(check.stderr)")
            #expect(try harness.stop() == 0)
        }
    }
}
