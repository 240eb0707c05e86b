// SPDX-License-Identifier: Apache-2.0

/// How results are ordered, as asked for with `sort:`.
public enum QuerySortOrder: String, Sendable, Hashable, CaseIterable {
    /// By bm25 rank, best first.
    case relevance
    /// By `published_at`, most recent first.
    case newest
    /// By `published_at`, earliest first.
    case oldest

    /// Reads a `sort:` value; `date` and `recent` are accepted for `newest` because people type them.
    init?(value: Substring) {
        switch value.lowercased() {
        case "relevance", "rank", "best": self = .relevance
        case "newest", "new", "recent", "date": self = .newest
        case "oldest", "old": self = .oldest
        default: return nil
        }
    }
}
