// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

import NewsNormalizer

/// Replays every input in `Tests/Fixtures/fuzz-regressions/FuzzNormalizer`, read exactly as the fuzz target reads it
/// (`Fuzz/Sources/FuzzNormalizer`), so that a crasher `scripts/fuzz` found stays fixed: copy the file into that
/// folder as it is. The folder also holds hand-made hostile files (deep nesting, a truncated gzip, a gzip bomb).
@Suite struct FuzzRegressionTests {
    /// The fuzz target's list, in the same order: an input's first byte picks its file name, the rest is the file.
    static let fileNames = [
        "a.txt", "a.html", "a.html.gz", "a.md", "a.json", "a.jsonl", "a.xml", "a.rss", "a.atom", "a.eml", "a",
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/fuzz-regressions/FuzzNormalizer").standardized

    static func inputNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func theFolderHoldsInputs() throws {
        #expect(try Self.inputNames().count >= 5)
    }

    /// Articles or a `NormalizationError` are both fine; a trap would stop the test process. The hang inputs are
    /// sized so that the quadratic code they caught took 25 to 45 s here in a debug build, against at most 0.4 s
    /// now, which leaves the bound room for a loaded machine.
    @Test(arguments: try inputNames()) func replaysWithinBounds(_ name: String) throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let fileName = Self.fileNames[Int(input.first ?? 0) % Self.fileNames.count]
        let elapsed = ContinuousClock().measure {
            _ = try? Normalizer().normalize(input.dropFirst(), fileName: fileName)
        }
        #expect(elapsed < .seconds(5), "\(name) took \(elapsed)")
    }
}
