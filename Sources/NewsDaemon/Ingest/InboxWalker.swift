// SPDX-License-Identifier: Apache-2.0
import Foundation
import Glibc

/// Lists the regular files below the inbox, without following symlinks, skipping ignored names.
///
/// Iterative, so that a folder tree nested thousands deep cannot exhaust the stack.
struct InboxWalker {
    let inbox: String
    let filter: InboxFilter

    func files() -> [String] {
        var found: [String] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let absolute = folder.isEmpty ? inbox : inbox + "/" + folder
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in entries {
                let child = folder.isEmpty ? name : folder + "/" + name
                var status = stat()
                guard lstat(inbox + "/" + child, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    if filter.admitsFolder(named: name) { pending.append(child) }
                    continue
                }
                guard filter.admitsFile(at: child) else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFREG, S_IFLNK: found.append(child)
                default: found.append(child)  // recorded as a refusal, so that the user learns why
                }
            }
        }
        return found
    }
}
