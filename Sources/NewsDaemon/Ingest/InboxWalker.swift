// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Lists the files below the inbox, without following symlinks, skipping ignored names.
///
/// Iterative, so that a folder tree nested thousands deep cannot exhaust the stack; and bounded
/// by `InboxEntryName.maximumFolderDepth`, so that it cannot exhaust path lengths either.
/// Names come from `DirectoryListing` as raw bytes: one that is not valid UTF-8 is reported as
/// refused rather than silently lost.
struct InboxWalker {
    let inbox: String
    let filter: InboxFilter

    /// One thing found: a path to look at, or one to record as a failure without reading.
    enum Found: Hashable {
        case file(String)
        case refused(String, reason: String)

        var path: String {
            switch self {
            case .file(let path), .refused(let path, _): path
            }
        }
    }

    func files() -> [Found] {
        var found: [Found] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? inbox : inbox + "/" + folder
            guard let entries = DirectoryListing.entries(of: absolute, followingSymlink: folder.isEmpty) else {
                continue
            }
            for entry in entries {
                guard let name = InboxEntryName.decode(entry.name) else {
                    let child = InboxEntryName.join(folder, InboxEntryName.lossy(entry.name))
                    let admitted =
                        entry.type == S_IFDIR
                        ? filter.admitsFolder(named: InboxEntryName.lossy(entry.name)) : filter.admitsFile(at: child)
                    if admitted { found.append(.refused(child, reason: InboxEntryName.invalidNameReason)) }
                    continue
                }
                let child = InboxEntryName.join(folder, name)
                switch entry.type {
                case 0:
                    continue
                case S_IFDIR:
                    guard filter.admitsFolder(named: name) else { continue }
                    if InboxEntryName.depth(of: child) > InboxEntryName.maximumFolderDepth {
                        found.append(.refused(child, reason: InboxEntryName.tooDeepReason))
                    } else {
                        pending.append(child)
                    }
                default:
                    // Symlinks, FIFOs, sockets and devices too: the reader refuses them, so
                    // that the user learns why they were not indexed.
                    if filter.admitsFile(at: child) { found.append(.file(child)) }
                }
            }
        }
        return found
    }
}
