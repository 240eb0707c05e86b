// SPDX-License-Identifier: Apache-2.0
public import Foundation

/// A search query as the searcher needs it: the FTS5 MATCH text, the SQL filters, the sort order, the terms to
/// highlight, and notes for the user about anything read differently from how it was written.
///
/// Parse once per request; everything else is derived from the tree without touching the text again.
public struct ParsedQuery: Sendable, Hashable {
    /// The text part, or `nil` when the query is only filters (`since:7d lang:de`), which lists articles by date.
    public let root: QueryNode?
    /// Dates and languages, checked on the `articles` row.
    public let filters: QueryFilters
    /// The order asked for with `sort:`, or `nil` to let the searcher choose (relevance when there is a MATCH).
    public let sort: QuerySortOrder?
    /// Sentences for the user, e.g. "unbalanced quote at column 12: searched the words literally".
    public let notes: [String]
    /// Whether a slip in structure made the words be searched literally; ``notes`` says where.
    public let isLiteralFallback: Bool

    /// Parses `text`.
    ///
    /// - Parameters:
    ///   - now: The instant relative dates (`since:7d`, `date:today`) count back from; a parameter so that tests
    ///     pin it.
    ///   - limits: Bounds for hostile input; ``QueryLimits/standard`` in production.
    /// - Throws: ``QuerySyntaxError`` for a mistake that has no sensible literal reading.
    public init(_ text: String, now: Date, limits: QueryLimits = .standard) throws(QuerySyntaxError) {
        try Self.checkLength(text, limits: limits)
        let now = now.timeIntervalSince1970
        var notes: [String] = []
        let root: QueryNode?
        let parser: QueryParser
        do {
            (root, parser) = try Self.parseTree(text, mode: .structured, limits: limits, now: now)
            isLiteralFallback = false
        } catch {
            guard case .slip(let slip) = error else { throw error.syntaxError }
            notes.append(slip.note)
            do {
                (root, parser) = try Self.parseTree(text, mode: .literal, limits: limits, now: now)
            } catch {
                throw error.syntaxError
            }
            isLiteralFallback = true
        }
        notes += parser.notes + parser.collector.notes
        if root == nil && parser.collector.isEmpty {
            throw QuerySyntaxError(
                .emptyQuery, "the query has no words to look for; type some, or a filter such as since:7d", column: 1)
        }
        self.root = root
        self.filters = parser.collector.filters
        self.sort = parser.collector.sort
        self.notes = notes
    }

    /// The FTS5 MATCH expression, or `nil` when the query is only filters.
    public var match: String? { compiledMatch?.text }

    /// The MATCH expression with its phrases listed, for ranking.
    public var compiledMatch: FTS5Match? { root.map(FTS5QueryCompiler.compile) }

    /// Every term in reading order, excluded ones included.
    public var terms: [QueryTerm] { root?.terms ?? [] }

    /// The terms that are looked for (not under an exclusion): what to highlight, what did-you-mean checks, and
    /// what a partial-match fallback may drop.
    public var positiveTerms: [QueryTerm] { terms.filter { !$0.isExcluded } }

    /// The MATCH expression without the given terms (by ``QueryTerm/id``), or `nil` when nothing would be left.
    ///
    /// For the "partial match" fallback: when all words together find nothing, drop the least useful ones (the
    /// rarest, or those did-you-mean could not place) and search again; exclusions stay wherever something
    /// remains for them to exclude from.
    public func match(droppingTerms ids: Set<Int>) -> String? {
        compiledMatch(droppingTerms: ids)?.text
    }

    /// ``match(droppingTerms:)`` with its phrases listed, for ranking.
    public func compiledMatch(droppingTerms ids: Set<Int>) -> FTS5Match? {
        root?.removing(termIDs: ids).map(FTS5QueryCompiler.compile)
    }

    /// A MATCH for articles with any one of the positive terms (each keeping its field), or `nil` when there are
    /// none: the loosest fallback, to be ranked by bm25.
    public var matchAnyTerm: String? {
        let nodes = positiveTerms.map { term in term.field.map { .field($0, .term(term)) } ?? QueryNode.term(term) }
        switch nodes.count {
        case 0: return nil
        case 1: return FTS5QueryCompiler.match(for: nodes[0])
        default: return FTS5QueryCompiler.match(for: .any(nodes))
        }
    }

    private static func parseTree(
        _ text: String, mode: QueryLexer.Mode, limits: QueryLimits, now: Double
    ) throws(QueryParseFailure) -> (QueryNode?, QueryParser) {
        var parser = QueryParser(
            tokens: try QueryLexer(text, mode: mode).tokens(), mode: mode, limits: limits, now: now)
        let root = try parser.parse()
        return (root, parser)
    }

    /// Refuses text over the length limit, having looked at no more than that many bytes of it.
    private static func checkLength(_ text: String, limits: QueryLimits) throws(QuerySyntaxError) {
        guard text.utf8.count > limits.maximumLength else { return }
        var bytes = 0
        var column = 0
        for character in text {
            column += 1
            bytes += character.utf8.count
            if bytes > limits.maximumLength { break }
        }
        throw QuerySyntaxError(
            .tooLong, "a query may be up to \(limits.maximumLength) bytes long; shorten it", column: column)
    }
}
