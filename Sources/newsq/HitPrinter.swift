// SPDX-License-Identifier: Apache-2.0
import FoundationEssentials
import NewsAPI

/// Prints hits for people, as short cards: rank and title, then source · date · id, then the
/// snippet with the matched terms highlighted, wrapped to the terminal; notes, did-you-mean and
/// a summary line around them.
struct HitPrinter {
    var style: TerminalStyle
    var width: Int?

    func print(_ reply: SearchReply, offset: Int, to output: inout StandardOutput) {
        for note in reply.notes {
            for line in wrap("note: \(note)", width: width ?? 0) { output.write(style.dim(line) + "\n") }
        }
        if reply.correctedQuery == nil, !reply.suggestions.isEmpty {
            let list = reply.suggestions.map { "\($0.term) → \(style.bold($0.suggestion))" }
            output.write("did you mean: \(list.joined(separator: ", "))\n")
        }
        if !reply.notes.isEmpty || !reply.suggestions.isEmpty { output.write("\n") }
        let indent = "    "
        for (index, hit) in reply.hits.enumerated() {
            let rank = String(offset + index + 1) + "."
            let lineWidth = (width ?? 0) - indent.count
            var title = wrap(hit.title, width: lineWidth)
            if title.isEmpty { title = [""] }
            for (number, line) in title.enumerated() {
                let lead = number == 0 ? rank.padded(to: indent.count) : indent
                output.write(lead + style.bold(line))
                if number < title.count - 1 { output.write("\n") }
            }
            if hit.partial == true {
                let marker = "(partial match)"
                let fits = width == nil || title[title.count - 1].count + 1 + marker.count <= lineWidth
                output.write((fits ? " " : "\n" + indent) + style.dim(marker))
            }
            output.write("\n")
            var origin = [hit.source, hit.publishedAt.map { String($0.prefix(10)) }, hit.file ?? hit.url, hit.id]
                .compactMap { $0 }
            if let similar = hit.similar, !similar.isEmpty {
                origin.append("\(similar.count) similar")
            }
            for line in pack(origin, separator: " · ", width: lineWidth) {
                output.write(indent + style.dim(line) + "\n")
            }
            if !hit.snippet.isEmpty {
                for line in wrap(hit.snippet, width: (width ?? 0) - indent.count) {
                    output.write(indent + render(line) + "\n")
                }
            }
            if let parts = hit.scoreParts {
                let age = parts.ageDays.map { NumberText.fixed($0, digits: 0) + " days old" } ?? "undated"
                output.write(
                    indent
                        + style.dim(
                            "score \(NumberText.fixed(hit.score, digits: 4)) = bm25 \(NumberText.fixed(parts.bm25, digits: 4))"
                                + " × recency \(NumberText.fixed(parts.recency, digits: 3)) (\(age))") + "\n")
            }
            output.write("\n")
        }
        if let explanation = reply.explanation {
            output.write(style.dim("match:  \(explanation.match ?? "(none: filters only)")") + "\n")
            if let filter = explanation.filter { output.write(style.dim("filter: \(filter)") + "\n") }
            output.write(
                style.dim("sort:   \(explanation.sort), recency half-life \(explanation.halfLifeDays) days") + "\n")
            for expansion in explanation.expansions { output.write(style.dim("alias:  \(expansion)") + "\n") }
            output.write("\n")
        }
        if let facets = reply.facets {
            printFacet("source", facets.sources, to: &output)
            printFacet("month", facets.months, to: &output)
            printFacet("section", facets.sections, to: &output)
        }
        output.write(style.dim(summary(reply, offset: offset)) + "\n")
    }

    private func summary(_ reply: SearchReply, offset: Int) -> String {
        let took = NumberText.fixed(reply.tookMilliseconds, digits: 1) + " ms"
        let full = reply.hits.filter { $0.partial != true }.count
        guard reply.total > 0 else {
            return reply.hits.isEmpty ? "no hits (\(took))" : "no full matches, \(reply.hits.count) partial (\(took))"
        }
        let range = full == 0 ? "none shown" : "showing \(offset + 1)–\(offset + full)"
        return "\(reply.total) hit\(reply.total == 1 ? "" : "s"), \(range) (\(took))"
    }

    private func printFacet(_ name: String, _ counts: [FacetCount], to output: inout StandardOutput) {
        guard !counts.isEmpty else { return }
        let list = counts.prefix(8).map { "\($0.value) (\($0.count))" }.joined(separator: ", ")
        output.write(style.bold(name) + ": " + list + "\n")
    }

    /// Wraps at spaces so that no line exceeds `width` visible characters (marks don't count).
    func wrap(_ text: String, width: Int) -> [String] {
        guard width > 20 else { return [text] }
        var lines: [String] = []
        var line = ""
        var visible = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let length = visibleLength(word)
            if visible > 0 && visible + 1 + length > width {
                lines.append(line)
                line = ""
                visible = 0
            }
            if visible > 0 {
                line += " "
                visible += 1
            }
            line += word
            visible += length
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Joins `parts` with `separator`, starting a new line rather than splitting a part; a part
    /// too long for a line of its own is wrapped at its spaces.
    func pack(_ parts: [String], separator: String, width: Int) -> [String] {
        guard width > 20 else { return parts.isEmpty ? [] : [parts.joined(separator: separator)] }
        var lines: [String] = []
        var line = ""
        for part in parts {
            if !line.isEmpty, line.count + separator.count + part.count <= width {
                line += separator + part
                continue
            }
            if !line.isEmpty { lines.append(line) }
            var pieces = part.count <= width ? [part] : wrap(part, width: width)
            line = pieces.popLast() ?? ""
            lines += pieces
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func visibleLength(_ word: Substring) -> Int {
        word.replacing(SearchHit.markOpen, with: "").replacing(SearchHit.markClose, with: "").count
    }

    /// Replaces the `<mark>` pairs with the terminal's highlight.
    func render(_ snippet: String) -> String {
        var result = ""
        var rest = Substring(snippet)
        while let open = rest.firstRange(of: SearchHit.markOpen) {
            result += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstRange(of: SearchHit.markClose) else { break }
            result += style.match(String(rest[..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
