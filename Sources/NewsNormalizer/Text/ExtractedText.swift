// SPDX-License-Identifier: Apache-2.0

/// What `PageTextExtractor` found in a page's text; every field but the paragraphs may be missing.
struct ExtractedText: Sendable, Hashable {
    var title: String?
    var subtitle: String?
    var section: String?
    var authors: [String] = []
    var publishedAt: PublicationDate?
    /// Cleaned body paragraphs, in order.
    var paragraphs: [String] = []
}
