// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsdTestSupport
import Testing

/// newsq's JSON, from the real binaries, validated against the JSON Schemas in docs/schema
/// with Python's jsonschema (Tests/python/validate-json.py); and the schemas are strict enough
/// to notice a renamed field.
@Suite(.serialized) struct NewsqJSONSchemaTests {
    static func write(_ text: String, _ name: String, in harness: DaemonHarness) throws -> String {
        let path = harness.folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func validate(_ pairs: [(mode: String, schema: String, file: String)]) throws -> DaemonHarness.Output {
        try Python.run("validate-json.py", [Python.schemas.path] + pairs.flatMap { [$0.mode, $0.schema, $0.file] })
    }

    @Test func theSchemasAreDocumented() throws {
        let protocolText = try String(
            contentsOf: Binaries.repositoryRoot.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
        let schemas = try FileManager.default.contentsOfDirectory(atPath: Python.schemas.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(Set(schemas) == ["search.json", "search-hit.json", "status.json", "show.json"])
        for schema in schemas { #expect(protocolText.contains("schema/\(schema)"), "\(schema)") }
    }

    @Test func everyJSONOutputMatchesItsSchemaAndARenamedFieldDoesNot() async throws {
        try await blocking {
            #expect(Python.canImport("jsonschema"), "\(Python.interpreter) lacks jsonschema: run scripts/install-deps")
            let (harness, sampleID, markdownID) = try ClientFixtures.start()
            // Each output is checked for its status first: a failure must not pass as an empty document.
            func run(_ arguments: [String], expecting status: Int32 = 0) throws -> String {
                let output = try harness.newsq(arguments)
                #expect(output.status == status, "\(arguments): \(output.stderr)")
                return output.stdout
            }
            var pairs: [(mode: String, schema: String, file: String)] = []
            func add(_ mode: String, _ schema: String, _ arguments: [String], expecting status: Int32 = 0) throws {
                let name = "out-\(pairs.count).json"
                pairs.append((mode, schema, try Self.write(try run(arguments, expecting: status), name, in: harness)))
            }
            try add("--document", "search.json", ["--json", "insurers", "premiums"])
            try add("--document", "search.json", ["--json", "--explain", "--facets", "--all", "insurers OR sanctions"])
            try add("--document", "search.json", ["--json", "zzyzx"], expecting: 1)
            // A misspelling: notes, suggestions and perhaps a corrected query.
            let misspelt = try harness.newsq(["--json", "insurres"])
            #expect(misspelt.status <= 1)
            pairs.append(("--document", "search.json", try Self.write(misspelt.stdout, "misspelt.json", in: harness)))
            try add("--document", "search.json", ["--json", "--sort", "newest", "lang:en"])
            try add("--lines", "search-hit.json", ["--jsonl", "--explain", "insurers OR sanctions"])
            try add("--document", "status.json", ["status", "--json"])
            try add("--document", "show.json", ["show", "--json", sampleID])
            try add("--document", "show.json", ["show", "--json", markdownID])

            let valid = try Self.validate(pairs)
            #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
            #expect(valid.stdout.contains("valid: \(pairs.count + 1) documents"), "\(valid.stdout)")

            // The same outputs with one field renamed each: every one must be rejected.
            let renames: [(index: Int, from: String, to: String)] = [
                (0, "\"snippet\":", "\"snipet\":"), (0, "\"took_ms\":", "\"took\":"),
                (5, "\"published_at\":", "\"published\":"), (6, "\"articles\":", "\"article_count\":"),
                (8, "\"word_count\":", "\"words\":"),
            ]
            var broken: [(mode: String, schema: String, file: String)] = []
            for (index, from, to) in renames {
                let original = try String(contentsOfFile: pairs[index].file, encoding: .utf8)
                #expect(original.contains(from), "\(from) is not in \(pairs[index].file)")
                let name = "renamed-\(broken.count).json"
                broken.append(
                    (
                        pairs[index].mode, pairs[index].schema,
                        try Self.write(original.replacingOccurrences(of: from, with: to), name, in: harness)
                    ))
            }
            let invalid = try Self.validate(broken)
            #expect(invalid.status == 1, "\(invalid.stdout)\(invalid.stderr)")
            for (file, rename) in zip(broken.map(\.file), renames) {
                let problems = invalid.stdout.split(separator: "\n").filter { $0.hasPrefix(file) }
                let newName = rename.to.dropFirst().dropLast(2)
                #expect(problems.contains { $0.contains("'\(newName)' was unexpected") }, "\(file): \(problems)")
            }
            #expect(try harness.stop() == 0)
        }
    }
}
