// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import Logging

/// Watches the inbox and its subfolders with inotify and reports what changed.
///
/// inotify's `read` blocks, which must never happen on a Swift concurrency thread, so the
/// watcher owns one thread that polls the inotify descriptor and a wake-up pipe; cancelling
/// `run()` writes to the pipe and the thread returns.
struct InboxWatcher: Sendable {
    let inbox: String
    let filter: InboxFilter
    let events: AsyncStream<InboxEvent>.Continuation
    let logger: Logger
    /// How long a newly created file must stay quiet before it is taken, when no close-write
    /// follows (a hard link, or a file created empty).
    var settleTime: Duration = .milliseconds(500)

    /// Adds the watches, then calls `onWatching` so that the caller can start its catch-up scan
    /// knowing that nothing arriving from now on is missed, then reports events until cancelled.
    func run(onWatching: @Sendable () async -> Void) async throws {
        let descriptor = try Inotify.initialize()
        defer { close(descriptor) }
        var wakePipe: [Int32] = [0, 0]
        guard pipe(&wakePipe) == 0 else { throw Inotify.Failure(call: "pipe", errno: errno) }
        for end in wakePipe {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        defer {
            close(wakePipe[0])
            close(wakePipe[1])
        }
        var tree = WatchTree(descriptor: descriptor, inbox: inbox, filter: filter, logger: logger)
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        tree.watchRecursively(relativePath: "", report: { _ in })
        await onWatching()
        let (readEnd, writeEnd) = (wakePipe[0], wakePipe[1])
        let loop = WatchLoop(
            descriptor: descriptor, wakeDescriptor: readEnd, tree: tree, events: events, settleTime: settleTime,
            logger: logger)
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let thread = Thread {
                    loop.run()
                    continuation.resume()
                }
                thread.name = "newsd-inotify"
                thread.start()
            }
        } onCancel: {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }
}

/// The watch descriptors and the folder each one stands for.
struct WatchTree: @unchecked Sendable {
    let descriptor: Int32
    let inbox: String
    let filter: InboxFilter
    let logger: Logger
    private(set) var folders: [Int32: String] = [:]

    init(descriptor: Int32, inbox: String, filter: InboxFilter, logger: Logger) {
        self.descriptor = descriptor
        self.inbox = inbox
        self.filter = filter
        self.logger = logger
    }

    static let folderMask: UInt32 =
        UInt32(
            IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
                | IN_MODIFY)
        | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK)

    func absolute(_ relativePath: String) -> String {
        relativePath.isEmpty ? inbox : inbox + "/" + relativePath
    }

    /// Watches a folder and every folder below it, reporting the files already inside: they
    /// arrived before the watch existed, so no event will ever name them. Folders past
    /// `InboxEntryName.maximumFolderDepth` and names that are not UTF-8 are reported as refused.
    mutating func watchRecursively(relativePath: String, report: (InboxEvent) -> Void) {
        var pending = [relativePath]
        while let folder = pending.popLast() {
            do {
                let watch = try Inotify.addWatch(descriptor, path: absolute(folder), mask: Self.folderMask)
                folders[watch] = folder
            } catch {
                logger.warning("cannot watch folder", metadata: ["folder": "\(folder)", "error": "\(error)"])
                continue
            }
            let listing = DirectoryListing.entries(of: absolute(folder), followingSymlink: folder.isEmpty)
            for entry in listing ?? [] {
                guard let name = InboxEntryName.decode(entry.name) else {
                    let child = InboxEntryName.join(folder, InboxEntryName.lossy(entry.name))
                    if entry.type == S_IFDIR || filter.admitsFile(at: child) {
                        report(.refused(child, reason: InboxEntryName.invalidNameReason))
                    }
                    continue
                }
                let child = InboxEntryName.join(folder, name)
                switch entry.type {
                case S_IFDIR where filter.admitsFolder(named: name):
                    if InboxEntryName.depth(of: child) > InboxEntryName.maximumFolderDepth {
                        report(.refused(child, reason: InboxEntryName.tooDeepReason))
                    } else {
                        pending.append(child)
                    }
                case S_IFDIR: continue
                default: if filter.admitsFile(at: child) { report(.changed(child)) }
                }
            }
        }
    }

    mutating func forget(_ watch: Int32) {
        folders[watch] = nil
    }

    /// Removes every watch: the folders they stand for are no longer where the paths say.
    mutating func forgetAll() {
        for watch in folders.keys { inotify_rm_watch(descriptor, watch) }
        folders.removeAll()
    }
}

