// SPDX-License-Identifier: Apache-2.0

/// Splits a query into tokens in one pass over its characters.
///
/// Two modes. `structured` reads the whole language and reports an unbalanced quote as a ``QuerySlip``, since the
/// parser then falls back. `literal` is that fallback: quotes, parentheses, `|` and operator words are dropped, and
/// only what attaches to a single word (`-`, `*`, `title:`) and the whole-query filters survive, so it cannot fail
/// on structure. Both modes throw ``QuerySyntaxError`` for mistakes with no sensible literal reading.
struct QueryLexer {
    enum Mode {
        case structured, literal
    }

    private let characters: [Character]
    private let mode: Mode

    init(_ text: String, mode: Mode) {
        self.characters = Array(text)
        self.mode = mode
    }

    /// The tokens, in order.
    func tokens() throws(QueryParseFailure) -> [QueryToken] {
        var tokens: [QueryToken] = []
        var index = 0
        var parenDepth = 0
        // The paren depth just inside the innermost open `NEAR(`, so that its `)` ends comma handling.
        var nearDepth: Int?
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if Self.isSpace(character) {
                index += 1
                continue
            }
            if mode == .literal && isLiteralSeparator(character) {
                index += 1
                continue
            }
            switch character {
            case "\"":
                guard let end = characters[(index + 1)...].firstIndex(of: "\"") else {
                    throw .slip(QuerySlip(message: "unbalanced quote at column \(column)", column: column))
                }
                let text = String(characters[(index + 1)..<end])
                let isPrefix = end + 1 < characters.count && characters[end + 1] == "*"
                tokens.append(QueryToken(kind: .phrase(text, isPrefix: isPrefix), column: column))
                index = isPrefix ? end + 2 : end + 1
            case "(":
                tokens.append(QueryToken(kind: .open, column: column))
                parenDepth += 1
                index += 1
            case ")":
                tokens.append(QueryToken(kind: .close, column: column))
                if nearDepth == parenDepth { nearDepth = nil }
                parenDepth -= 1
                index += 1
            case "|":
                tokens.append(QueryToken(kind: .or, column: column))
                index += 1
            case "," where nearDepth != nil:
                tokens.append(QueryToken(kind: .comma, column: column))
                index += 1
            case "-" where index + 1 < characters.count && startsOperand(characters[index + 1]):
                tokens.append(QueryToken(kind: .minus, column: column))
                index += 1
            default:
                if let afterColon = try lexField(at: index, into: &tokens) {
                    index = afterColon
                    continue
                }
                var end = index
                while end < characters.count && !endsWord(characters[end], insideNear: nearDepth != nil) {
                    end += 1
                }
                let word = characters[index..<end]
                if mode == .structured && word.elementsEqual("NEAR") && end < characters.count
                    && characters[end] == "("
                {
                    tokens.append(QueryToken(kind: .nearOpen, column: column))
                    parenDepth += 1
                    nearDepth = parenDepth
                    index = end + 1
                    continue
                }
                index = try lexWord(word, column: column, end: end, into: &tokens)
            }
        }
        return tokens
    }

    /// Lexes a field such as `title:` starting at `index` and returns where its operand starts, or `nil` when no
    /// field starts there.
    ///
    /// Looks at no more than the longest field name, so that `title:title:title:...` stays linear.
    private func lexField(at index: Int, into tokens: inout [QueryToken]) throws(QueryParseFailure) -> Int? {
        var colon = index
        while colon < characters.count && colon - index <= Self.longestFieldName && characters[colon] != ":" {
            if endsWord(characters[colon], insideNear: false) { return nil }
            colon += 1
        }
        guard colon < characters.count, characters[colon] == ":", colon > index,
            let field = QueryField(prefix: Substring(String(characters[index..<colon])))
        else { return nil }
        let afterColon = colon + 1
        guard afterColon < characters.count, startsOperand(characters[afterColon]) else {
            if mode == .literal {
                dropDanglingPrefixes(&tokens)
                return afterColon
            }
            let name = String(characters[index..<colon])
            throw .syntax(
                QuerySyntaxError(
                    .missingFieldValue, "\(name): needs a word, a \"phrase\" or a (group) right after the colon",
                    column: index + 1))
        }
        tokens.append(QueryToken(kind: .field(field), column: index + 1))
        return afterColon
    }

    private static let longestFieldName = "subtitle".count + 1

    /// Lexes the word `characters[column - 1 ..< end]` (not a field) and returns where lexing continues.
    private func lexWord(
        _ word: ArraySlice<Character>, column: Int, end: Int, into tokens: inout [QueryToken]
    ) throws(QueryParseFailure) -> Int {
        let text = String(word)
        if let keyword = operatorKeyword(text, column: column) {
            let kind = try keyword.get()
            if mode == .structured {
                tokens.append(QueryToken(kind: kind, column: column))
            } else {
                dropDanglingPrefixes(&tokens)
            }
            return end
        }
        if let colon = word.firstIndex(of: ":"), colon > word.startIndex {
            let prefix = Substring(String(word[..<colon]))
            let afterColon = colon + 1
            if let filter = QueryToken.Filter(prefix: prefix) {
                let value = String(word[afterColon...])
                guard !value.isEmpty else {
                    throw .syntax(
                        QuerySyntaxError(
                            .missingFieldValue, "\(prefix): needs a value right after the colon", column: column))
                }
                tokens.append(
                    QueryToken(kind: .filter(filter, value: value, valueColumn: afterColon + 1), column: column))
                return end
            }
        }
        // A trailing `*` asks for a prefix; any other `*` or `:` is literal text for the tokenizer to split on.
        var stemEnd = word.endIndex
        while stemEnd > word.startIndex && word[stemEnd - 1] == "*" { stemEnd -= 1 }
        let stem = String(word[..<stemEnd])
        tokens.append(QueryToken(kind: .word(stem, isPrefix: stemEnd < word.endIndex), column: column))
        return end
    }

    /// `AND`, `OR`, `NOT`, `NEAR` and `NEAR/n` in capitals, as in FTS5; lowercase ones are ordinary words.
    private func operatorKeyword(_ text: String, column: Int) -> Result<QueryToken.Kind, QueryParseFailure>? {
        switch text {
        case "AND": return .success(.and)
        case "OR": return .success(.or)
        case "NOT": return .success(.not)
        case "NEAR": return .success(.nearOperator(distance: 10))
        default:
            guard text.hasPrefix("NEAR/") else { return nil }
            let digits = text.dropFirst(5)
            guard let distance = Int(digits), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                if mode == .literal { return .success(.and) }
                return .failure(
                    .syntax(
                        QuerySyntaxError(
                            .invalidNear, "NEAR/ needs a distance in words, as in NEAR/5", column: column + 5)))
            }
            return .success(.nearOperator(distance: distance))
        }
    }

    /// In literal mode, forgets a `-` or field left with nothing to apply to because what followed was dropped,
    /// so that the literal token list cannot trip the parser.
    private func dropDanglingPrefixes(_ tokens: inout [QueryToken]) {
        while let last = tokens.last {
            switch last.kind {
            case .minus, .field: tokens.removeLast()
            default: return
            }
        }
    }

    /// Whether a word ends before `character`.
    private func endsWord(_ character: Character, insideNear: Bool) -> Bool {
        if Self.isSpace(character) { return true }
        switch character {
        case "\"", "(", ")", "|": return true
        case ",": return insideNear
        default: return false
        }
    }

    /// Whether `character` can start what a `-` or a field applies to.
    private func startsOperand(_ character: Character) -> Bool {
        if Self.isSpace(character) || (mode == .literal && isLiteralSeparator(character)) { return false }
        switch character {
        case ")", "|", "-": return false
        default: return true
        }
    }

    /// Whitespace, and control characters too: they are never searchable (and ``QueryTerm/fts5String`` must
    /// not pass a NUL to SQLite).
    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace
            || character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
    }

    private func isLiteralSeparator(_ character: Character) -> Bool {
        switch character {
        case "\"", "(", ")", "|", ",": return true
        default: return false
        }
    }
}
