// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Standard output written in large chunks.
///
/// `FileHandle.write` is one system call per line; over thousands of files that costs more than
/// normalising short ones, so lines collect here and go out 64 KiB at a time.
struct BufferedOutput {
    private var buffer = Data()
    private let threshold = 64 * 1024

    mutating func writeLine(_ line: Data) {
        buffer.append(line)
        buffer.append(0x0A)
        if buffer.count >= threshold { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
