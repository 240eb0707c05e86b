// SPDX-License-Identifier: Apache-2.0

/// The kind of file an article came from; stored with the article so that a bad extraction
/// can be traced to the reader that produced it.
public enum ArticleFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case text
    case markdown
    case html
    case json
    case feed
    case email
}
