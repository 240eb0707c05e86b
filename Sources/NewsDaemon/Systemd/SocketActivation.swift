// SPDX-License-Identifier: Apache-2.0
import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// The listening sockets systemd passed to this process (`newsd.socket`), per `sd_listen_fds(3)`.
///
/// With socket activation systemd owns `/run/newsd/newsd.sock`: it creates the socket (and its folder) with the mode
/// and group from the socket unit, queues connections while the daemon starts or restarts, and hands the listening
/// descriptor over as fd 3 onwards. The daemon then serves that descriptor instead of binding the path itself.
public enum SocketActivation {
    /// The listening Unix stream sockets passed by systemd, with their `FileDescriptorName=` (default: the socket
    /// unit's name, `newsd.socket`).
    ///
    /// Call it once, early: the `LISTEN_*` variables are removed from the environment so that child processes do not
    /// take the sockets for theirs, so a second call finds none. The descriptors have `FD_CLOEXEC` set.
    ///
    /// A passed descriptor that is not a listening Unix stream socket (a misconfigured unit) is closed, reported to
    /// `onRejected` and left out.
    ///
    /// - Parameter onRejected: Called with each descriptor left out, before it is closed, so the caller can log it.
    /// - Returns: The usable sockets in the order systemd passed them; empty when not socket-activated, or when
    ///   the `LISTEN_*` variables are malformed.
    public static func listenFileDescriptors(
        onRejected: ((_ fd: Int32, _ name: String) -> Void)? = nil
    ) -> [(fd: Int32, name: String)] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(1, &names)
        defer { Self.freeNames(names) }
        guard count > 0 else { return [] }

        var sockets: [(fd: Int32, name: String)] = []
        for index in 0..<Int(count) {
            let fd = SD_LISTEN_FDS_START + Int32(index)
            let name = names?[index].map { String(cString: $0) } ?? ""
            // listening = 1: a socket unit with Accept=no passes the listening socket, never a connection.
            if sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0 {
                sockets.append((fd: fd, name: name))
            } else {
                onRejected?(fd, name)
                close(fd)
            }
        }
        return sockets
    }

    /// Frees the NULL-terminated array `sd_listen_fds_with_names` allocated, and each string in it.
    private static func freeNames(_ names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
        guard let names else { return }
        var index = 0
        while let name = names[index] {
            free(name)
            index += 1
        }
        free(names)
    }
}
