// SPDX-License-Identifier: Apache-2.0
import FoundationEssentials
import Glibc

/// Shows long text through `$PAGER` (default `less -FRX`) when stdout is a terminal, and
/// writes it straight out otherwise, so that `newsq show ID > file` and pipes get plain text.
///
/// `-F` quits when the text fits one screen, `-R` keeps colours, `-X` leaves it on screen.
enum Pager {
    static func show(_ text: String) {
        let command = ProcessInfo.processInfo.environment["PAGER"] ?? "less -FRX"
        guard isatty(STDOUT_FILENO) == 1, command.contains(where: { !$0.isWhitespace }),
            let pager = spawnShell(command)
        else {
            writeAll(text, to: STDOUT_FILENO)
            return
        }
        // The pager may quit before reading everything (q in less): ignore the broken pipe.
        signal(SIGPIPE, SIG_IGN)
        writeAll(text, to: pager.input)
        close(pager.input)
        var status: Int32 = 0
        while waitpid(pager.process, &status, 0) < 0 && errno == EINTR {}
    }

    /// Starts `/bin/sh -c command` reading from a new pipe; returns its pid and the pipe's
    /// writing end, or `nil` when it cannot start.
    private static func spawnShell(_ command: String) -> (process: pid_t, input: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, ends[1])
        var process: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let started = posix_spawn(&process, "/bin/sh", &actions, nil, arguments, environ)
        close(ends[0])
        guard started == 0 else {
            close(ends[1])
            return nil
        }
        return (process, ends[1])
    }
}
