// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsNormalizer
import Testing

@testable import NewsIndex

@Suite struct IndexWriterTests {
    @Test func theSameBodyTwiceIsStoredOnceAndTheSecondFileIsADuplicate() async throws {
        let store = try TemporaryDatabase()
        let results = try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "A", body: ["Same body text."]),
            TemporaryDatabase.record("b.txt", title: "B", body: ["Same body text."]),
        ])
        guard case .indexed(let ids) = results[0] else { Issue.record("first should be indexed"); return }
        #expect(ids.count == 1)
        #expect(results[1] == .duplicate(ofPath: "a.txt"))
        let statistics = try await IndexStatistics.read(from: store.database)
        #expect(statistics.articles == 1)
        #expect(statistics.files == 2)
    }

    @Test func rewritingAFileReplacesItsArticles() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([TemporaryDatabase.record("a.txt", title: "Old", body: ["walrus"])])
        try await store.writer.write([TemporaryDatabase.record("a.txt", title: "New", body: ["narwhal"])])
        #expect(try await store.searcher.search(.init(query: "walrus")).total == 0)
        #expect(try await store.searcher.search(.init(query: "narwhal")).hits.map(\.title) == ["New"])
    }

    @Test func rewritingAFileWithTheSameBodyKeepsItIndexed() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([TemporaryDatabase.record("a.txt", title: "Old", body: ["walrus"])])
        // Same body, new title and file hash: the file is not a duplicate of its own old version.
        let results = try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "New", body: ["walrus"], hash: "a2")
        ])
        guard case .indexed(let ids) = results[0] else { Issue.record("got \(results)"); return }
        #expect(ids.count == 1)
        #expect(try await store.searcher.search(.init(query: "walrus")).hits.map(\.title) == ["New"])
    }

    @Test func aBodyRepeatedInOneFileIsStoredOnce() async throws {
        let store = try TemporaryDatabase()
        let article = { (title: String) in
            PreparedArticle(Article(title: title, paragraphs: ["The same item twice in one feed."], format: .feed))
        }
        let record = IngestRecord(
            file: .init(path: "feed.xml", size: 1, modificationTimeNanoseconds: 1, inode: 1, sha256: "f"),
            outcome: .articles([article("First"), article("Again")]))
        let results = try await store.writer.write([record])
        guard case .indexed(let ids) = results[0] else { Issue.record("got \(results)"); return }
        #expect(ids.count == 1)
        #expect(try await IndexStatistics.read(from: store.database).articles == 1)
    }

    @Test func removingAFileRemovesItsArticlesFromTheIndex() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([TemporaryDatabase.record("a.txt", title: "A", body: ["walrus"])])
        try await store.writer.removeFiles(atPaths: ["a.txt"])
        #expect(try await store.searcher.search(.init(query: "walrus")).total == 0)
        let statistics = try await IndexStatistics.read(from: store.database)
        #expect(statistics.files == 0 && statistics.articles == 0)
    }

    @Test func failuresAreRecordedWithTheirReason() async throws {
        let store = try TemporaryDatabase()
        let record = IngestRecord(
            file: .init(path: "bad.bin", size: 3, modificationTimeNanoseconds: 1, inode: 2, sha256: "x"),
            outcome: .failed(reason: "binary: the file holds binary data"))
        #expect(try await store.writer.write([record]) == [.failed])
        let reason = try await store.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT error FROM files WHERE path = 'bad.bin' AND state = 'failed'")
        }
        #expect(reason == "binary: the file holds binary data")
    }

    @Test func theFTSIndexPassesSQLiteIntegrityChecks() async throws {
        let store = try TemporaryDatabase()
        for index in 0..<50 {
            try await store.writer.write([
                TemporaryDatabase.record("f\(index % 10).txt", title: "T\(index)", body: ["body number \(index)"])
            ])
        }
        try await store.database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// The batch's FTS5 rows go in at its end; a file rewritten within the same batch must
    /// still leave the index consistent, with only its new text findable.
    @Test func aFileWrittenTwiceInOneBatchKeepsTheIndexConsistent() async throws {
        let store = try TemporaryDatabase()
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "First", body: ["oldword in the first version"], hash: "1"),
            TemporaryDatabase.record("b.txt", title: "Other", body: ["otherword"]),
            TemporaryDatabase.record("a.txt", title: "Second", body: ["newword in the second version"], hash: "2"),
        ])
        #expect(try await store.searcher.search(.init(query: "oldword")).total == 0)
        #expect(try await store.searcher.search(.init(query: "newword")).total == 1)
        #expect(try await store.searcher.search(.init(query: "otherword")).total == 1)
        try await store.database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func idleUpkeepMergesAndCheckpointsWithoutHarm() async throws {
        let store = try TemporaryDatabase()
        try IndexTuning.configure(store.database)
        for index in 0..<40 {
            try await store.writer.write([
                TemporaryDatabase.record("f\(index).txt", title: "T", body: ["walrus \(index)"])
            ])
        }
        let segmentsBefore = try await Self.segmentCount(store)
        var slices = 0
        while try await IndexTuning.mergeSlice(store.database, pages: 50) { slices += 1 }
        try await store.database.checkpointer.checkpoint()
        #expect(slices > 0)
        #expect(try await Self.segmentCount(store) < segmentsBefore)
        #expect(try await Self.segmentCount(store) <= 3)
        #expect(try await IndexTuning.mergeSlice(store.database) == false)
        #expect(try await store.searcher.search(.init(query: "walrus")).total == 40)
        try await store.database.pool.write { db in
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    /// FTS5 segments, counted in the index of its leaf pages (`articles_fts_idx`).
    static func segmentCount(_ store: TemporaryDatabase) async throws -> Int {
        try await store.database.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM articles_fts_idx") ?? 0
        }
    }

    @Test func lightlyEditedRedeliveriesShareAClusterAndOthersDoNot() async throws {
        let store = try TemporaryDatabase()
        let words = (0..<300).map { "word\($0 * 7919 % 1000)" }
        let original = words.joined(separator: " ")
        var edited = words
        edited[150] = "changed"
        let unrelated = (0..<300).map { "other\($0 * 104_729 % 997)" }.joined(separator: " ")
        try await store.writer.write([
            TemporaryDatabase.record("a.txt", title: "A", body: [original]),
            TemporaryDatabase.record("b.txt", title: "A", body: [edited.joined(separator: " ")]),
            TemporaryDatabase.record("c.txt", title: "C", body: [unrelated]),
        ])
        let clusters = try await store.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT f.path, a.cluster_id FROM articles a JOIN files f ON f.id = a.file_id")
                .reduce(into: [String: Int64?]()) { $0[$1["path"]] = $1["cluster_id"] as Int64? }
        }
        #expect(clusters["a.txt"] != nil && clusters["a.txt"]! != nil)
        #expect(clusters["a.txt"]! == clusters["b.txt"]!)
        #expect(clusters["c.txt"]! == nil)
        let folded = try await store.searcher.search(.init(query: "word0"))
        #expect(folded.total == 1 && folded.hits.first?.similar?.count == 1)
    }
}
