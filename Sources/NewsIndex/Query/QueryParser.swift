// SPDX-License-Identifier: Apache-2.0

/// Recursive descent from tokens to a ``QueryNode``, with whole-query filters collected on the way.
///
/// Grammar, loosest first (OR binds tighter than the implied AND, as in web search engines, so that
/// `sanctions russia OR ukraine` means sanctions and either country):
///
///     group   := ( item )*                          items are ANDed; filters may sit between them
///     item    := either | 'AND'                     a lone AND changes nothing
///     either  := unary ( ('OR' | '|') unary )*
///     unary   := ('-' | 'NOT') primary | primary
///     primary := field primary | word | phrase | '(' group ')' | near ( 'NEAR/n' (word | phrase) )*
///
/// Every level that can nest (group, field, exclusion) adds one to a depth that is capped, so the recursion is
/// bounded whatever the input; each token is looked at a bounded number of times, so time is linear.
struct QueryParser {
    private let tokens: [QueryToken]
    private let limits: QueryLimits
    private let mode: QueryLexer.Mode
    private var position = 0
    private(set) var collector: QueryFilterCollector
    private(set) var notes: [String] = []
    private var nextTermID = 0
    private var termCount = 0

    /// Where a node sits, which its terms record.
    private struct Context {
        var field: QueryField?
        var isExcluded = false
        var depth = 0
    }

    init(tokens: [QueryToken], mode: QueryLexer.Mode, limits: QueryLimits, now: Double) {
        self.tokens = tokens
        self.mode = mode
        self.limits = limits
        self.collector = QueryFilterCollector(now: now)
    }

    /// The tree for the whole token list, or `nil` when it holds only filters.
    mutating func parse() throws(QueryParseFailure) -> QueryNode? {
        let root = try parseGroup(Context(), opening: nil)
        if position < tokens.count {
            // parseGroup stops only at the end or at a `)` it has no `(` for.
            let column = tokens[position].column
            throw .slip(QuerySlip(message: "unmatched ) at column \(column)", column: column))
        }
        return root
    }

    // MARK: Levels

    private mutating func parseGroup(_ context: Context, opening: QueryToken?) throws(QueryParseFailure) -> QueryNode? {
        var required: [QueryNode] = []
        var excluded: [QueryNode] = []
        var firstExclusion: Int?
        var sawOperand = false
        while let token = peek() {
            switch token.kind {
            case .close:
                return try finishGroup(required, excluded, firstExclusion: firstExclusion, context, opening: opening)
            case .filter(let filter, let value, let valueColumn):
                position += 1
                do { try collector.add(filter, value: value, column: valueColumn) } catch { throw .syntax(error) }
            case .and:
                position += 1
                guard sawOperand, let next = peek(), startsOperand(next) else { throw stray("AND", token) }
            default:
                let (node, isExcluded) = try parseEither(context)
                sawOperand = true
                guard let node else { continue }
                if isExcluded {
                    excluded.append(node)
                    firstExclusion = firstExclusion ?? token.column
                } else {
                    required.append(node)
                }
            }
        }
        if let opening {
            let what = opening.kind == .nearOpen ? "NEAR(" : "("
            throw .slip(QuerySlip(message: "unmatched \(what) at column \(opening.column)", column: opening.column))
        }
        return try finishGroup(required, excluded, firstExclusion: firstExclusion, context, opening: nil)
    }

    private func finishGroup(
        _ required: [QueryNode], _ excluded: [QueryNode], firstExclusion: Int?, _ context: Context,
        opening: QueryToken?
    ) throws(QueryParseFailure) -> QueryNode? {
        if required.isEmpty {
            guard let firstExclusion else { return nil }
            let message =
                opening == nil && context.depth == 0
                ? "a query needs at least one word to look for besides exclusions"
                : "the group at column \(opening?.column ?? firstExclusion) only excludes; "
                    + "put a word to look for inside it, or move the exclusion out"
            throw .syntax(QuerySyntaxError(.onlyExclusions, message, column: firstExclusion))
        }
        if required.count == 1 && excluded.isEmpty { return required[0] }
        return .all(required: required, excluded: excluded)
    }

    /// An OR chain; returns whether its single operand was an exclusion (an OR of exclusions is refused).
    private mutating func parseEither(_ context: Context) throws(QueryParseFailure) -> (QueryNode?, Bool) {
        var operandColumn = peek()?.column ?? 0
        let first = try parseUnary(context)
        guard let next = peek(), next.kind == .or else { return first }
        var operands: [QueryNode] = []
        var current = first
        while true {
            if current.1 {
                throw .syntax(
                    QuerySyntaxError(
                        .onlyExclusions,
                        "an OR branch needs a word to look for; an exclusion cannot stand alone beside OR",
                        column: operandColumn))
            }
            if let node = current.0 { operands.append(node) }
            guard let or = peek(), or.kind == .or else { break }
            position += 1
            guard let operand = peek(), startsOperand(operand) else { throw stray("OR", or) }
            if case .filter = operand.kind { throw misplacedFilter(operand, after: "OR") }
            operandColumn = operand.column
            current = try parseUnary(context)
        }
        if operands.isEmpty { return (nil, false) }
        return (operands.count == 1 ? operands[0] : .any(operands), false)
    }

