// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsAPI

@Suite struct WireFormatTests {
    private func object(_ value: some Encodable) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! [String: Any]
    }

    @Test func hitUsesTheIDLFieldNames() throws {
        let hit = SearchHit(
            id: "abc", title: "T", file: "a.txt", publishedAt: "2025-03-27T10:00:00Z", score: 1.5,
            snippet: "s")
        let keys = Set(try object(hit).keys)
        #expect(keys.isSuperset(of: ["id", "title", "file", "published_at", "score", "snippet"]))
    }

    @Test func replyAndStatusUseSnakeCase() throws {
        #expect(try object(SearchReply(total: 0, hits: [], tookMilliseconds: 1)).keys.contains("took_ms"))
        let status = StatusReply(
            version: "1", articles: 1, files: 1, failedFiles: 0, databaseBytes: 1, uptimeSeconds: 1)
        #expect(
            Set(try object(status).keys) == [
                "version", "articles", "files", "failed_files", "database_bytes", "uptime_seconds",
                "indexed_files", "duplicate_files", "queue_length", "ingest_rate", "watchers",
            ])
    }

    @Test func idlDeclaresEveryMethodTheTypesImplement() {
        for method in ["method Search(", "method Status(", "error QuerySyntax", "type Hit"] {
            #expect(NewsInterface.definition.contains(method))
        }
        #expect(NewsInterface.definition.hasPrefix("# newsd"))
        #expect(NewsInterface.definition.contains("interface io.newsd\n"))
    }
}
