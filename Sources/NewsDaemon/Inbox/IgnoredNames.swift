// SPDX-License-Identifier: Apache-2.0

/// Names that are never articles: hidden files and the temporary names that browsers,
/// downloaders and editors write before the real one.
enum IgnoredNames {
    static func contains(_ name: String) -> Bool {
        if name.hasPrefix(".") { return true }
        if name.hasSuffix("~") { return true }
        return temporarySuffixes.contains { name.hasSuffix($0) }
    }

    private static let temporarySuffixes = [".part", ".crdownload", ".tmp", ".partial", ".download", ".swp"]
}
