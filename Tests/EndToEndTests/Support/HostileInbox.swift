// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc

/// Builds the inbox an attacker (or an unlucky user) would: symlinks out of the inbox, a FIFO,
/// a socket, a 2 GB sparse file, names that are not UTF-8 or hold a newline, and a folder tree
/// nested deeper than newsd reads. Everything is made with the raw POSIX calls, because
/// FileManager cannot spell a name that is not UTF-8.
struct HostileInbox {
    /// A word that only the file outside the inbox holds; no search may ever find it.
    static let secretWord = "zanzibarsecretword"
    /// A word of the valid file whose name holds a newline; it must be indexed.
    static let newlineWord = "newlinenamedarticle"
    static let nestingDepth = Int(ProcessInfo.processInfo.environment["NEWSD_NESTING_DEPTH"] ?? "") ?? 1000

    let inbox: URL
    /// A folder outside the inbox holding the secret.
    let outside: URL

    /// The reason each refused entry must be recorded with, by the path `newsq failures` shows.
    static let expectedReasons: [String: String] = [
        "leak.txt": "symbolic links are not followed",
        "passwd.txt": "symbolic links are not followed",
        "linked-folder": "symbolic links are not followed",
        "pipe.txt": "not a regular file",
        "socket.txt": "not a regular file",
        "sparse.txt": "over the limit",
        "bad-\u{FFFD}-name.txt": "the file name is not valid UTF-8; rename it",
    ]

    static var tooDeepPathPrefix: String { "deep/" }

    func create() throws {
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.txt")
        try Self.article(title: "Secret memo", word: Self.secretWord).write(
            to: secret, atomically: true, encoding: .utf8)
        try check(symlink(secret.path, path("leak.txt")), "symlink leak.txt")
        try check(symlink("/etc/passwd", path("passwd.txt")), "symlink passwd.txt")
        try check(symlink(outside.path, path("linked-folder")), "symlink linked-folder")
        try check(mkfifo(path("pipe.txt"), 0o644), "mkfifo")
        try bindSocket(at: path("socket.txt"))
        try check(truncate(createEmpty("sparse.txt"), 2 << 30), "truncate")
        try writeRaw(name: Array("bad-".utf8) + [0xFF] + Array("-name.txt".utf8), Self.article(title: "Bad", word: "x"))
        try writeRaw(
            name: Array("line\nbreak.txt".utf8), Self.article(title: "Newline name", word: Self.newlineWord))
        try nest(depth: Self.nestingDepth)
    }

    /// Removes everything, including what FileManager can't name.
    func remove() {
        _ = try? Binaries.runExecutable("/bin/rm", ["-rf", inbox.path, outside.path])
    }

    static func article(title: String, word: String) -> String {
        "\(title)\n\nThis report mentions \(word) in a body long enough to count as an article, about markets, "
            + "weather and the politics of the day in several sentences.\n"
    }

    private func path(_ name: String) -> String { inbox.appendingPathComponent(name).path }

    private func createEmpty(_ name: String) throws -> String {
        let descriptor = open(path(name), O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
        try check(descriptor, "open \(name)")
        close(descriptor)
        return path(name)
    }

    private func writeRaw(name: [UInt8], _ text: String) throws {
        let full = Array(inbox.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = full.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644) }
        }
        try check(descriptor, "open raw name")
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        try check(write(descriptor, bytes, bytes.count) == bytes.count ? 0 : -1, "write raw name")
    }

    private func bindSocket(at path: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try check(descriptor, "socket")
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try check(result, "bind")
    }

    /// `deep/d/d/d/...`, made with `mkdirat` from the previous level's descriptor, so that no
    /// path is ever longer than one name; an article sits at the bottom.
    private func nest(depth: Int) throws {
        try check(mkdir(path("deep"), 0o755), "mkdir deep")
        var descriptor = open(path("deep"), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try check(descriptor, "open deep")
        for _ in 0..<depth {
            try check(mkdirat(descriptor, "d", 0o755), "mkdirat")
            let next = openat(descriptor, "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            close(descriptor)
            try check(next, "openat")
            descriptor = next
        }
        let file = openat(descriptor, "bottom.txt", O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
        close(descriptor)
        try check(file, "open bottom.txt")
        let bytes = Array(Self.article(title: "Bottom", word: Self.secretWord).utf8)
        _ = write(file, bytes, bytes.count)
        close(file)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private func check(_ result: Int32, _ call: String) throws {
        if result < 0 { throw Failure(description: "\(call): \(String(cString: strerror(errno)))") }
    }
}
