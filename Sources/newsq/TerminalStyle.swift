// SPDX-License-Identifier: Apache-2.0
import Foundation

/// ANSI styling, on only when stdout is a terminal and `NO_COLOR` is unset (no-color.org).
struct TerminalStyle {
    var enabled: Bool

    static func forStandardOutput() -> TerminalStyle {
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isatty(STDOUT_FILENO) == 1 && !noColor && environment["TERM"] != "dumb")
    }

    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func match(_ text: String) -> String { enabled ? "\u{1B}[1;33m\(text)\u{1B}[0m" : text }
}

/// Buffered stdout: one write per command keeps output atomic and fast.
struct StandardOutput {
    private var buffer = ""

    mutating func write(_ text: String) { buffer += text }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
