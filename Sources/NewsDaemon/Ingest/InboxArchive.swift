// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc

/// `after_ingest: archive`: ingested files move out of the way, into `.archive/YYYY/MM/DD/`
/// inside the inbox, keeping their path below it, so that the inbox shows only what is new.
///
/// The archive stays inside the inbox, on the same file system, so that the move is one
/// atomic `rename`, and the ledger keeps a path relative to the inbox that it can follow. The
/// leading dot hides it from the watcher and the walker, like any hidden folder. The ledger is
/// updated first and the file moved second: a crash in between leaves a ledger path in the
/// archive and the file at its old place, which `pendingMove(for:)` recognises at the next
/// reconciliation and finishes.
struct InboxArchive: Sendable {
    static let folderName = ".archive"

    let inbox: String

    /// Where `path` goes when archived on `date` (its UTC day).
    static func archivedPath(for path: String, on date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        let folder = String(format: "%04d/%02d/%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        return "\(folderName)/\(folder)/\(path)"
    }

    /// Whether a ledger path is in the archive.
    static func isArchived(_ path: String) -> Bool { path.hasPrefix(folderName + "/") }

    /// The inbox path an archived path came from: the part after `.archive/YYYY/MM/DD/`.
    static func originalPath(of archived: String) -> String? {
        let parts = archived.split(separator: "/", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == Substring(folderName) else { return nil }
        return String(parts[4])
    }

    /// Moves the file at inbox path `from` to inbox path `to`, making the folders it needs.
    func move(from: String, to: String) throws {
        let target = inbox + "/" + to
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard rename(inbox + "/" + from, target) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
    }
}