    private mutating func parseUnary(_ context: Context) throws(QueryParseFailure) -> (QueryNode?, Bool) {
        guard let token = peek() else { return (nil, false) }
        switch token.kind {
        case .minus, .not:
            position += 1
            guard let next = peek(), startsOperand(next), next.kind != .minus, next.kind != .not else {
                throw stray(token.kind == .not ? "NOT" : "-", token)
            }
            if case .filter = next.kind { throw misplacedFilter(next, after: token.kind == .not ? "NOT" : "-") }
            var inner = try deeper(context, at: token)
            inner.isExcluded = true
            return (try parsePrimary(inner), true)
        default:
            return (try parsePrimary(context), false)
        }
    }

    private mutating func parsePrimary(_ context: Context) throws(QueryParseFailure) -> QueryNode? {
        guard let token = peek() else { return nil }
        position += 1
        switch token.kind {
        case .word(let text, let isPrefix):
            return try parseNearChain(
                startingWith: makeTerm(text, isPhrase: false, isPrefix: isPrefix, token, context), token, context)
        case .phrase(let text, let isPrefix):
            return try parseNearChain(
                startingWith: makeTerm(text, isPhrase: true, isPrefix: isPrefix, token, context), token, context)
        case .open:
            let inner = try parseGroup(try deeper(context, at: token), opening: token)
            position += 1  // the `)`, which parseGroup guarantees
            if inner == nil && tokens[position - 2] == token {
                notes.append("empty parentheses at column \(token.column) ignored")
            }
            return inner
        case .nearOpen:
            return try parseNearGroup(token, context)
        case .field(let field):
            guard let next = peek() else { throw stray(field.rawValue + ":", token) }
            if case .filter = next.kind { throw misplacedFilter(next, after: field.rawValue + ":") }
            guard startsOperand(next), next.kind != .minus, next.kind != .not else {
                throw stray(field.rawValue + ":", token)
            }
            var inner = try deeper(context, at: token)
            inner.field = field
            return try parsePrimary(inner).map { .field(field, $0) }
        case .filter:
            throw misplacedFilter(token, after: nil)
        case .minus, .not, .and, .or, .close, .comma, .nearOperator:
            throw stray(describe(token), token)
        }
    }

    // MARK: Proximity

    /// `a NEAR/5 b NEAR/5 c`: a chain merges into one NEAR with the largest distance given.
    private mutating func parseNearChain(
        startingWith first: QueryTerm?, _ token: QueryToken, _ context: Context
    ) throws(QueryParseFailure) -> QueryNode? {
        guard let next = peek(), case .nearOperator = next.kind else { return first.map { .term($0) } }
        var terms: [QueryTerm] = first.map { [$0] } ?? []
        var distance = 0
        while let near = peek(), case .nearOperator(let given) = near.kind {
            position += 1
            guard let operand = peek() else { throw stray(describe(near), near) }
            let term: QueryTerm?
            switch operand.kind {
            case .word(let text, let isPrefix):
                term = try makeTerm(text, isPhrase: false, isPrefix: isPrefix, operand, context)
            case .phrase(let text, let isPrefix):
                term = try makeTerm(text, isPhrase: true, isPrefix: isPrefix, operand, context)
            default:
                throw .syntax(
                    QuerySyntaxError(
                        .invalidNear, "\(describe(near)) joins two words or phrases; for more, use NEAR(a b c, 5)",
                        column: operand.column))
            }
            position += 1
            try checkDistance(given, column: near.column)
            distance = max(distance, given)
            if let term { terms.append(term) }
        }
        return nearNode(terms, distance: distance)
    }