/// The watcher thread's loop: decode events, keep the tree in step, and report.
final class WatchLoop: @unchecked Sendable {
    let descriptor: Int32
    let wakeDescriptor: Int32
    var tree: WatchTree
    let events: AsyncStream<InboxEvent>.Continuation
    let settleTime: Duration
    let logger: Logger
    /// Files created without a close-write yet, with when they were last touched.
    var settling: [String: ContinuousClock.Instant] = [:]
    /// The inbox folder itself was deleted or moved away: look for it to come back.
    var inboxLost = false

    init(
        descriptor: Int32, wakeDescriptor: Int32, tree: WatchTree, events: AsyncStream<InboxEvent>.Continuation,
        settleTime: Duration, logger: Logger
    ) {
        self.descriptor = descriptor
        self.wakeDescriptor = wakeDescriptor
        self.tree = tree
        self.events = events
        self.settleTime = settleTime
        self.logger = logger
    }

    func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let timeout: Int32 = inboxLost ? 250 : settling.isEmpty ? -1 : 50
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0 && errno != EINTR {
                logger.error("poll failed", metadata: ["errno": "\(errno)"])
                return
            }
            if descriptors[1].revents != 0 { return }
            if descriptors[0].revents != 0 {
                do {
                    for event in try Inotify.readEvents(descriptor, buffer: &buffer) { handle(event) }
                } catch {
                    logger.error("inotify read failed", metadata: ["error": "\(error)"])
                    return
                }
            }
            releaseSettled()
            if inboxLost { rewatchInboxIfBack() }
        }
    }

    private func handle(_ event: Inotify.Event) {
        if event.has(IN_Q_OVERFLOW) {
            logger.warning("inotify queue overflowed; rescanning the inbox")
            events.yield(.rescan)
            return
        }
        if tree.folders[event.watch] == "",
            event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) || event.has(IN_IGNORED)
        {
            loseInbox(movedAway: event.has(IN_MOVE_SELF))
            return
        }
        if event.has(IN_IGNORED) {
            tree.forget(event.watch)
            return
        }
        guard let folder = tree.folders[event.watch], !event.name.isEmpty else { return }
        guard let name = InboxEntryName.decode(event.name) else {
            handleInvalidName(event, in: folder)
            return
        }
        let path = InboxEntryName.join(folder, name)
        if event.has(IN_ISDIR) {
            guard tree.filter.admitsFolder(named: name) else { return }
            if event.has(IN_CREATE) || event.has(IN_MOVED_TO) {
                if InboxEntryName.depth(of: path) > InboxEntryName.maximumFolderDepth {
                    events.yield(.refused(path, reason: InboxEntryName.tooDeepReason))
                } else {
                    tree.watchRecursively(relativePath: path) { events.yield($0) }
                }
            } else if event.has(IN_MOVED_FROM) || event.has(IN_DELETE) {
                events.yield(.removed(path))
            }
            return
        }
        // A file renamed to an ignored name (a download finishing the other way round) has left.
        guard tree.filter.admitsFile(at: path) else {
            if event.has(IN_MOVED_FROM) || event.has(IN_DELETE) { events.yield(.removed(path)) }
            return
        }
        if event.has(IN_CLOSE_WRITE) || event.has(IN_MOVED_TO) {
            settling[path] = nil
            events.yield(.changed(path))
        } else if event.has(IN_CREATE) {
            var status = stat()
            if lstat(tree.absolute(path), &status) == 0, status.st_nlink > 1 {
                // A hard link: its content is complete already, and no close-write will come.
                events.yield(.changed(path))
            } else {
                settling[path] = .now
            }
        } else if event.has(IN_MODIFY) {
            // A change with no close-write to follow (truncate(2) by path, a writer that
            // keeps the file open): take it once it has been quiet for the settle time.
            settling[path] = .now
        } else if event.has(IN_MOVED_FROM) || event.has(IN_DELETE) {
            settling[path] = nil
            events.yield(.removed(path))
        }
    }

    /// A name that is not UTF-8 can't be carried as a path: record the arrival as a failure
    /// under its lossy spelling, and a departure as the removal of that record.
    private func handleInvalidName(_ event: Inotify.Event, in folder: String) {
        let path = InboxEntryName.join(folder, InboxEntryName.lossy(event.name))
        guard event.has(IN_ISDIR) || tree.filter.admitsFile(at: path) else { return }
        if event.has(IN_MOVED_FROM) || event.has(IN_DELETE) {
            events.yield(.removed(path))
        } else if event.has(IN_CREATE) || event.has(IN_MOVED_TO) || event.has(IN_CLOSE_WRITE) {
            events.yield(.refused(path, reason: InboxEntryName.invalidNameReason))
        }
    }

    private func releaseSettled() {
        guard !settling.isEmpty else { return }
        let now = ContinuousClock.now
        for (path, since) in settling where now - since >= settleTime {
            settling[path] = nil
            events.yield(.changed(path))
        }
    }
}
