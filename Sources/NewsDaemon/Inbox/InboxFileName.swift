// SPDX-License-Identifier: Apache-2.0

/// Turns a name a client sent with `io.newsd.Ingest` into a safe file name in the inbox root.
///
/// The name is untrusted: it keeps only its last path component, loses leading dots (no
/// hidden files, no `..`) and control characters, and is bounded in length. A name the watcher
/// would ignore (a `.part` or `~` temporary) gets `.txt` added, so that the file is ingested.
enum InboxFileName {
    /// Bytes of the stem kept, well under NAME_MAX (255) with room for a suffix.
    static let maximumStemBytes = 200

    static func sanitize(_ name: String) -> String {
        let lastComponent = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(
            String.UnicodeScalarView(
                lastComponent.unicodeScalars.filter { !$0.properties.generalCategory.isControlOrFormat }))
        cleaned = String(cleaned.drop(while: { $0 == "." || $0.isWhitespace }))
        cleaned = String(cleaned.reversed().drop(while: { $0.isWhitespace }).reversed())
        if cleaned.isEmpty { cleaned = "article" }
        if IgnoredNames.contains(cleaned) { cleaned += ".txt" }
        return truncated(cleaned)
    }

    /// The names to try in order: `name`, then `stem-2.ext`, `stem-3.ext`, ...
    static func candidates(for name: String, count: Int) -> [String] {
        let (stem, ext) = split(name)
        return [name] + (2..<(count + 1)).map { "\(stem)-\($0)\(ext)" }
    }

    private static func split(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }

    private static func truncated(_ name: String) -> String {
        guard name.utf8.count > maximumStemBytes else { return name }
        let (stem, ext) = split(name)
        let keptExt = ext.utf8.count <= 16 ? ext : ""
        var kept = ""
        for character in stem {
            if kept.utf8.count + character.utf8.count + keptExt.utf8.count > maximumStemBytes { break }
            kept.append(character)
        }
        return kept + keptExt
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isControlOrFormat: Bool {
        switch self {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }
}
