// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Which inbox files are articles: never hidden or temporary names (`IgnoredNames`), then the
/// configuration's globs: a file must match an `include` glob (when any is given) and no
/// `exclude` glob.
///
/// A glob with a `/` is matched against the path relative to the inbox (`feeds/*.xml`), one
/// without against the file name alone (`*.pdf`), as in .gitignore; `*` never crosses a `/`.
struct InboxFilter: Sendable, Hashable {
    var include: [String] = []
    var exclude: [String] = []

    /// Whether a folder's contents are looked at at all: hidden folders are not.
    func admitsFolder(named name: String) -> Bool {
        !IgnoredNames.contains(name)
    }

    func admitsFile(at relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        if IgnoredNames.contains(name) { return false }
        if exclude.contains(where: { Self.matches($0, path: relativePath, name: name) }) { return false }
        return include.isEmpty || include.contains { Self.matches($0, path: relativePath, name: name) }
    }

    private static func matches(_ glob: String, path: String, name: String) -> Bool {
        let subject = glob.contains("/") ? path : name
        return fnmatch(glob, subject, FNM_PATHNAME) == 0
    }
}
