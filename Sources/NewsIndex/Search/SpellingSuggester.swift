// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import NewsAPI

/// "Did you mean": for a word that matches nothing or almost nothing, the closest indexed terms
/// by edit distance, the more frequent first.
///
/// Candidates come from `articles_vocab` (FTS5's own term list), read as a range of terms that
/// share the word's first letter: a typo in the first letter is rare, and the range keeps the
/// scan to a small slice of the vocabulary.
struct SpellingSuggester {
    /// A word with fewer matches than this is checked.
    var rareBelow = 2
    /// A suggestion must be in at least this many articles, and ten times as many as the word.
    var minimumArticles = 1

    func suggestions(for terms: [String], in db: Database) throws -> [SpellingSuggestion] {
        var result: [SpellingSuggestion] = []
        for term in terms {
            let word = term.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard word.count >= 4, word.allSatisfy(\.isLetter), let first = word.first else { continue }
            let frequency = try articleCount(of: word, in: db)
            guard frequency < rareBelow else { continue }
            let maximumDistance = word.count <= 5 ? 1 : 2
            let lower = String(first)
            let upper = String(Character(Unicode.Scalar(first.unicodeScalars.first!.value + 1) ?? "\u{10FFFF}"))
            var best: (term: String, distance: Int, articles: Int)?
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT term, doc FROM articles_vocab WHERE term >= ? AND term < ?"),
                arguments: [lower, upper])
            let target = Array(word)
            while let row = try rows.next() {
                let candidate: String = row[0]
                let articles: Int = row[1]
                guard articles >= max(minimumArticles, frequency * 10),
                    abs(candidate.count - target.count) <= maximumDistance
                else { continue }
                let distance = EditDistance.damerauLevenshtein(target, Array(candidate), limit: maximumDistance)
                guard distance <= maximumDistance, distance > 0 else { continue }
                if best == nil || (distance, -articles) < (best!.distance, -best!.articles) {
                    best = (candidate, distance, articles)
                }
            }
            if let best {
                result.append(SpellingSuggestion(term: term, suggestion: best.term, articles: best.articles))
            }
        }
        return result
    }

    private func articleCount(of word: String, in db: Database) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"),
            arguments: ["\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""]) ?? 0
    }
}

/// Edit distance with transpositions (optimal string alignment), bounded: it gives up as soon
/// as every path exceeds `limit`, which keeps a vocabulary scan cheap.
enum EditDistance {
    static func damerauLevenshtein(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
