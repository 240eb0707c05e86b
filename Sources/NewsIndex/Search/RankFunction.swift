// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import GRDBSQLite

/// `newsd_rank(articles_fts, w1, …, w8, averages, structure, phrase1, …)`: FTS5's bm25 with
/// column weights, whose phrase rarities come from a ``PhraseFrequencyCache``.
///
/// FTS5's own `bm25()` learns each phrase's document frequency by running the phrase as a query
/// of its own over the whole index, once per search; for a common word that walk was most of a
/// search's time at 100,000 articles, even though only the newest few hundred matches are
/// scored. This function scores exactly as `bm25()` does (Okapi BM25, k1 = 1.2, b = 0.75,
/// IDF floored at 1e-6, negated so that `ORDER BY` ascending puts the best first:
/// https://sqlite.org/fts5.html#the_bm25_function) and walks a phrase only when the cache has
/// not seen it in this generation of the index (``IndexGeneration``, passed as two arguments).
/// Row lengths come from a ``RowLengthCache`` of the same generation.
///
/// The trailing arguments name the query's phrases in FTS5's numbering (``FTS5Match/phrases``);
/// when their number does not match the query's, nothing is cached and every phrase is walked.
/// A list of the right length naming the wrong phrases would file counts under wrong names:
/// `RankFunctionTests` checks the compiler's lists against FTS5's scores.
enum RankFunction {
    static let name = "newsd_rank"

    /// The SQL call for `weights`, with one `?` per phrase for the phrase keys.
    static func call(weights: ColumnWeights, phraseCount: Int) -> String {
        "\(name)(articles_fts, \(weights.sqlArguments), \(IndexGeneration.sqlArguments)"
            + "\(String(repeating: ", ?", count: phraseCount)))"
    }

    /// Where the generation's two arguments and the phrase keys start.
    static let generationArgument = weightCount
    static let firstPhraseArgument = weightCount + 2

    /// Registers the function on one connection; every connection of the pool shares `statistics`.
    static func register(in db: Database, statistics: RankingStatistics) throws {
        try FTS5Call.register(name, entry: entry, statistics: statistics, in: db)
    }

    /// Scoring constants, as FTS5's bm25 has them.
    static let k1 = 1.2
    static let b = 0.75
    static let weightCount = Schema.textColumns.count

    /// Called by FTS5 once per matching row.
    private static let entry: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        let call = FTS5Call(api: api, fts: fts)
        do throws(FTS5CallError) {
            let query = try call.statementData {
                () throws(FTS5CallError) -> RankedQuery in
                try RankedQuery(call, argumentCount: Int(argumentCount), arguments: arguments)
            }
            sqlite3_result_double(context, -(try query.score(call)))
        } catch {
            sqlite3_result_error_code(context, error.code)
        }
    }
}

/// What one search's rows are scored with: weights, each phrase's IDF and the average length,
/// computed on the first row and kept until the statement ends.
private final class RankedQuery {
    let weights: [Double]
    let inverseFrequencies: [Double]
    let averageLength: Double
    /// Lengths of rows already scored in this generation; `nil` without a generation.
    let rowLengths: RowLengths?
    /// Reused for every row: each phrase's weighted count of occurrences.
    var occurrences: [Double]

    init(_ call: FTS5Call, argumentCount: Int, arguments: UnsafeMutablePointer<OpaquePointer?>?) throws(FTS5CallError) {
        weights = (0..<RankFunction.weightCount).map { index in
            index < argumentCount ? sqlite3_value_double(arguments?[index]) : 1
        }
        let phraseCount = call.phraseCount
        let generation =
            argumentCount >= RankFunction.firstPhraseArgument
            ? FTS5Call.generation(arguments, at: RankFunction.generationArgument) : nil
        let keys = (RankFunction.firstPhraseArgument..<max(RankFunction.firstPhraseArgument, argumentCount)).map {
            FTS5Call.text(arguments, at: $0)
        }
        rowLengths = generation.flatMap { call.statistics?.rowLengths.lengths(in: $0) }
        let size = try call.indexSize()
        let rows = Double(size.rows)
        var inverseFrequencies: [Double] = []
        for phrase in 0..<phraseCount {
            let frequency = Double(
                try call.documentFrequency(
                    ofPhrase: phrase, key: keys.count == phraseCount ? keys[phrase] : nil, in: generation))
            let inverse = log((rows - frequency + 0.5) / (frequency + 0.5))
            inverseFrequencies.append(inverse > 0 ? inverse : 1e-6)
        }
        self.inverseFrequencies = inverseFrequencies
        averageLength = size.rows > 0 ? Double(size.tokens) / rows : 1
        occurrences = Array(repeating: 0, count: phraseCount)
    }

    /// The current row's BM25 score (positive: larger is better).
    func score(_ call: FTS5Call) throws(FTS5CallError) -> Double {
        for index in occurrences.indices { occurrences[index] = 0 }
        try call.forEachInstance { phrase, column in
            occurrences[phrase] += column < weights.count ? weights[column] : 1
        }
        let k1 = RankFunction.k1
        let lengthFactor = k1 * (1 - RankFunction.b + RankFunction.b * Double(try rowLength(call)) / averageLength)
        var score = 0.0
        for (phrase, count) in occurrences.enumerated() {
            // Parenthesised as FTS5 does, so that the scores agree to the last bit.
            score += inverseFrequencies[phrase] * ((count * (k1 + 1)) / (count + lengthFactor))
        }
        return score
    }

    private func rowLength(_ call: FTS5Call) throws(FTS5CallError) -> Int {
        guard let rowLengths else { return try call.rowTokenCount() }
        let row = call.rowID
        if let known = rowLengths.length(ofRow: row) { return Int(known) }
        let length = try call.rowTokenCount()
        rowLengths.record(Int32(clamping: length), ofRow: row)
        return length
    }
}
