// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

/// SimHash on the BBC corpus, whose re-deliveries are real near-duplicates: the pairs below were
/// found with difflib (word-sequence ratio ≥ 0.96, bodies not identical) and read by eye.
@Suite struct SimHashTests {
    static let bbc = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/bbc").standardizedFileURL

    private func article(_ path: String) throws -> Article {
        let data = try Data(contentsOf: Self.bbc.appendingPathComponent(path))
        return try #require(try Normalizer().normalize(data, fileName: path).first)
    }

    @Test func distanceCountsDifferingBits() {
        #expect(SimHash.distance(0, 0) == 0)
        #expect(SimHash.distance(0b1011, 0b0001) == 2)
        #expect(SimHash.distance(0, .max) == 64)
        #expect(SimHash.hash("") == 0)
    }

    @Test func caseDiacriticsAndSpacingDoNotMoveTheHash() {
        let plain = "The naive minister resigned on Tuesday after the vote in Zurich failed"
        let styled = "THE  naïve Minister resigned on\nTuesday — after the vote in Zürich failed."
        #expect(SimHash.hash(plain) == SimHash.hash(styled))
    }

    @Test(arguments: [
        ("tech/045.txt", "tech/341.txt"),  // difflib 0.998
        ("tech/064.txt", "tech/338.txt"),  // 0.997
        ("tech/212.txt", "tech/225.txt"),  // 0.997
        ("sport/289.txt", "sport/406.txt"),  // 0.997
        ("entertainment/102.txt", "entertainment/341.txt"),  // 0.995
        ("tech/019.txt", "tech/329.txt"),  // 0.963: a rewritten first paragraph
    ])
    func lightlyEditedRedeliveriesAreWithinThreeBits(_ first: String, _ second: String) throws {
        let (a, b) = (try article(first), try article(second))
        #expect(a.body != b.body)
        #expect(SimHash.distance(a.simHash, b.simHash) <= 3)
    }

    /// Among the 510 business stories, only identical bodies come within 3 bits, and every pair is
    /// more than 10 bits apart except identical bodies and the follow-ups listed (the same event
    /// rewritten a day later: difflib 0.2–0.9, 4–10 bits).
    @Test func unrelatedBusinessStoriesAreFarApart() throws {
        let folder = Self.bbc.appendingPathComponent("business")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        #expect(names.count == 510)
        var hashes: [UInt64] = []
        var bodies: [String] = []
        for name in names {
            let article = try article("business/" + name)
            hashes.append(article.simHash)
            bodies.append(article.body)
        }
        let followUps: Set<String> = [
            "087 114", "114 246", "188 202", "209 229", "209 293", "229 293", "254 447", "260 354", "427 505",
        ]
        var identicalPairs = 0
        for i in names.indices {
            for j in names.indices where j > i {
                let distance = SimHash.distance(hashes[i], hashes[j])
                if bodies[i] == bodies[j] {
                    identicalPairs += 1
                    #expect(distance == 0)
                    continue
                }
                let pair = "\(names[i].prefix(3)) \(names[j].prefix(3))"
                #expect(distance > 3, "business \(pair) is \(distance) bits apart")
                if !followUps.contains(pair) {
                    #expect(distance > 10, "business \(pair) is \(distance) bits apart")
                }
            }
        }
        #expect(identicalPairs >= 10)
    }
}
