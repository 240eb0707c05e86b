// SPDX-License-Identifier: Apache-2.0

/// Walks the lines of a text without copying it, accepting `\n`, `\r\n` and `\r` endings.
struct LineCursor {
    /// What has not been read yet.
    private(set) var rest: Substring

    init(_ text: Substring) { rest = text }

    /// The next line, without its line ending, or `nil` at the end of the text.
    mutating func next() -> Substring? {
        guard !rest.isEmpty else { return nil }
        // Searching the contiguous UTF-8 buffer and then building the indexes once is several times
        // cheaper than stepping `Substring.UTF8View` indexes byte by byte, which checks each one.
        let found = rest.utf8.withContiguousStorageIfAvailable { bytes -> (end: Int, next: Int) in
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == 0x0A || byte == 0x0D {
                    let isCRLF = byte == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A
                    return (offset, offset + (isCRLF ? 2 : 1))
                }
                offset += 1
            }
            return (bytes.count, bytes.count)
        }
        guard let found else { return nextByIndexes() }
        let utf8 = rest.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: found.end)
        let line = rest[rest.startIndex..<end]
        rest = rest[utf8.index(end, offsetBy: found.next - found.end)...]
        return line
    }

    /// The same walk for text without contiguous UTF-8 storage (bridged strings).
    private mutating func nextByIndexes() -> Substring? {
        let utf8 = rest.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                let line = rest[rest.startIndex..<index]
                var after = utf8.index(after: index)
                if byte == 0x0D, after != utf8.endIndex, utf8[after] == 0x0A { after = utf8.index(after: after) }
                rest = rest[after...]
                return line
            }
            index = utf8.index(after: index)
        }
        let line = rest
        rest = rest[rest.endIndex...]
        return line
    }
}

extension StringProtocol {
    /// The text without trailing spaces and tabs.
    func trimmingTrailingSpace() -> SubSequence {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[startIndex..<end]
    }

    /// The text without leading and trailing spaces and tabs.
    func trimmingSpace() -> String {
        String(trimmingTrailingSpace().drop { $0 == " " || $0 == "\t" })
    }
}
