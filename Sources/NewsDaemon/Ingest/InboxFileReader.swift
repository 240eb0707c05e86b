// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc
import NewsIndex
import NewsNormalizer

/// Reads one inbox file safely: regular files only, never through a symlink (on any component
/// of its path), never more than the size limit, and never blocking on a FIFO or device.
struct InboxFileReader: Sendable {
    let inbox: String
    let maximumFileSize: Int

    /// A file that could not be read, and why, in words for `newsq failures`.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// What `stat` says about a file, cheap enough to compare against the ledger first.
    struct Snapshot: Sendable {
        var size: Int64
        var modificationTimeNanoseconds: Int64
        var inode: UInt64
    }

    /// `nil` when the path is gone or is not a regular file: there is nothing to ingest.
    func snapshot(of relativePath: String) throws(Refusal) -> Snapshot? {
        guard let parent = try parent(of: relativePath) else { return nil }
        var status = stat()
        guard fstatat(parent.descriptor, parent.name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return Snapshot(status)
        case S_IFLNK: throw Refusal(description: "symbolic links are not followed")
        case S_IFDIR: return nil
        default: throw Refusal(description: "not a regular file (FIFO, socket or device)")
        }
    }

    /// Reads the whole file, checking the size limit before reading.
    func read(_ relativePath: String) throws(Refusal) -> (Snapshot, Data) {
        guard let parent = try parent(of: relativePath) else { throw Refusal(description: "cannot open: it is gone") }
        let descriptor = openat(
            parent.descriptor, parent.name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "symbolic links are not followed" : String(cString: strerror(errno))
            throw Refusal(description: "cannot open: \(reason)")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Refusal(description: "cannot stat: \(errnoText)") }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Refusal(description: "not a regular file (FIFO, socket or device)")
        }
        guard Int(status.st_size) <= maximumFileSize else {
            throw Refusal(
                description: "the file is \(status.st_size) bytes, over the limit of \(maximumFileSize) (max_file_size)"
            )
        }
        var data = Data(count: Int(status.st_size))
        var filled = 0
        while true {
            if filled == data.count {
                // The file grew while we read: take one more chunk to learn whether it did,
                // but never past the limit.
                guard data.count < maximumFileSize else { break }
                data.count = min(data.count + 64 * 1024, maximumFileSize + 1)
            }
            let count = data.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal(description: "read failed: \(errnoText)")
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        guard filled <= maximumFileSize else {
            throw Refusal(description: "the file grew past the limit of \(maximumFileSize) bytes while read")
        }
        return (Snapshot(status), data)
    }

    func absolute(_ relativePath: String) -> String { inbox + "/" + relativePath }

    private var errnoText: String { String(cString: strerror(errno)) }
}

extension InboxFileReader.Snapshot {
    init(_ status: stat) {
        size = Int64(status.st_size)
        modificationTimeNanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        inode = UInt64(status.st_ino)
    }

    /// Whether the ledger's record still describes this file without reading it.
    func matches(_ identity: IngestRecord.FileIdentity) -> Bool {
        identity.size == size && identity.modificationTimeNanoseconds == modificationTimeNanoseconds
            && identity.inode == inode
    }
}
