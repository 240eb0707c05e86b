// SPDX-License-Identifier: Apache-2.0
import Varlink
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Decides whether a socket file left behind may be removed.
///
/// A daemon that crashed leaves its socket file; binding over it fails with `EADDRINUSE`.
/// Removing it blindly would steal the path from a live daemon, so we first try to connect:
/// only a refused connection proves that nobody serves it.
enum StaleSocket {
    struct InUse: Error, CustomStringConvertible {
        var path: String
        var description: String { "another server is already listening on \(path)" }
    }

    struct NotASocket: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) exists and is not a socket; refusing to replace it" }
    }

    static func removeIfDead(at path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else { throw NotASocket(path: path) }
        if let connection = try? UnixSocket.connect(to: path) {
            close(connection)
            throw InUse(path: path)
        }
        unlink(path)
    }
}
