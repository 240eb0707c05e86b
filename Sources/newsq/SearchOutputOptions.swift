// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI

/// How search results are printed: cards for people, or one of the script formats.
struct SearchOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document (its schema is in docs/PROTOCOL.md).")
    var json = false

    @Flag(name: .long, help: "Print one JSON object per hit, one per line.")
    var jsonl = false

    @Flag(name: .long, help: "Print only the ids, one per line.")
    var ids = false

    @Flag(name: .long, help: "Print only the inbox files (or URLs), one per line.")
    var paths = false

    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func validate() throws {
        guard [json, jsonl, ids, paths].filter({ $0 }).count <= 1 else {
            throw ValidationError("choose one of --json, --jsonl, --ids and --paths")
        }
    }

    var format: SearchOutputFormat {
        if json { return .json }
        if jsonl { return .jsonl }
        if ids { return .ids }
        if paths { return .paths }
        return .cards(color)
    }
}

/// What `newsq` prints for a search: cards for people, or one of the script formats.
enum SearchOutputFormat {
    case cards(SearchOutputOptions.ColorChoice)
    case json, jsonl, ids, paths

    func print(_ reply: SearchReply, query: String, offset: Int, to output: inout StandardOutput) throws {
        switch self {
        case .json:
            output.write(try SearchDocument(query: query, reply: reply).encoded() + "\n")
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for hit in reply.hits { output.write(String(decoding: try encoder.encode(hit), as: UTF8.self) + "\n") }
        case .ids:
            for hit in reply.hits { output.write(hit.id + "\n") }
        case .paths:
            for hit in reply.hits { output.write((hit.file ?? hit.url ?? hit.id) + "\n") }
        case .cards(let color):
            let style = TerminalStyle.choose(color)
            HitPrinter(style: style, width: style.columns).print(reply, offset: offset, to: &output)
        }
    }
}

/// `newsq --json`: a versioned document, so that scripts can tell when its shape changes.
struct SearchDocument: Encodable {
    var version = NewsVersion.jsonSchema
    var query: String
    var reply: SearchReply

    enum CodingKeys: String, CodingKey {
        case version, query
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(query, forKey: .query)
        try reply.encode(to: encoder)
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
