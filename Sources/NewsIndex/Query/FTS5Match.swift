// SPDX-License-Identifier: Apache-2.0

/// A compiled FTS5 MATCH expression and the phrases in it, in FTS5's numbering.
///
/// FTS5 numbers a query's phrases in the order they appear in the expression, excluded ones
/// included; auxiliary functions address them by that number. `RankFunction` caches each
/// phrase's document frequency under its entry here, so an entry says everything that decides
/// which rows the phrase alone matches: its column filter (`title:`) and its text, quoted and
/// with its `*` as written.
public struct FTS5Match: Sendable, Hashable {
    public var text: String
    public var phrases: [String]
}
