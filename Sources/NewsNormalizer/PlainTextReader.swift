// SPDX-License-Identifier: Apache-2.0

/// Reads plain text: the first non-empty line is the title, the rest is the body.
enum PlainTextReader {
    static func read(_ text: String, fileName: String) throws(NormalizationError) -> [Article] {
        var paragraphs = TextCleaner.paragraphs(text)
        guard !paragraphs.isEmpty else { throw NormalizationError(.noContent, "the file holds only white space") }
        let lines = text.split(whereSeparator: \.isNewline)
        let title = lines.lazy.map { TextCleaner.cleanInline(String($0)) }.first { !$0.isEmpty } ?? fileName
        if paragraphs.first == title {
            paragraphs.removeFirst()
        } else if let first = paragraphs.first, first.hasPrefix(title + " ") {
            paragraphs[0] = String(first.dropFirst(title.count + 1))
        }
        return [Article(title: title, paragraphs: paragraphs, format: .text)]
    }
}
