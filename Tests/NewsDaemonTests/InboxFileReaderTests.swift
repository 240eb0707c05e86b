// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import Testing

@testable import NewsDaemon

/// The reader never leaves the inbox, whichever component of a path is a symlink.
@Suite struct InboxFileReaderTests {
    let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("reader-\(UUID().uuidString)")
    var inbox: URL { root.appendingPathComponent("inbox") }
    var outside: URL { root.appendingPathComponent("outside") }

    func makeTree() throws -> InboxFileReader {
        try FileManager.default.createDirectory(
            at: inbox.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "secret".write(to: outside.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "inside".write(to: inbox.appendingPathComponent("real/a.txt"), atomically: true, encoding: .utf8)
        // A folder swapped for a symlink after it was listed.
        try FileManager.default.createSymbolicLink(
            at: inbox.appendingPathComponent("swapped"), withDestinationURL: outside)
        return InboxFileReader(inbox: inbox.path, maximumFileSize: 1024)
    }

    @Test func aSymlinkedFolderOnThePathIsRefused() throws {
        let reader = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: InboxFileReader.Refusal.self) { try reader.snapshot(of: "swapped/a.txt") }
        #expect(throws: InboxFileReader.Refusal.self) { try reader.read("swapped/a.txt") }
        #expect(reader.exists("swapped/a.txt"))
        let (_, data) = try reader.read("real/a.txt")
        #expect(String(decoding: data, as: UTF8.self) == "inside")
    }

    @Test func aPathThroughAFileOrAMissingFolderIsGone() throws {
        let reader = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try reader.snapshot(of: "missing/a.txt") == nil)
        #expect(try reader.snapshot(of: "real/a.txt/b.txt") == nil)
        #expect(!reader.exists("missing/a.txt"))
        #expect(throws: InboxFileReader.Refusal.self) { try reader.snapshot(of: "../outside/a.txt") }
    }

    @Test func aFileOverTheLimitIsRefusedBeforeReading() throws {
        let reader = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = inbox.appendingPathComponent("sparse.txt").path
        #expect(creat(path, 0o644) >= 0)
        #expect(truncate(path, 1 << 31) == 0)
        #expect(
            performing: { _ = try reader.read("sparse.txt") },
            throws: { error in
                "\(error)".contains("over the limit")
            })
    }

    @Test func theWalkerReportsANameThatIsNotUTF8AndFoldersTooDeep() throws {
        _ = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let raw = Array(inbox.path.utf8) + Array("/x".utf8) + [0xFE, 0x2E, 0x74, 0x78, 0x74, 0]
        let descriptor = raw.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let deep = (0...InboxEntryName.maximumFolderDepth).map { _ in "d" }.joined(separator: "/")
        try FileManager.default.createDirectory(
            at: inbox.appendingPathComponent(deep), withIntermediateDirectories: true)
        let found = InboxWalker(inbox: inbox.path, filter: InboxFilter()).files()
        #expect(found.contains(.refused("x\u{FFFD}.txt", reason: InboxEntryName.invalidNameReason)))
        #expect(found.contains(.file("real/a.txt")))
        #expect(found.contains(.file("swapped")))
        let tooDeep = found.filter {
            if case .refused(_, let reason) = $0 { reason == InboxEntryName.tooDeepReason } else { false }
        }
        #expect(tooDeep.map(\.path) == [deep])
    }
}
