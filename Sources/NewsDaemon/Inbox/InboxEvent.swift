// SPDX-License-Identifier: Apache-2.0

/// What the watcher tells the ingest pipeline.
enum InboxEvent: Sendable, Hashable {
    /// A file appeared or was rewritten: look at it. Path relative to the inbox.
    case changed(String)
    /// A file or folder left the inbox. Path relative to the inbox.
    case removed(String)
    /// Events were lost (queue overflow, a folder moved in): compare the whole inbox with the
    /// ledger.
    case rescan
}
