// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Shows long text through `$PAGER` (default `less -FRX`) when stdout is a terminal, and
/// writes it straight out otherwise, so that `newsq show ID > file` and pipes get plain text.
///
/// `-F` quits when the text fits one screen, `-R` keeps colours, `-X` leaves it on screen.
enum Pager {
    static func show(_ text: String) {
        let environment = ProcessInfo.processInfo.environment
        let command = environment["PAGER"] ?? "less -FRX"
        guard isatty(STDOUT_FILENO) == 1, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        do {
            try process.run()
        } catch {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // The pager may quit before reading everything (q in less): ignore the broken pipe.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
