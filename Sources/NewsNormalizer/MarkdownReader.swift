// SPDX-License-Identifier: Apache-2.0

/// Reads Markdown: a leading `# Heading` (or the first line) is the title.
enum MarkdownReader {
    static func read(_ text: String, fileName: String) throws(NormalizationError) -> [Article] {
        var body = Substring(text)
        if body.hasPrefix("---\n"), let end = body.dropFirst(4).range(of: "\n---") {
            body = body[end.upperBound...].drop { $0 != "\n" }
        }
        let stripped = body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = line
            while line.first == "#" { line = line.dropFirst() }
            return String(line)
        }.joined(separator: "\n")
        var articles = try PlainTextReader.read(stripped, fileName: fileName)
        for index in articles.indices { articles[index].format = .markdown }
        return articles
    }
}
