// SPDX-License-Identifier: Apache-2.0
import Glibc

/// The entries of one folder as raw bytes, read with `opendir`/`readdir`.
///
/// File names on Linux are bytes, not text: FileManager turns them into `String`s, and a name
/// that is not valid UTF-8 comes back altered (or not at all), so it could never be opened
/// again. Listing raw bytes lets the caller decide, and record such a name as a failure.
enum DirectoryListing {
    struct Entry: Sendable {
        /// The name as the kernel stores it.
        var name: [UInt8]
        /// The entry's type from `lstat`: `S_IFREG`, `S_IFDIR`, `S_IFLNK`, ...; 0 when it
        /// vanished between `readdir` and `lstat`.
        var type: mode_t
    }

    /// `nil` when the folder cannot be opened (gone, not a folder, a symlink).
    ///
    /// - Parameter followingSymlink: whether `folder` itself may be a symlink: true only for the
    ///   configured inbox, which the administrator chose; never for a folder found inside it.
    static func entries(of folder: String, followingSymlink: Bool = false) -> [Entry]? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingSymlink ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let name = Self.name(of: entry)
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            var status = stat()
            let found = name.withUnsafeBufferPointer { bytes in
                fstatat(descriptor, nulTerminated(bytes), &status, AT_SYMLINK_NOFOLLOW) == 0
            }
            entries.append(Entry(name: name, type: found ? status.st_mode & S_IFMT : 0))
        }
        return entries
    }

    /// Where `d_name` starts in a `dirent`.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The entry's name, read in place up to its NUL.
    ///
    /// Not through `entry.pointee`: that copies a whole `dirent` (a 256-byte name field), while
    /// the kernel packs records only as long as their names, so the copy of the last record of
    /// glibc's buffer could read past its end, and newsd died with SIGSEGV when that crossed
    /// into an unmapped page (seen once in the crash-safety test on CI).
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        let start = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
        return Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
    }

    private static func nulTerminated(_ bytes: UnsafeBufferPointer<UInt8>) -> [CChar] {
        bytes.map { CChar(bitPattern: $0) } + [0]
    }
}
