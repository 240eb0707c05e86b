// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Removes comments from a feed before libxml2 reads it.
///
/// For every `--` inside a comment, libxml2 2.9 (Debian 12's) formats an error message that holds the whole
/// comment so far, even with errors switched off, so a comment full of `--` costs time quadratic in its length:
/// 240 KB of `<!--x` took 7 s, and a 20 MB feed would hold up ingest for hours. Comments carry nothing a feed
/// reader uses, and one pass over the bytes is cheaper than any check. CDATA sections and processing instructions
/// are copied as they are, since a `<!--` inside them is not a comment; an unclosed comment runs to the end, as
/// it does for libxml2.
///
/// Reads the bytes as ASCII, which suits UTF-8, Latin-1 and Windows-125x; FeedReader turns UTF-16 feeds into
/// UTF-8 first.
enum XMLCommentStripper {
    static func stripped(_ bytes: Data) -> Data {
        bytes.withUnsafeBytes { input in
            guard find(commentOpen, in: input, from: 0) != nil else { return bytes }
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                guard input[index] == UInt8(ascii: "<") else {
                    output.append(input[index])
                    index += 1
                    continue
                }
                if starts(commentOpen, in: input, at: index) {
                    index = find(commentClose, in: input, from: index + 4).map { $0 + 3 } ?? input.count
                    continue
                }
                var end = index + 1
                if starts(cdataOpen, in: input, at: index) {
                    end = find(cdataClose, in: input, from: index + cdataOpen.count).map { $0 + 3 } ?? input.count
                } else if starts(instructionOpen, in: input, at: index) {
                    end = find(instructionClose, in: input, from: index + 2).map { $0 + 2 } ?? input.count
                }
                output.append(contentsOf: input[index..<end])
                index = end
            }
            return Data(output)
        }
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let instructionOpen = Array("<?".utf8)
    private static let instructionClose = Array("?>".utf8)

    private static func starts(_ needle: [UInt8], in buffer: UnsafeRawBufferPointer, at start: Int) -> Bool {
        guard buffer.count - start >= needle.count else { return false }
        return needle.indices.allSatisfy { buffer[start + $0] == needle[$0] }
    }

    /// The first index of `needle` at or after `start`: linear, since every needle here is a few bytes long.
    private static func find(_ needle: [UInt8], in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + needle.count <= buffer.count {
            if buffer[index] == needle[0], starts(needle, in: buffer, at: index) { return index }
            index += 1
        }
        return nil
    }
}
