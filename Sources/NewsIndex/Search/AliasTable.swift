// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Names that mean the same (Kyiv = Kiev; Rosselkhozbank = Russian Agricultural Bank = RSHB),
/// expanded at query time so that a search for one finds articles using any.
///
/// The expansion rewrites the query text: each alias found among the query's plain words
/// (outside quotes, not excluded, not inside `NEAR(...)`) becomes an OR group of every name in
/// its group, multi-word names as phrases. The query language then parses it like any query.
public struct AliasTable: Sendable, Hashable {
    /// Each group: names that mean the same, as the user wrote them in the file.
    public let groups: [[String]]
    /// Folded word sequence → group index; longest names first when matching.
    private let index: [[String]: Int]
    private let longestName: Int

    public init(groups: [[String]]) {
        let groups = groups.map { $0.filter { !Self.words(of: $0).isEmpty } }.filter { $0.count > 1 }
        self.groups = groups
        var index: [[String]: Int] = [:]
        for (number, group) in groups.enumerated() {
            for name in group { index[Self.words(of: name)] = number }
        }
        self.index = index
        longestName = index.keys.map(\.count).max() ?? 0
    }

    /// The query text with aliases expanded, and one line per expansion for the user.
    public func expand(_ query: String) -> (text: String, expansions: [String]) {
        guard !index.isEmpty else { return (query, []) }
        let tokens = Self.plainWords(in: query)
        var replacements: [(Range<String.Index>, String)] = []
        var expansions: [String] = []
        var position = 0
        while position < tokens.count {
            var matched = false
            for length in stride(from: min(longestName, tokens.count - position), through: 1, by: -1) {
                let run = tokens[position..<position + length]
                // A multi-word name must be typed as consecutive plain words.
                guard run.allSatisfy({ $0.isPlain }) else { continue }
                guard let group = index[run.map(\.folded)] else { continue }
                let range = run.first!.range.lowerBound..<run.last!.range.upperBound
                let typed = String(query[range])
                let alternatives = groups[group].map { name in name.contains(" ") ? "\"\(name)\"" : name }
                replacements.append((range, "(" + alternatives.joined(separator: " OR ") + ")"))
                let others = groups[group].filter { Self.words(of: $0) != run.map(\.folded) }
                expansions.append("\(typed) also searched as: \(others.joined(separator: ", "))")
                position += length
                matched = true
                break
            }
            if !matched { position += 1 }
        }
        var text = query
        for (range, replacement) in replacements.reversed() { text.replaceSubrange(range, with: replacement) }
        return (text, expansions)
    }

    /// A word of the query with where it stands and whether an alias may replace it.
    private struct Word {
        var range: Range<String.Index>
        var folded: String
        var isPlain: Bool
    }

    /// Splits the query into words, marking those inside quotes, after `-`, in `field:value`
    /// or inside `NEAR(...)` as not plain: rewriting those would change the query's meaning.
    private static func plainWords(in query: String) -> [Word] {
        var words: [Word] = []
        var inQuotes = false
        var nearDepth = 0
        var depth = 0
        var index = query.startIndex
        while index < query.endIndex {
            let character = query[index]
            if character == "\"" {
                inQuotes.toggle()
                index = query.index(after: index)
                continue
            }
            if character == "(" { depth += 1 }
            if character == ")" {
                if nearDepth == depth { nearDepth = 0 }
                depth -= 1
            }
            guard character.isLetter || character.isNumber else {
                index = query.index(after: index)
                continue
            }
            let start = index
            while index < query.endIndex,
                query[index].isLetter || query[index].isNumber || query[index] == "-"
                    || query[index] == "'"
            {
                index = query.index(after: index)
            }
            let word = query[start..<index]
            let before = start > query.startIndex ? query[query.index(before: start)] : " "
            let after = index < query.endIndex ? query[index] : " "
            if word == "NEAR" && after == "(" { nearDepth = depth + 1 }
            let isOperator = ["OR", "AND", "NOT", "NEAR"].contains(word)
            let plain =
                !inQuotes && nearDepth == 0 && before != "-" && before != ":" && after != ":" && after != "*"
                && !isOperator
            words.append(Word(range: start..<index, folded: fold(word), isPlain: plain))
        }
        return words
    }

    static func words(of name: String) -> [String] {
        name.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") }).map { fold($0) }
    }

    private static func fold(_ word: Substring) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
