// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// newsd with a varlink client that is not ours: the `varlink` package from PyPI
/// (installed by scripts/install-deps into .build-deps/python), driven by
/// Tests/python/varlink-interop.py. It introspects the daemon, parses the io.newsd IDL with
/// the package's own parser, searches, and checks raw replies against the parsed IDL.
@Suite(.serialized) struct VarlinkInteropTests {
    struct Summary: Decodable {
        struct Hit: Decodable {
            var id: String
            var title: String
            var snippet: String
        }
        struct SyntaxError: Decodable {
            var error: String
            var parameters: [String: JSONValue]
        }
        var interfaces: [String]
        var methods: [String]
        var total: Int
        var hits: [Hit]
        var syntaxError: SyntaxError

        enum CodingKeys: String, CodingKey {
            case interfaces, methods, total, hits
            case syntaxError = "syntax_error"
        }
    }

    enum JSONValue: Decodable, Equatable {
        case number(Double), text(String)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    @Test func thePyPIVarlinkClientIntrospectsParsesTheIDLAndSearches() async throws {
        try await blocking {
            try #require(
                Python.canImport("varlink"),
                "\(Python.interpreter) cannot import varlink: run scripts/install-deps (it installs it into .build-deps/python)"
            )
            let harness = try DaemonHarness()
            try harness.start()
            try FileManager.default.copyItem(
                at: ClientFixtures.sample, to: harness.inbox.appendingPathComponent("diplomacy.txt"))
            let id = try ArticleCommandsTests.firstHitID(harness, ["sanctions", "Rosselkhozbank"])

            let output = try Python.run("varlink-interop.py", [harness.socket, "sanctions Rosselkhozbank"])
            #expect(output.status == 0, "\(output.stderr)")
            let summary = try JSONDecoder().decode(Summary.self, from: Data(output.stdout.utf8))
            #expect(summary.interfaces.contains("io.newsd"))
            #expect(summary.interfaces.contains("org.varlink.service"))
            #expect(Set(summary.methods).isSuperset(of: ["Search", "Status", "Get", "Failures", "Watch", "Ingest"]))
            #expect(summary.total == 1)
            #expect(summary.hits.map(\.id) == [id])
            #expect(summary.hits.first?.snippet.contains("<mark>Rosselkhozbank</mark>") == true)
            #expect(summary.syntaxError.error == "io.newsd.QuerySyntax")
            #expect(summary.syntaxError.parameters["column"] == .number(1))
            #expect(try harness.stop() == 0)
        }
    }
}
