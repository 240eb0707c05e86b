// SPDX-License-Identifier: Apache-2.0
public import Foundation

/// Turns a file's bytes and name into clean articles.
///
/// The normaliser knows no files and no database: callers read the bytes (respecting the
/// size limit before reading) and store the result. That keeps every reader a pure function
/// that tests and fuzzers can drive directly.
public struct Normalizer: Sendable {
    /// Files larger than this are refused; the caller should check the size before reading.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 20 * 1024 * 1024) {
        self.maximumFileSize = maximumFileSize
    }

    /// Normalises one file into zero or more articles.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - fileName: the file's name, used only as a hint for the format and as a last-resort title.
    /// - Throws: `NormalizationError` saying why nothing could be extracted.
    public func normalize(_ bytes: Data, fileName: String) throws(NormalizationError) -> [Article] {
        guard bytes.count <= maximumFileSize else {
            throw NormalizationError(
                .tooLarge, "the file is \(bytes.count) bytes, over the limit of \(maximumFileSize)")
        }
        guard !bytes.isEmpty else { throw NormalizationError(.empty, "the file is empty") }
        // Saved pages often arrive gzip'd (`.html.gz`); the size limit then applies to the inflated bytes too.
        let bytes = GzipInflater.isGzip(bytes) ? try GzipInflater.inflate(bytes, limit: maximumFileSize) : bytes
        let format = FormatDetector.detect(bytes, fileName: fileName)
        let articles: [Article]
        switch format {
        case .html:
            articles = try HTMLReader.read(bytes, fileName: fileName)
        case .feed:
            articles = try FeedReader.read(bytes, fileName: fileName)
        case .json:
            articles = try JSONArticleReader.read(bytes, fileName: fileName)
        case .email:
            articles = try EmailReader.read(bytes, fileName: fileName)
        case .markdown:
            articles = try MarkdownReader.read(try TextDecoder.decode(bytes), fileName: fileName)
        default:
            articles = try PlainTextReader.read(try TextDecoder.decode(bytes), fileName: fileName)
        }
        var usable = articles.filter { !$0.paragraphs.isEmpty || !$0.title.isEmpty }
        guard !usable.isEmpty else { throw NormalizationError(.noContent, "no article text was found") }
        for index in usable.indices {
            let article = usable[index]
            usable[index].language =
                article.language.flatMap(LanguageTag.canonical)
                ?? LanguageDetector.detect(title: article.title, paragraphs: article.paragraphs)
        }
        return usable
    }
}
