// SPDX-License-Identifier: Apache-2.0
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Blocking Unix stream socket calls for the client side, where one request at a time is all
/// that is needed and NIO's event loop would only add start-up time to a short-lived command.
package enum UnixSocket {
    /// A system call failed; `errno` says why.
    package struct SystemCallError: Error, CustomStringConvertible {
        package var call: String
        package var errno: Int32
        package var description: String { "\(call): \(String(cString: strerror(errno)))" }
    }

    package static func connect(to path: String) throws(SystemCallError) -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SystemCallError(call: "socket", errno: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        let bytes = Array(path.utf8)
        guard bytes.count < capacity else {
            close(descriptor)
            throw SystemCallError(call: "connect", errno: ENAMETOOLONG)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(descriptor)
            throw SystemCallError(call: "connect", errno: error)
        }
        return descriptor
    }

    static func writeAll(_ descriptor: Int32, _ data: Data) throws(SystemCallError) {
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(call: "send", errno: errno)
            }
            offset += written
        }
    }

    /// Reads whatever is available, blocking until at least one byte or end of stream.
    static func readSome(_ descriptor: Int32, into buffer: inout [UInt8]) throws(SystemCallError) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                recv(descriptor, raw.baseAddress!, raw.count, 0)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(call: "recv", errno: errno)
            }
            return count
        }
    }
}
