// SPDX-License-Identifier: Apache-2.0
import FoundationEssentials
import Glibc

/// ANSI styling, on only when stdout is a terminal and `NO_COLOR` is unset (no-color.org).
struct TerminalStyle {
    var enabled: Bool
    /// The terminal's width, or `nil` when stdout is not a terminal (no wrapping then).
    var columns: Int?

    static func forStandardOutput() -> TerminalStyle { choose(.auto) }

    static func choose(_ choice: SearchOutputOptions.ColorChoice) -> TerminalStyle {
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let enabled: Bool
        switch choice {
        case .always: enabled = true
        case .never: enabled = false
        case .auto:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            enabled = isTerminal && !noColor && environment["TERM"] != "dumb"
        }
        return TerminalStyle(enabled: enabled, columns: isTerminal ? terminalColumns() : nil)
    }

    private static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
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
        writeAll(buffer, to: STDOUT_FILENO)
        buffer = ""
    }
}
