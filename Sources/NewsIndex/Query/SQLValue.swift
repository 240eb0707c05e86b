// SPDX-License-Identifier: Apache-2.0

/// A statement argument produced by the query language, for the searcher to bind with GRDB.
///
/// A closed enum rather than `any Sendable`, so that this folder needs no database import and the binding code
/// can switch exhaustively.
public enum SQLValue: Sendable, Hashable {
    case text(String)
    case real(Double)
}
