// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Writes all of `text` to `descriptor`, retrying short writes and interruptions.
///
/// newsq writes with `write(2)` rather than Foundation's `FileHandle`, which lives in the full
/// Foundation: linking only FoundationEssentials keeps the binary a third the size (76 → 27 MB)
/// and its start-up shorter.
func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
