// SPDX-License-Identifier: Apache-2.0

/// Removes inline Markdown: `[text](url)` → text, images dropped, emphasis and code marks,
/// strike-through, simple HTML tags and backslash escapes.
///
/// Emphasis marks are dropped only at word edges, so `snake_case` and `2 * 3` survive.
enum MarkdownInline {
    /// How deep labels inside labels are stripped; deeper ones stay as written. Bounds the recursion, and the
    /// work, that `[[[[x](u)](u)](u)](u)` nested a million times would cost.
    static let maximumNesting = 4

    static func strip(_ text: String) -> String { strip(text, nesting: 0) }

    private static func strip(_ text: String, nesting: Int) -> String {
        let characters = Array(text)
        let marks = Marks(characters)
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = 0
        func isWordCharacter(_ position: Int) -> Bool {
            position >= 0 && position < characters.count
                && (characters[position].isLetter || characters[position].isNumber)
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\"
            where index + 1 < characters.count && characters[index + 1].isPunctuation
                || index + 1 < characters.count && characters[index + 1].isSymbol:
                output.append(characters[index + 1])
                index += 2
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                if let (_, end) = link(characters, marks, from: index + 1) {
                    index = end
                } else {
                    output.append(character)
                    index += 1
                }
            case "[":
                if let (label, end) = link(characters, marks, from: index) {
                    output += nesting < maximumNesting ? strip(label, nesting: nesting + 1) : label
                    index = end
                } else {
                    output.append(character)
                    index += 1
                }
            case "*", "_", "~":
                var end = index
                while end < characters.count && characters[end] == character { end += 1 }
                let opens = !isWordCharacter(index - 1) && end < characters.count && !characters[end].isWhitespace
                let closes = index > 0 && !characters[index - 1].isWhitespace && !isWordCharacter(end)
                let isMark = character == "~" ? end - index == 2 : (opens || closes)
                if !isMark { output += String(characters[index..<end]) }
                index = end
            case "`":
                index += 1
            case "<":
                if index + 1 < characters.count, characters[index + 1].isLetter || characters[index + 1] == "/",
                    let close = marks.first(">", from: index), close - index < 200
                {
                    let tag = String(characters[(index + 1)..<close])
                    // Autolinks keep their address; tags go.
                    if tag.hasPrefix("http") || tag.contains("@") { output += tag }
                    index = close + 1
                } else {
                    output.append(character)
                    index += 1
                }
            default:
                output.append(character)
                index += 1
            }
        }
        return output
    }

    /// `[label](url)`, `[label][ref]` or `[label][]` starting at `start`: the label and the index after the link.
    private static func link(_ characters: [Character], _ marks: Marks, from start: Int) -> (String, Int)? {
        guard let labelEnd = marks.closingBracket[start], labelEnd + 1 < characters.count else { return nil }
        let opener = characters[labelEnd + 1]
        guard opener == "(" || opener == "[" else { return nil }
        guard let close = marks.first(opener == "(" ? ")" : "]", from: labelEnd + 2) else { return nil }
        return (String(characters[(start + 1)..<labelEnd]), close + 1)
    }

    /// Where brackets match and where each closing mark is, found in one pass, so that trying a link or a tag
    /// costs a lookup rather than a scan to the end of the text.
    ///
    /// Scanning forward from every `[` and `<` made hostile text quadratic: 10 KB of `[` took seconds, and a
    /// 20 MB file would have held up ingest for days (Tests/Fixtures/fuzz-regressions/FuzzNormalizer).
    private struct Marks {
        /// For each `[` that has a matching `]`, the index of that `]`.
        var closingBracket: [Int: Int] = [:]
        /// The indices of each closing mark (`)`, `]`, `>`), ascending.
        var positions: [Character: [Int]] = [:]

        init(_ characters: [Character]) {
            var opened: [Int] = []
            for (index, character) in characters.enumerated() {
                switch character {
                case "[":
                    opened.append(index)
                case "]":
                    if let start = opened.popLast() { closingBracket[start] = index }
                    positions["]", default: []].append(index)
                case ")", ">":
                    positions[character, default: []].append(index)
                default:
                    break
                }
            }
        }

        /// The first index of `mark` at or after `start`.
        func first(_ mark: Character, from start: Int) -> Int? {
            guard let indices = positions[mark] else { return nil }
            var low = 0
            var high = indices.count
            while low < high {
                let middle = (low + high) / 2
                if indices[middle] < start { low = middle + 1 } else { high = middle }
            }
            return low < indices.count ? indices[low] : nil
        }
    }
}
