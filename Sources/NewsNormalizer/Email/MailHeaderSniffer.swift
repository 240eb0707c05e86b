// SPDX-License-Identifier: Apache-2.0

/// Recognises an RFC 5322 message from its first lines, whatever the file is called.
///
/// Newsletters get saved as `.txt`, or with no extension at all. A plain-text article may open
/// with `Key: value` lines too (`Title:`, `Date:`, `Author:`), so one header line is not enough:
/// the first line must be a header that only mail carries, or the block must hold two headers and
/// at least one of them mail-only.
enum MailHeaderSniffer {
    /// - Parameter head: the file's first bytes, leading white space removed.
    static func looksLikeMessage(_ head: ArraySlice<UInt8>) -> Bool {
        var names: [String] = []
        var lineStart = head.startIndex
        while lineStart < head.endIndex {
            let lineEnd = head[lineStart...].firstIndex(of: 0x0A) ?? head.endIndex
            var line = head[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            lineStart = lineEnd + 1
            if line.isEmpty { break }
            // Folded continuation of the previous header.
            if line.first == 0x20 || line.first == 0x09 {
                guard !names.isEmpty else { return false }
                continue
            }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                line[..<colon].allSatisfy(isFieldNameByte)
            else {
                // An mbox "From " separator line may precede the headers.
                if names.isEmpty, line.count > 5,
                    String(decoding: line.prefix(5), as: UTF8.self).lowercased() == "from "
                {
                    names.append("from ")
                    continue
                }
                break
            }
            names.append(String(decoding: line[..<colon], as: UTF8.self).lowercased())
        }
        guard let first = names.first else { return false }
        if strongFirstFields.contains(first) { return true }
        return names.count >= 2 && names.contains(where: mailOnlyFields.contains)
    }

    /// RFC 5322 field names: printable ASCII except the colon; no spaces.
    private static func isFieldNameByte(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F && byte != 0x3A }

    /// Headers that open a stored message and never a text article's header.
    private static let strongFirstFields: Set<String> = [
        "received", "return-path", "mime-version", "delivered-to", "x-original-to", "dkim-signature",
        "arc-seal", "authentication-results", "message-id", "envelope-to",
    ]

    /// Headers of mail, not of the `Key: value` lines text files state metadata with.
    private static let mailOnlyFields: Set<String> = [
        "from", "to", "cc", "subject", "message-id", "mime-version", "content-type", "list-id", "reply-to",
        "received", "return-path", "delivered-to", "sender", "content-transfer-encoding",
    ]
}
