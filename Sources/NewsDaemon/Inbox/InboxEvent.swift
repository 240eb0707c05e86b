// SPDX-License-Identifier: Apache-2.0

/// What the watcher tells the ingest pipeline.
enum InboxEvent: Sendable, Hashable {
    /// A file appeared or was rewritten: look at it. Path relative to the inbox.
    case changed(String)
    /// A file or folder left the inbox. Path relative to the inbox.
    case removed(String)
    /// Something in the inbox that newsd will not read (a name that is not UTF-8, a folder
    /// nested too deep): record it as a failure with this reason, without opening it.
    case refused(String, reason: String)
    /// Events were lost (queue overflow, a folder moved in): compare the whole inbox with the
    /// ledger.
    case rescan
}
