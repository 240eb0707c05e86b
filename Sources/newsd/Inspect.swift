// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import Foundation
import NewsNormalizer

/// `newsd inspect FILE...`: what newsd would index, without touching the index.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Normalise files and print the articles as JSON Lines, one object per file."
    )

    @Argument(help: "Files to normalise.")
    var files: [String] = []

    /// Thousands of names fit neither comfortably in argv nor in the argument parser, which slows
    /// down with each positional value; `find ... | newsd inspect --files-from -` is the way to feed many.
    @Option(name: .long, help: "Also read file names from this file, one per line ('-' for standard input).")
    var filesFrom: String?

    @Option(name: .long, help: "Refuse files larger than this many bytes.")
    var maxFileSize: Int = 20 * 1024 * 1024

    @Flag(name: .long, help: "Print only each file's article count and total paragraphs, not the articles.")
    var summary = false

    func validate() throws {
        if files.isEmpty && filesFrom == nil {
            throw ValidationError("Name at least one file, or a list of files with --files-from.")
        }
    }

    func run() throws {
        let normalizer = Normalizer(maximumFileSize: maxFileSize)
        let encoder = JSONEncoder.inspection
        var output = BufferedOutput()
        var failures = 0
        let allFiles = try files + listedFiles()
        for file in allFiles {
            let report: InspectionReport
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let name = (file as NSString).lastPathComponent
                let articles = try normalizer.normalize(data, fileName: name)
                if summary {
                    // For timing the normaliser and for scripts that only check: encoding every
                    // body as JSON would cost more than normalising it.
                    let line = InspectionSummary(
                        file: file, articles: articles.count,
                        paragraphs: articles.reduce(0) { $0 + $1.paragraphs.count })
                    output.writeLine(try encoder.encode(line))
                    continue
                }
                report = InspectionReport(file: file, articles: articles)
            } catch let error as NormalizationError {
                report = InspectionReport(file: file, error: error.description)
            } catch {
                report = InspectionReport(file: file, error: "cannot read: \(error.localizedDescription)")
            }
            if report.error != nil { failures += 1 }
            output.writeLine(try encoder.encode(report))
        }
        output.flush()
        if failures > 0 { throw ExitCode(failures == allFiles.count ? 2 : 1) }
    }

    /// The names listed by `--files-from`, blank lines skipped.
    private func listedFiles() throws -> [String] {
        guard let filesFrom else { return [] }
        let data: Data
        if filesFrom == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: filesFrom))
            } catch {
                throw ValidationError("cannot read the list \(filesFrom): \(error.localizedDescription)")
            }
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }
}

/// One line of `newsd inspect --summary`.
struct InspectionSummary: Encodable {
    var file: String
    var articles: Int
    var paragraphs: Int
}

/// One line of `newsd inspect` output.
struct InspectionReport: Encodable {
    var file: String
    var articles: [InspectedArticle] = []
    var error: String?

    init(file: String, articles: [Article]) {
        self.file = file
        self.articles = articles.map(InspectedArticle.init)
    }

    init(file: String, error: String) {
        self.file = file
        self.error = error
    }
}

/// An article as `newsd inspect` shows it: the body as plain text.
struct InspectedArticle: Encodable {
    var title: String
    var subtitle: String?
    var authors: [String]
    var publishedAt: String?
    var source: String?
    var url: String?
    var section: String?
    var tags: [String]
    var language: String?
    var format: String
    var wordCount: Int
    var body: String

    init(_ article: Article) {
        title = article.title
        subtitle = article.subtitle
        authors = article.authors
        publishedAt = article.publishedAt?.rfc3339
        source = article.source
        url = article.url
        section = article.section
        tags = article.tags
        language = article.language
        format = article.format.rawValue
        wordCount = article.wordCount
        body = article.body
    }

    enum CodingKeys: String, CodingKey {
        case title, subtitle, authors, source, url, section, tags, language, format, body
        case publishedAt = "published_at"
        case wordCount = "word_count"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(subtitle, forKey: .subtitle)
        try container.encode(authors, forKey: .authors)
        try container.encode(publishedAt, forKey: .publishedAt)
        try container.encode(source, forKey: .source)
        try container.encode(url, forKey: .url)
        try container.encode(section, forKey: .section)
        try container.encode(tags, forKey: .tags)
        try container.encode(language, forKey: .language)
        try container.encode(format, forKey: .format)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(body, forKey: .body)
    }
}

extension JSONEncoder {
    static var inspection: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
