// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI
import NewsNormalizer
import Testing

@testable import NewsIndex

/// Ranking quality on the BBC corpus: queries a person would type to find one particular
/// article, from its facts rather than its headline (Tests/Fixtures/known-items.tsv), scored
/// as success@1 and mean reciprocal rank. The floors sit a little under what the ranking
/// reaches, so that a change that makes it worse fails here.
@Suite struct KnownItemRankingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized
    static let corpus = root.appendingPathComponent("../shared/corpus/bbc").standardized

    @Test func knownItemsRankFirst() async throws {
        let store = try TemporaryDatabase()
        try await Self.index(Self.corpus, into: store)
        let lines = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/known-items.tsv"), encoding: .utf8
        )
        .split(separator: "\n").dropFirst()
        var reciprocalRanks: [Double] = []
        var misses: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 2 else { continue }
            let reply = try await store.searcher.search(SearchRequest(query: fields[0], limit: 10))
            let rank = reply.hits.firstIndex { $0.file == fields[1] }.map { $0 + 1 }
            reciprocalRanks.append(rank.map { 1 / Double($0) } ?? 0)
            if rank != 1 {
                misses.append("\(fields[0]) → \(fields[1]) ranked \(rank.map(String.init) ?? "not in top 10")")
            }
        }
        let successAtOne = Double(reciprocalRanks.filter { $0 == 1 }.count) / Double(reciprocalRanks.count)
        let meanReciprocalRank = reciprocalRanks.reduce(0, +) / Double(reciprocalRanks.count)
        print(
            String(
                format: "known-item ranking: %d queries, success@1 %.3f, MRR %.3f", reciprocalRanks.count,
                successAtOne, meanReciprocalRank))
        for miss in misses { print("  miss: \(miss)") }
        #expect(reciprocalRanks.count >= 50)
        #expect(successAtOne >= 0.92)
        #expect(meanReciprocalRank >= 0.94)
    }

    /// Normalises and commits every file of the corpus, as the daemon would, in batches.
    static func index(_ folder: URL, into store: TemporaryDatabase) async throws {
        let normalizer = Normalizer()
        var batch: [IngestRecord] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" && $0.lastPathComponent != "README.TXT" }
        for file in files {
            let relative = String(file.path.dropFirst(folder.path.count + 1))
            let data = try Data(contentsOf: file)
            let outcome: IngestRecord.Outcome
            do {
                outcome = .articles(
                    try normalizer.normalize(data, fileName: file.lastPathComponent).map(PreparedArticle.init))
            } catch {
                outcome = .failed(reason: error.description)
            }
            batch.append(
                IngestRecord(
                    file: .init(
                        path: relative, size: Int64(data.count), modificationTimeNanoseconds: 0, inode: 0,
                        sha256: SHA256.hexDigest(of: data)),
                    outcome: outcome))
            if batch.count == 256 {
                try await store.writer.write(batch)
                batch.removeAll()
            }
        }
        try await store.writer.write(batch)
    }
}
