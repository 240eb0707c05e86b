// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import Glibc

/// newsq's JSON on stdout: sorted keys and unescaped slashes, one document per line, so that
/// output is diffable and JSON Lines consumers (`jq -c`) read it as it comes.
enum JSONText {
    static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// One-line messages on stderr for outcomes that are not failures of newsq itself (an id not
/// found, a check that found problems), each followed by the exit status the house rules give.
enum StandardError {
    static func write(_ line: String) {
        writeAll("newsq: \(line)\n", to: STDERR_FILENO)
    }

    /// Writes `line` and returns the exit status of an error, for `throw StandardError.failure(...)`.
    static func failure(_ line: String) -> ExitCode {
        write(line)
        return ExitCode(2)
    }
}
