// SPDX-License-Identifier: Apache-2.0
import Glibc

extension InboxFileReader {
    /// The open folder that holds a path's last component, and that component.
    struct Parent: ~Copyable {
        let descriptor: Int32
        let name: String

        deinit { close(descriptor) }
    }

    /// Opens the folder holding `relativePath`, one component at a time from the inbox, each
    /// with `O_NOFOLLOW`: `lstat` and `O_NOFOLLOW` on the whole path guard only its last
    /// component, so a folder swapped for a symlink after it was listed would otherwise lead
    /// outside the inbox. Walking by descriptor also lifts `PATH_MAX` off deep paths.
    ///
    /// `nil` when a folder on the way is gone (or is now a file): there is nothing to read.
    func parent(of relativePath: String) throws(Refusal) -> Parent? {
        var components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.popLast() else { return nil }
        var descriptor = open(inbox, openPathOnly | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        for component in components {
            guard component != "..", component != "." else {
                close(descriptor)
                throw Refusal(description: "the path leaves the inbox")
            }
            let next = openat(descriptor, component, openPathOnly | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            // With O_PATH a symlink fails O_DIRECTORY (ENOTDIR), not O_NOFOLLOW (ELOOP): ask.
            var status = stat()
            let isLink =
                next < 0 && fstatat(descriptor, component, &status, AT_SYMLINK_NOFOLLOW) == 0
                && status.st_mode & S_IFMT == S_IFLNK
            close(descriptor)
            guard next >= 0 else {
                if isLink || failure == ELOOP {
                    throw Refusal(description: "a folder on its path is a symbolic link, which is not followed")
                }
                switch failure {
                case ENOENT, ENOTDIR: return nil
                default: throw Refusal(description: "cannot open its folder: \(String(cString: strerror(failure)))")
                }
            }
            descriptor = next
        }
        return Parent(descriptor: descriptor, name: name)
    }

    /// Whether anything (file, symlink, FIFO, ...) is at `relativePath` beneath the inbox,
    /// without following symlinks. A path that is refused on the way counts as present, so
    /// that it is recorded as a failure rather than as a removal.
    func exists(_ relativePath: String) -> Bool {
        do {
            guard let parent = try parent(of: relativePath) else { return false }
            var status = stat()
            return fstatat(parent.descriptor, parent.name, &status, AT_SYMLINK_NOFOLLOW) == 0
        } catch {
            return true
        }
    }
}

/// `O_PATH` from <fcntl.h>, which Glibc's module map hides behind `_GNU_SOURCE`: a descriptor
/// that only names a folder for the `*at` calls, with no read permission needed (open(2)).
let openPathOnly: Int32 = 0o10_000_000
