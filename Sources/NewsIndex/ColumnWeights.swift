// SPDX-License-Identifier: Apache-2.0

/// bm25 weights for the FTS5 columns: a word in the title says more about what an article is
/// about than the same word deep in its body.
public struct ColumnWeights: Sendable, Hashable, Codable {
    public var title: Double = 10
    public var subtitle: Double = 5
    public var body: Double = 1
    public var authors: Double = 3
    public var source: Double = 2
    public var section: Double = 2
    public var tags: Double = 3
    public var url: Double = 1

    public init() {}

    /// The weights in `Schema.textColumns` order, as bm25()'s argument list.
    var sqlArguments: String {
        [title, subtitle, body, authors, source, section, tags, url].map { String($0) }.joined(separator: ", ")
    }
}
