// SPDX-License-Identifier: Apache-2.0
import Glibc

/// The inotify(7) system calls, each retried on `EINTR` and failing with the call's name.
enum Inotify {
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var path: String?
        var errno: Int32

        var description: String {
            let target = path.map { " \($0)" } ?? ""
            return "\(call)\(target): \(String(cString: strerror(errno)))"
        }
    }

    /// One decoded event. `name` is empty for events on the watched folder itself.
    struct Event: Sendable {
        var watch: Int32
        var mask: UInt32
        var cookie: UInt32
        var name: [UInt8]

        func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
    }

    static func initialize() throws(Failure) -> Int32 {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(call: "inotify_init1", errno: errno) }
        return descriptor
    }

    static func addWatch(_ descriptor: Int32, path: String, mask: UInt32) throws(Failure) -> Int32 {
        let watch = inotify_add_watch(descriptor, path, mask)
        guard watch >= 0 else { throw Failure(call: "inotify_add_watch", path: path, errno: errno) }
        return watch
    }

    /// Reads every queued event; an empty array when none is waiting.
    static func readEvents(_ descriptor: Int32, buffer: inout [UInt8]) throws(Failure) -> [Event] {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { return [] }
                throw Failure(call: "read inotify", errno: errno)
            }
            return decode(buffer[..<count])
        }
    }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> [Event] {
        var events: [Event] = []
        let headerSize = MemoryLayout<inotify_event>.size
        var offset = bytes.startIndex
        while offset + headerSize <= bytes.endIndex {
            let header = bytes[offset..<offset + headerSize].withUnsafeBytes {
                $0.loadUnaligned(as: inotify_event.self)
            }
            let nameStart = offset + headerSize
            let nameEnd = min(nameStart + Int(header.len), bytes.endIndex)
            let name = Array(bytes[nameStart..<nameEnd].prefix { $0 != 0 })
            events.append(Event(watch: header.wd, mask: header.mask, cookie: header.cookie, name: name))
            offset = nameEnd
        }
        return events
    }
}
