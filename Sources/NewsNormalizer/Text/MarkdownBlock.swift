// SPDX-License-Identifier: Apache-2.0

/// One block of a Markdown document once its markup is gone.
struct MarkdownBlock: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An ATX (`#`) or setext (underlined) heading, with its level.
        case heading(Int)
        case paragraph
        /// The contents of a fenced or indented code block, kept as text because code is searchable.
        case code
    }

    var kind: Kind
    /// Plain text, cleaned.
    var text: String
}
