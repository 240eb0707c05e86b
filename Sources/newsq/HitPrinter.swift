// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsAPI

/// Prints hits for people: rank, title, where it came from, and the snippet with the matched
/// terms highlighted (or plain, when stdout is not a terminal).
struct HitPrinter {
    var style: TerminalStyle

    func print(_ reply: SearchReply, to output: inout StandardOutput) {
        for (index, hit) in reply.hits.enumerated() {
            output.write("\(index + 1). \(style.bold(hit.title))\n")
            let origin = [hit.source, hit.publishedAt.map { String($0.prefix(10)) }, hit.file ?? hit.url, hit.id]
                .compactMap { $0 }.joined(separator: " · ")
            output.write("   \(style.dim(origin))\n")
            if !hit.snippet.isEmpty { output.write("   \(render(hit.snippet))\n") }
            output.write("\n")
        }
        let shown = reply.hits.count
        let summary =
            reply.total == 0
            ? "no hits" : "\(reply.total) hit\(reply.total == 1 ? "" : "s"), showing \(shown)"
        output.write(style.dim("\(summary) (\(String(format: "%.1f", reply.tookMilliseconds)) ms)") + "\n")
    }

    /// Replaces the `<mark>` pairs with the terminal's highlight.
    func render(_ snippet: String) -> String {
        var result = ""
        var rest = Substring(snippet)
        while let open = rest.range(of: SearchHit.markOpen) {
            result += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: SearchHit.markClose) else { break }
            result += style.match(String(rest[..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
