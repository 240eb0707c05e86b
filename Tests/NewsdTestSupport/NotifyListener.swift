// SPDX-License-Identifier: Apache-2.0
import Glibc

/// A datagram socket standing in for systemd's notification socket, in a fresh temporary folder.
public struct NotifyListener: Sendable {
    public let folder: String
    public let path: String
    let fd: Int32

    struct Failure: Error, CustomStringConvertible {
        let call: String
        let errno: Int32
        var description: String { "\(self.call): \(String(cString: strerror(self.errno)))" }
    }

    public init() throws {
        var template = Array("/tmp/newsd-notify-XXXXXX".utf8CString)
        guard let folder = mkdtemp(&template) else { throw Failure(call: "mkdtemp", errno: errno) }
        self.folder = String(cString: folder)
        self.path = self.folder + "/notify.sock"
        self.fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard self.fd >= 0 else { throw Failure(call: "socket", errno: errno) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in self.path.utf8.prefix(capacity - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(self.fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw Failure(call: "bind", errno: errno) }

        // A missing message fails the test after 5 s instead of hanging it.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(self.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram's text, or `nil` after the timeout.
    public func receive() throws -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(self.fd, &buffer, buffer.count, 0)
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { return nil }
            throw Failure(call: "recv", errno: errno)
        }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// The first datagram matching `predicate`, skipping others, or `nil` after the timeout.
    public func receive(where predicate: (String) -> Bool) throws -> String? {
        while let message = try self.receive() {
            if predicate(message) { return message }
        }
        return nil
    }

    public func close() {
        _ = Glibc.close(self.fd)
        unlink(self.path)
        rmdir(self.folder)
    }
}
