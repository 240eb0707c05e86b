// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Strips the site name that templates glue onto titles ("Story headline | Site Name").
///
/// A segment is removed only when it is the site's name or clearly short next to the rest;
/// headlines contain dashes and pipes of their own ("Brexit - the sequel"), so a blind split
/// would cut real titles in half.
enum TitleCleaner {
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]

    static func clean(_ title: String, siteName: String?) -> String {
        var title = TextCleaner.cleanInline(title)
        let site = siteName.map { TextCleaner.cleanInline($0).lowercased() }
        for separator in separators {
            let parts = title.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            if let site, !site.isEmpty {
                let kept = parts.filter { $0.lowercased() != site }
                if kept.count < parts.count, !kept.isEmpty {
                    title = kept.joined(separator: separator)
                    continue
                }
            }
            // Without a known site name, drop a short last segment (≤ 4 words) after a longer headline.
            let last = parts[parts.count - 1]
            let rest = parts.dropLast().joined(separator: separator)
            if words(last) <= 4, words(rest) >= 3, words(rest) > words(last) { title = rest }
        }
        return title
    }

    private static func words(_ text: String) -> Int {
        text.split(separator: " ").count
    }
}
