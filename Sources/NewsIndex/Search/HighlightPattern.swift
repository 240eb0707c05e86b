// SPDX-License-Identifier: Apache-2.0

/// One query term as the snippet maker looks for it in a body: a run of words, each given by its
/// Porter stem (what FTS5 indexed) or, for the last word of a `prefix*` term, by a prefix.
struct HighlightPattern: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case stem([UInt8])
        case prefix([UInt8])

        /// Whether a body word, folded and stemmed, is this part.
        func matches(folded: UnsafeBufferPointer<UInt8>, stem: [UInt8]) -> Bool {
            switch self {
            case .stem(let wanted): return stem == wanted
            case .prefix(let prefix): return folded.starts(with: prefix) || stem.starts(with: prefix)
            }
        }

        /// What every body word matching this part begins with, so that only those are stemmed.
        ///
        /// Porter's steps remove a suffix, or rewrite at most the last two letters of what is
        /// left (`sensibiliti` → `sensible`): a stem without its last two letters begins its
        /// word, and the first letter is always kept (`PorterStemmerTests` checks both on every
        /// word of the BBC corpus).
        var wordPrefix: ArraySlice<UInt8> {
            switch self {
            case .stem(let bytes), .prefix(let bytes): return bytes.prefix(max(1, bytes.count - 2))
            }
        }
    }

    let parts: [Part]

    /// The pattern for `term`, or `nil` when it cannot appear in a body: an excluded term, one
    /// limited to another field, or one without words.
    init?(_ term: QueryTerm) {
        guard !term.isExcluded, term.field == nil || term.field == .body else { return nil }
        let words = WordScanner.words(of: term.searchText)
        guard !words.isEmpty else { return nil }
        parts = words.enumerated().map { offset, word in
            if term.isPrefix && offset == words.count - 1 { return .prefix(word) }
            var stem = word
            PorterStemmer.stem(&stem)
            return .stem(stem)
        }
    }

    /// The patterns of every term a reader would expect marked, duplicates removed.
    static func patterns(for query: ParsedQuery) -> [HighlightPattern] {
        var seen: Set<HighlightPattern> = []
        return query.positiveTerms.compactMap(HighlightPattern.init).filter { seen.insert($0).inserted }
    }
}
