// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite struct NormalizerTests {
    private let normalizer = Normalizer(maximumFileSize: 1024)

    @Test func emptyTooLargeAndBinaryFilesSayWhy() {
        #expect(throws: NormalizationError(.empty, "the file is empty")) {
            try normalizer.normalize(Data(), fileName: "a.txt")
        }
        #expect {
            try normalizer.normalize(Data(count: 2048), fileName: "a.txt")
        } throws: { ($0 as? NormalizationError)?.code == .tooLarge }
        #expect {
            try normalizer.normalize(Data([1, 0, 2, 0]), fileName: "a.txt")
        } throws: { ($0 as? NormalizationError)?.code == .binary }
    }

    @Test func aBracketOpensJSONOnlyWhenAValueFollows() {
        let cases: [(String, ArticleFormat)] = [
            ("[{\"title\": \"a\"}]", .json), ("[\n  \"a\"]", .json), ("[]", .json), ("[null]", .json),
            ("{\n\"title\": 1}", .json), ("{}", .json),
            ("[The Palace] More Reviews from Visitors\n\nText.", .text), ("{Updated} A headline\n", .text),
            ("[nullified] A headline\n", .text),
        ]
        for (text, format) in cases {
            #expect(FormatDetector.detect(Data(text.utf8), fileName: "a.txt") == format, "\(text)")
        }
    }

    @Test func theBBCFirstLineIsTheTitle() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/corpus/bbc/business/001.txt")
        let data = try Data(contentsOf: url)
        let article = try #require(try Normalizer().normalize(data, fileName: "001.txt").first)
        let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
        #expect(article.title == firstLine?.trimmingCharacters(in: .whitespaces))
        #expect(article.paragraphs.count > 3)
        #expect(!article.body.contains(article.title + "\n"))
    }

    @Test func publicationDateKeepsTheSourceOffset() {
        let date = PublicationDate(instant: Date(timeIntervalSince1970: 1_743_068_400), utcOffsetSeconds: 7200)
        #expect(date.rfc3339 == "2025-03-27T11:40:00+02:00")
        #expect(
            PublicationDate(instant: Date(timeIntervalSince1970: 0), utcOffsetSeconds: nil).rfc3339
                == "1970-01-01T00:00:00Z")
    }
}
