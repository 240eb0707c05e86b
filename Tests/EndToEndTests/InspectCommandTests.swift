// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// `newsd inspect`: what newsd would index, as JSON Lines, without a daemon or an index.
@Suite struct InspectCommandTests {
    @Test func printsOneObjectPerFileWithTheArticleOrTheReason() async throws {
        try await blocking {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let binary = folder.appendingPathComponent("image.bin")
            try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]).write(to: binary)
            let sample = WalkingSkeletonTests.sample.path

            let output = try Binaries.run("newsd", ["inspect", sample, binary.path], environment: [:])
            #expect(output.status == 1, "some files failed: exit 1")
            let lines = output.stdout.split(separator: "\n").map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
            }
            #expect(lines.count == 2)
            let article = (lines.first?["articles"] as? [[String: Any]])?.first
            #expect(article?["title"] as? String == "Macron fails to get Europe to send troops to Ukraine")
            #expect((article?["body"] as? String)?.hasPrefix("European leaders met this week") == true)
            #expect(article?["language"] as? String == "en", "the sample states no language: detected")
            #expect((lines.last?["error"] as? String)?.contains("binary") == true)

            let summary = try Binaries.run("newsd", ["inspect", "--summary", sample], environment: [:])
            #expect(summary.status == 0)
            #expect(summary.stdout.contains("\"articles\":1"))
            #expect(!summary.stdout.contains("European leaders"))

            let list = folder.appendingPathComponent("list")
            try "\(sample)\n\n\(binary.path)\n".write(to: list, atomically: true, encoding: .utf8)
            let listed = try Binaries.run(
                "newsd", ["inspect", "--summary", "--files-from", list.path], environment: [:])
            #expect(listed.status == 1)
            #expect(listed.stdout.split(separator: "\n").count == 2, "one line per listed file, blank lines skipped")
        }
    }
}
