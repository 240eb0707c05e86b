// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI
import Testing

/// The wire names of the methods beside Search, checked against the IDL.
struct OperationsWireFormatTests {
    private func keys(_ value: some Encodable) throws -> Set<String> {
        Set((try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! [String: Any]).keys)
    }

    @Test func typesUseSnakeCase() throws {
        let article = StoredArticle(
            id: "a", title: "t", publishedAt: "2025-01-01T00:00:00Z", ingestedAt: "2025-01-01T00:00:00Z",
            format: "text", wordCount: 1, body: "b")
        #expect(try keys(article).isSuperset(of: ["published_at", "ingested_at", "word_count", "authors", "tags"]))
        #expect(try keys(FailedFile(path: "p", reason: "r", failedAt: "w")) == ["path", "reason", "failed_at"])
        #expect(try keys(IngestRequest(name: "n", contentBase64: "")) == ["name", "content_base64"])
        #expect(try keys(BackupReply(path: "p", bytes: 1, tookMilliseconds: 1)) == ["path", "bytes", "took_ms"])
        #expect(try keys(WatchReply.watching) == ["event"])
        let status = StatusReply(
            version: "1", articles: 1, files: 1, failedFiles: 0, databaseBytes: 1, uptimeSeconds: 1,
            lagLastSeconds: 0.1, lagP95Seconds: 0.2)
        #expect(try keys(status).isSuperset(of: ["lag_last_seconds", "lag_p95_seconds"]))
    }

    @Test func idlDeclaresTheOperations() {
        let methods = ["Get", "Failures", "Ingest", "Check", "Backup", "Reindex", "Watch"]
        for method in methods {
            #expect(NewsInterface.definition.contains("method \(method)("))
        }
        for error in ["NotFound", "TooLarge", "BackupFailed"] {
            #expect(NewsInterface.definition.contains("error \(error) ("))
        }
        #expect(NewsInterface.definition.contains("lag_p95_seconds: ?float"))
    }
}
