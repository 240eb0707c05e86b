// SPDX-License-Identifier: Apache-2.0

/// The syntax tree of the text part of a query, shaped so that only queries FTS5 can run are representable.
///
/// FTS5 has no unary NOT: exclusions exist only as the `excluded` side of an `all` node, and the parser refuses
/// an `all` whose `required` side is empty. Filters (`since:`, `lang:`, `sort:`) are not in the tree; they apply to
/// the whole query and live in ``QueryFilters``.
public indirect enum QueryNode: Sendable, Hashable {
    /// A word, phrase or prefix.
    case term(QueryTerm)
    /// Terms within `distance` tokens of one another, in any order: FTS5's `NEAR(... , n)`.
    case near([QueryTerm], distance: Int)
    /// Every `required` node matches and no `excluded` node does.
    case all(required: [QueryNode], excluded: [QueryNode])
    /// At least one node matches.
    case any([QueryNode])
    /// The node matches within the given column only.
    case field(QueryField, QueryNode)

    /// The terms in reading order, with their exclusion and field already recorded on each.
    public var terms: [QueryTerm] {
        var result: [QueryTerm] = []
        collectTerms(into: &result)
        return result
    }

    private func collectTerms(into result: inout [QueryTerm]) {
        switch self {
        case .term(let term): result.append(term)
        case .near(let terms, _): result.append(contentsOf: terms)
        case .all(let required, let excluded):
            // Reading order: exclusions may sit between required words, so sort by id afterwards.
            var local: [QueryTerm] = []
            for node in required + excluded { node.collectTerms(into: &local) }
            result.append(contentsOf: local.sorted { $0.id < $1.id })
        case .any(let nodes): for node in nodes { node.collectTerms(into: &result) }
        case .field(_, let node): node.collectTerms(into: &result)
        }
    }

    /// The tree without the given terms, or `nil` when nothing is left to look for.
    ///
    /// This is what a "partial match" fallback needs: drop the least useful words and search again. A group that
    /// loses all its required nodes loses its exclusions too, since FTS5 cannot run them alone; a `NEAR` left with
    /// one term becomes that term.
    public func removing(termIDs: Set<Int>) -> QueryNode? {
        switch self {
        case .term(let term):
            return termIDs.contains(term.id) ? nil : self
        case .near(let terms, let distance):
            let kept = terms.filter { !termIDs.contains($0.id) }
            if kept.isEmpty { return nil }
            return kept.count == 1 ? .term(kept[0]) : .near(kept, distance: distance)
        case .all(let required, let excluded):
            let keptRequired = required.compactMap { $0.removing(termIDs: termIDs) }
            if keptRequired.isEmpty { return nil }
            let keptExcluded = excluded.compactMap { $0.removing(termIDs: termIDs) }
            if keptRequired.count == 1 && keptExcluded.isEmpty { return keptRequired[0] }
            return .all(required: keptRequired, excluded: keptExcluded)
        case .any(let nodes):
            let kept = nodes.compactMap { $0.removing(termIDs: termIDs) }
            if kept.isEmpty { return nil }
            return kept.count == 1 ? kept[0] : .any(kept)
        case .field(let field, let node):
            return node.removing(termIDs: termIDs).map { .field(field, $0) }
        }
    }
}