    /// `NEAR(a "b c" d*, 5)`; the distance defaults to FTS5's 10.
    private mutating func parseNearGroup(_ opening: QueryToken, _ context: Context) throws(QueryParseFailure)
        -> QueryNode?
    {
        var terms: [QueryTerm] = []
        var phraseCount = 0
        var distance = 10
        while true {
            guard let token = peek() else {
                throw .slip(
                    QuerySlip(message: "unmatched NEAR( at column \(opening.column)", column: opening.column))
            }
            position += 1
            switch token.kind {
            case .word(let text, let isPrefix):
                phraseCount += 1
                if let term = try makeTerm(text, isPhrase: false, isPrefix: isPrefix, token, context) {
                    terms.append(term)
                }
            case .phrase(let text, let isPrefix):
                phraseCount += 1
                if let term = try makeTerm(text, isPhrase: true, isPrefix: isPrefix, token, context) {
                    terms.append(term)
                }
            case .comma:
                guard let number = peek(), case .word(let digits, false) = number.kind, let given = Int(digits),
                    digits.allSatisfy({ $0.isASCII && $0.isNumber })
                else {
                    throw .syntax(
                        QuerySyntaxError(
                            .invalidNear, "NEAR( ... , n) needs a distance in words after the comma",
                            column: peek()?.column ?? token.column))
                }
                try checkDistance(given, column: number.column)
                distance = given
                position += 1
                guard let close = peek(), close.kind == .close else {
                    throw .syntax(
                        QuerySyntaxError(
                            .invalidNear, "NEAR( ... , \(given)) ends after the distance; add the missing )",
                            column: peek()?.column ?? number.column))
                }
                continue
            case .close:
                guard phraseCount >= 2 else {
                    throw .syntax(
                        QuerySyntaxError(
                            .invalidNear, "NEAR( needs at least two words or phrases", column: opening.column))
                }
                return nearNode(terms, distance: distance)
            default:
                throw .syntax(
                    QuerySyntaxError(
                        .invalidNear, "NEAR( holds only words, \"phrases\" and prefixes*, then an optional distance",
                        column: token.column))
            }
        }
    }

    private func nearNode(_ terms: [QueryTerm], distance: Int) -> QueryNode? {
        switch terms.count {
        case 0: return nil
        case 1: return .term(terms[0])
        default: return .near(terms, distance: distance)
        }
    }

    private func checkDistance(_ distance: Int, column: Int) throws(QueryParseFailure) {
        guard distance <= limits.maximumNearDistance else {
            throw .syntax(
                QuerySyntaxError(
                    .invalidNear, "NEAR distances go up to \(limits.maximumNearDistance) words", column: column))
        }
    }

    // MARK: Helpers

    /// A term, or `nil` with a note when it holds nothing FTS5 would index.
    private mutating func makeTerm(
        _ text: String, isPhrase: Bool, isPrefix: Bool, _ token: QueryToken, _ context: Context
    ) throws(QueryParseFailure) -> QueryTerm? {
        termCount += 1
        guard termCount <= limits.maximumTerms else {
            throw .syntax(
                QuerySyntaxError(
                    .tooManyTerms, "a query may hold up to \(limits.maximumTerms) words and phrases",
                    column: token.column))
        }
        let term = QueryTerm(
            id: nextTermID, text: text, isPhrase: isPhrase, isPrefix: isPrefix, field: context.field,
            isExcluded: context.isExcluded, column: token.column)
        guard term.hasSearchableText else {
            if mode == .structured {
                let shown = isPhrase ? "\"\(text)\"" : text + (isPrefix ? "*" : "")
                notes.append("ignored \(shown) at column \(token.column): it has no letters or digits to search for")
            }
            return nil
        }
        nextTermID += 1
        return term
    }

    private func deeper(_ context: Context, at token: QueryToken) throws(QueryParseFailure) -> Context {
        var inner = context
        inner.depth += 1
        guard inner.depth <= limits.maximumDepth else {
            throw .syntax(
                QuerySyntaxError(
                    .tooDeep, "parentheses, fields and exclusions nest at most \(limits.maximumDepth) deep",
                    column: token.column))
        }
        return inner
    }

    private func peek() -> QueryToken? {
        position < tokens.count ? tokens[position] : nil
    }

    /// Whether `token` can begin an operand of AND, OR, `-` or a field.
    private func startsOperand(_ token: QueryToken) -> Bool {
        switch token.kind {
        case .word, .phrase, .open, .nearOpen, .field, .minus, .not, .filter: return true
        case .and, .or, .close, .comma, .nearOperator: return false
        }
    }

    private func stray(_ what: String, _ token: QueryToken) -> QueryParseFailure {
        .slip(QuerySlip(message: "stray \(what) at column \(token.column)", column: token.column))
    }

    private func misplacedFilter(_ token: QueryToken, after: String?) -> QueryParseFailure {
        guard case .filter(let filter, _, _) = token.kind else { return stray(describe(token), token) }
        let place = after.map { "after \($0)" } ?? "there"
        return .syntax(
            QuerySyntaxError(
                .misplacedFilter,
                "\(filter.rawValue): applies to the whole query and cannot go \(place); write it on its own",
                column: token.column))
    }

    private func describe(_ token: QueryToken) -> String {
        switch token.kind {
        case .minus: return "-"
        case .not: return "NOT"
        case .and: return "AND"
        case .or: return "OR"
        case .open: return "("
        case .close: return ")"
        case .comma: return ","
        case .nearOpen: return "NEAR("
        case .nearOperator(let distance): return "NEAR/\(distance)"
        case .field(let field): return field.rawValue + ":"
        case .filter(let filter, _, _): return filter.rawValue + ":"
        case .word(let text, _), .phrase(let text, _): return text
        }
    }
}
