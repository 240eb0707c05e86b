// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc

/// Writes a file into the inbox on a client's behalf, so that it appears there whole and
/// under a name that was free.
///
/// The bytes go to a hidden temporary name (which the watcher ignores), are fsynced, and are
/// then hard-linked to the final name: `link` fails with `EEXIST` instead of replacing a file,
/// so two clients sending the same name both keep their file. The watcher sees a new link
/// with `st_nlink > 1` and takes it at once.
struct InboxDropper: Sendable {
    let inbox: String
    /// How many numbered names to try before giving up.
    var attempts = 1000

    struct Failure: Error, CustomStringConvertible {
        var call: String
        var errno: Int32
        var description: String { "\(call): \(String(cString: strerror(errno)))" }
    }

    /// Writes `content` and returns the name it landed under, relative to the inbox.
    func drop(_ content: Data, suggestedName: String) throws(Failure) -> String {
        let name = InboxFileName.sanitize(suggestedName)
        let temporary = inbox + "/.newsd-ingest-\(UInt64.random(in: 0...UInt64.max))"
        try writeSynced(content, to: temporary)
        defer { unlink(temporary) }
        for candidate in InboxFileName.candidates(for: name, count: attempts) {
            if link(temporary, inbox + "/" + candidate) == 0 {
                syncFolder()
                return candidate
            }
            guard errno == EEXIST else { throw Failure(call: "link", errno: errno) }
        }
        throw Failure(call: "link", errno: EEXIST)
    }

    private func writeSynced(_ content: Data, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw Failure(call: "open", errno: errno) }
        var failure: Failure?
        content.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(call: "write", errno: errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(call: "fsync", errno: errno) }
        close(descriptor)
        if let failure {
            unlink(path)
            throw failure
        }
    }

    /// Makes the new name durable too: a crash right after the reply must not lose the file.
    private func syncFolder() {
        let descriptor = open(inbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
