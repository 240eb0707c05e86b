// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import Testing

@testable import NewsIndex

/// The Swift stemmer must agree with the one FTS5 indexed with, or snippets would mark words the
/// index did not match and miss words it did. SQLite is the oracle: every distinct word of the
/// BBC corpus goes through FTS5's `porter` tokenizer and through ours.
@Suite struct PorterStemmerTests {
    @Test func agreesWithFTS5OnEveryWordOfTheBBCCorpus() throws {
        let words = try Self.corpusWords()
        #expect(words.count > 20_000)
        let database = try DatabaseQueue()
        let stems = try database.write { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE words USING fts5(word, tokenize = 'porter unicode61 remove_diacritics 2');
                    CREATE VIRTUAL TABLE stems USING fts5vocab(words, 'instance');
                    """)
            let insert = try db.makeStatement(sql: "INSERT INTO words(rowid, word) VALUES (?, ?)")
            for (index, word) in words.enumerated() { try insert.execute(arguments: [index + 1, word]) }
            var stems: [Int: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT doc, term FROM stems") { stems[row["doc"]] = row["term"] }
            return stems
        }
        var disagreements: [String] = []
        for (index, word) in words.enumerated() {
            let expected = stems[index + 1]
            let stem = PorterStemmer.stem(word)
            if stem != expected { disagreements.append("\(word): FTS5 \(expected ?? "-"), ours \(stem)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) of \(words.count): \(disagreements.prefix(20))")
    }

    /// What `HighlightPattern.Part.wordPrefix` relies on to stem only the words that may match.
    @Test func aStemWithoutItsLastTwoLettersBeginsItsWord() throws {
        var exceptions: [String] = []
        for word in try Self.corpusWords() {
            let stem = PorterStemmer.stem(word)
            if !word.hasPrefix(stem.prefix(max(1, stem.count - 2))) { exceptions.append("\(word) → \(stem)") }
        }
        #expect(exceptions.isEmpty, "\(exceptions.prefix(20))")
    }

    @Test func stemsTheTextbookExamples() {
        let cases = [
            "caresses": "caress", "ponies": "poni", "sanctions": "sanction", "agreed": "agre", "plastered": "plaster",
            "motoring": "motor", "hopping": "hop", "filing": "file", "happy": "happi", "relational": "relat",
            "generalization": "gener", "electricity": "electr", "adjustment": "adjust", "controlling": "control",
            "it": "it", "rosselkhozbank": "rosselkhozbank",
        ]
        for (word, stem) in cases { #expect(PorterStemmer.stem(word) == stem, "\(word)") }
    }

    /// Distinct lower-case words of 1 to 70 letters or digits from the corpus.
    static func corpusWords() throws -> [String] {
        var words = Set<String>()
        let files = FileManager.default.enumerator(at: KnownItemRankingTests.corpus, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" }
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for word in text.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            where word.count <= 70 {
                words.insert(String(word))
            }
        }
        return words.sorted()
    }
}
