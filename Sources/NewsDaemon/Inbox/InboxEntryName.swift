// SPDX-License-Identifier: Apache-2.0

/// How the inbox's raw file names become the paths the ledger keeps, and which ones newsd
/// refuses to read.
///
/// The ledger, the wire and `newsq failures` speak UTF-8. A name that is not valid UTF-8 is
/// kept under its lossy spelling (U+FFFD for each bad byte) only to tell the user about it:
/// that spelling names no file, so the file itself is recorded as a failure, never read.
enum InboxEntryName {
    /// Folders deeper than this are not looked into. A bound keeps a hostile tree (10 000
    /// levels) from exhausting inotify watches and path lengths; real inboxes nest a few levels.
    static let maximumFolderDepth = 64

    /// The reason recorded for a name that is not valid UTF-8.
    static let invalidNameReason = "the file name is not valid UTF-8; rename it"

    /// The reason recorded for a folder nested too deep.
    static var tooDeepReason: String {
        "the folder is nested deeper than \(maximumFolderDepth) levels below the inbox; its files are not read"
    }

    /// The name as text, or `nil` when its bytes are not valid UTF-8.
    static func decode(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The name for display and for the ledger, invalid bytes replaced.
    static func lossy(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// `folder/name`, or `name` in the inbox root.
    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    /// How many folders deep a relative path is: 1 for a folder in the inbox root.
    static func depth(of relativePath: String) -> Int {
        relativePath.isEmpty ? 0 : relativePath.utf8.count(where: { $0 == UInt8(ascii: "/") }) + 1
    }
}
