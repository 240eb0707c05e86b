// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsNormalizer

/// File names the first input byte chooses from: the extension is half of format detection, so every reader is
/// reachable from any content, and content that claims one format meets a name that claims another.
let fileNames = [
    "a.txt", "a.html", "a.html.gz", "a.md", "a.json", "a.jsonl", "a.xml", "a.rss", "a.atom", "a.eml", "a",
]

/// The daemon's own limit, so that gzip bombs and huge pages meet the bound they meet in production.
let normalizer = Normalizer()

/// libFuzzer's entry point: the first byte picks the file name, the rest is the file.
///
/// Any result is fine (articles or a `NormalizationError`); a trap, a sanitizer report, a hang or unbounded memory
/// is the bug. The derived values the ingest pipeline computes are touched too, so that they are fuzzed as well.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let fileName = fileNames[Int(bytes[0]) % fileNames.count]
    let content = Data(bytes.dropFirst())
    guard let articles = try? normalizer.normalize(content, fileName: fileName) else { return 0 }
    for article in articles {
        _ = article.simHash
        _ = article.wordCount
        _ = try? JSONEncoder().encode(article)
    }
    return 0
}
