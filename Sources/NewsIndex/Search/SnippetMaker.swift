// SPDX-License-Identifier: Apache-2.0
import GRDB
import NewsAPI

/// The best passage of each hit, with the query's terms marked, stemmed forms included
/// (`sanction` marks `sanctions`, as the index matched it).
///
/// Made only for the page being returned: one indexed lookup of the body per hit, then
/// `PassagePicker` in Swift.
struct SnippetMaker {
    var picker = PassagePicker()

    func snippets(for hits: [Candidate], plan: SearchPlan, in db: Database) throws -> [Int64: String] {
        var snippets: [Int64: String] = [:]
        let patterns = HighlightPattern.patterns(for: plan.query)
        let bodies = try db.cachedStatement(sql: "SELECT newsd_text(body) FROM articles WHERE id = ?")
        for hit in hits {
            let body = try String.fetchOne(bodies, arguments: [hit.rowID]) ?? ""
            let snippet =
                picker.passage(of: body, patterns: patterns)
                ?? Self.opening(of: body, maximumCharacters: picker.maximumCharacters)
            snippets[hit.rowID] = Self.flattened(snippet)
        }
        return snippets
    }

    /// A snippet is one line: paragraph breaks inside it become spaces.
    ///
    /// On UTF-8 bytes: splitting by `Character` ran grapheme breaking over every snippet, which
    /// cost more than picking the passage.
    static func flattened(_ snippet: String) -> String {
        let bytes = Array(snippet.utf8)
        var flat: [UInt8] = []
        flat.reserveCapacity(bytes.count)
        var breakPending = false
        var index = 0
        while index < bytes.count {
            let length = lineBreakLength(in: bytes, at: index)
            if length > 0 {
                breakPending = !flat.isEmpty
                index += length
                continue
            }
            if breakPending { flat.append(0x20) }
            breakPending = false
            flat.append(bytes[index])
            index += 1
        }
        return String(decoding: flat, as: UTF8.self)
    }

    /// The byte length of the line break at `index` (what `Character.isNewline` calls one), or 0.
    private static func lineBreakLength(in bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A...0x0D: return 1
        // U+0085
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return 2
        // U+2028, U+2029
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
            return 3
        default: return 0
        }
    }

    /// The body's first characters, cut at a word boundary.
    static func opening(of body: String, maximumCharacters: Int) -> String {
        guard body.count > maximumCharacters else { return body }
        let cut = body.prefix(maximumCharacters)
        let boundary = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<boundary]) + "…"
    }
}
