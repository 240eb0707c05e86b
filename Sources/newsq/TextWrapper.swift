// SPDX-License-Identifier: Apache-2.0
import FoundationEssentials
import Glibc

/// Wraps plain text at word boundaries for a terminal of a given width.
///
/// Paragraphs (separated by blank lines) stay separate; a word longer than the width gets a
/// line of its own rather than being cut, so URLs stay copyable.
struct TextWrapper {
    var width: Int

    func wrap(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n")
        return paragraphs.map(wrapParagraph).joined(separator: "\n\n")
    }

    private func wrapParagraph(_ paragraph: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// The terminal's width when stdout is one, else `$COLUMNS`, else 80; capped for reading.
    static func standardOutputWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return min(Int(size.ws_col), 100)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            return min(columns, 100)
        }
        return 80
    }
}
