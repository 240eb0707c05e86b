// SPDX-License-Identifier: Apache-2.0
import Glibc

extension WatchLoop {
    /// The inbox folder was deleted, moved away or unmounted. Its watches now stand for folders
    /// that are not at the inbox's path (a moved folder keeps its watches, and would report its
    /// files under paths that now name other files), so all of them go, and the loop looks for
    /// the folder to come back.
    func loseInbox(movedAway: Bool) {
        guard !inboxLost else { return }
        inboxLost = true
        settling.removeAll()
        tree.forgetAll()
        logger.warning(
            "the inbox folder is gone; watching for it to come back",
            metadata: ["inbox": "\(tree.inbox)", "how": "\(movedAway ? "moved away" : "deleted")"])
    }

    /// Called every poll while the inbox is lost: once a folder is at the inbox's path again,
    /// watch it and compare it with the ledger. The rescan takes what is in the new folder and
    /// removes what was only in the old one.
    func rewatchInboxIfBack() {
        var status = stat()
        guard stat(tree.inbox, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return }
        inboxLost = false
        tree.watchRecursively(relativePath: "") { _ in }
        guard tree.folders.values.contains("") else {
            inboxLost = true
            return
        }
        logger.notice("the inbox folder is back; watching it again", metadata: ["inbox": "\(tree.inbox)"])
        events.yield(.rescan)
    }
}
