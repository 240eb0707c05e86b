// SPDX-License-Identifier: Apache-2.0

/// Removes inline Markdown: `[text](url)` → text, images dropped, emphasis and code marks,
/// strike-through, simple HTML tags and backslash escapes.
///
/// Emphasis marks are dropped only at word edges, so `snake_case` and `2 * 3` survive.
enum MarkdownInline {
    static func strip(_ text: String) -> String {
        let characters = Array(text)
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
                if let (_, end) = link(characters, from: index + 1) {
                    index = end
                } else {
                    output.append(character)
                    index += 1
                }
            case "[":
                if let (label, end) = link(characters, from: index) {
                    output += strip(label)
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
                if let close = characters[index...].firstIndex(of: ">"), close - index < 200,
                    index + 1 < characters.count,
                    characters[index + 1].isLetter || characters[index + 1] == "/"
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
    private static func link(_ characters: [Character], from start: Int) -> (String, Int)? {
        var depth = 0
        var index = start
        var labelEnd: Int?
        while index < characters.count {
            if characters[index] == "[" { depth += 1 }
            if characters[index] == "]" {
                depth -= 1
                if depth == 0 {
                    labelEnd = index
                    break
                }
            }
            index += 1
        }
        guard let labelEnd, labelEnd + 1 < characters.count else { return nil }
        let opener = characters[labelEnd + 1]
        let closer: Character = opener == "(" ? ")" : "]"
        guard opener == "(" || opener == "[" else { return nil }
        guard let close = characters[(labelEnd + 2)...].firstIndex(of: closer) else { return nil }
        return (String(characters[(start + 1)..<labelEnd]), close + 1)
    }
}
