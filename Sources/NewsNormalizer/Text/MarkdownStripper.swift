// SPDX-License-Identifier: Apache-2.0

/// Turns Markdown into plain blocks: headings become their own paragraphs, list bullets and
/// quote marks go, code fences keep their contents as text, tables keep their cells.
///
/// This is not a CommonMark parser: it reads the constructs articles use, line by line, and
/// leaves anything it does not recognise as text, which is the safe failure for a search index.
enum MarkdownStripper {
    static func blocks(_ text: Substring) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var paragraph: [Substring] = []
        var fence: Substring?
        var code: [Substring] = []
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let cleaned = TextCleaner.cleanInline(MarkdownInline.strip(paragraph.joined(separator: " ")))
            if !cleaned.isEmpty { blocks.append(MarkdownBlock(kind: .paragraph, text: cleaned)) }
            paragraph.removeAll()
        }
        func add(_ kind: MarkdownBlock.Kind, _ raw: some StringProtocol) {
            let cleaned = TextCleaner.cleanInline(kind == .code ? String(raw) : MarkdownInline.strip(String(raw)))
            if !cleaned.isEmpty { blocks.append(MarkdownBlock(kind: kind, text: cleaned)) }
        }
        var lines = LineCursor(text)
        while let rawLine = lines.next() {
            let line = rawLine.trimmingTrailingSpace()
            var content = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if content.hasPrefix(open) {
                    add(.code, code.joined(separator: "\n"))
                    code.removeAll()
                    fence = nil
                } else {
                    code.append(rawLine)
                }
                continue
            }
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                flushParagraph()
                fence = content.prefix(3)
                continue
            }
            while content.first == ">" { content = content.dropFirst().drop { $0 == " " } }
            if content.isEmpty {
                flushParagraph()
                continue
            }
            if isRule(content) {
                // A `---` or `===` under paragraph text makes it a setext heading.
                if !paragraph.isEmpty, content.first == "=" || content.first == "-" {
                    let heading = paragraph.joined(separator: " ")
                    paragraph.removeAll()
                    add(.heading(content.first == "=" ? 1 : 2), heading)
                } else {
                    flushParagraph()
                }
                continue
            }
            if content.first == "#" {
                let level = content.prefix { $0 == "#" }.count
                let rest = content.dropFirst(level)
                if level <= 6, rest.isEmpty || rest.first == " " {
                    flushParagraph()
                    add(.heading(level), rest.trimmingTrailingSpace().trimmingTrailing("#"))
                    continue
                }
            }
            if isReferenceDefinition(content) { continue }
            if content.first == "|" {
                flushParagraph()
                if !content.allSatisfy({ "|-: ".contains($0) }) {
                    add(.paragraph, content.split(separator: "|").joined(separator: " "))
                }
                continue
            }
            if let item = listItemText(content) {
                flushParagraph()
                paragraph.append(item)
                continue
            }
            paragraph.append(content)
        }
        if !code.isEmpty { add(.code, code.joined(separator: "\n")) }
        flushParagraph()
        return blocks
    }

    /// `***`, `---`, `___`, `===` (three or more, spaces allowed).
    private static func isRule(_ line: Substring) -> Bool {
        guard let first = line.first, "-*_=".contains(first) else { return false }
        return line.filter { $0 != " " }.count >= 3 && line.allSatisfy { $0 == first || $0 == " " }
    }

    /// `[id]: https://…`, which renders as nothing.
    private static func isReferenceDefinition(_ line: Substring) -> Bool {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(":")
    }

    /// The text of a `- item`, `* item`, `+ item`, `1. item` or `1) item` line.
    private static func listItemText(_ line: Substring) -> Substring? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return line.dropFirst(2)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line[digits.endIndex...]
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        return rest.dropFirst(2)
    }
}

extension StringProtocol {
    /// The text without trailing `character`s and the spaces before them (ATX closing hashes).
    func trimmingTrailing(_ character: Character) -> String {
        var text = Substring(self)
        while text.last == character { text = text.dropLast() }
        return String(text.trimmingTrailingSpace())
    }
}
