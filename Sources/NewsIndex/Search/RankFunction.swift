// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import GRDBSQLite

/// `newsd_rank(articles_fts, w1, …, w8, phrase1, …)`: FTS5's bm25 with column weights, whose
/// phrase rarities come from a ``PhraseFrequencyCache``.
///
/// FTS5's own `bm25()` learns each phrase's document frequency by running the phrase as a query
/// of its own over the whole index, once per search; for a common word that walk was most of a
/// search's time at 100,000 articles, even though only the newest few hundred matches are
/// scored. This function scores exactly as `bm25()` does (Okapi BM25, k1 = 1.2, b = 0.75,
/// IDF floored at 1e-6, negated so that `ORDER BY` ascending puts the best first:
/// https://sqlite.org/fts5.html#the_bm25_function) and walks a phrase only when the cache has
/// not seen it in this generation of the index.
///
/// The trailing arguments name the query's phrases in FTS5's numbering (``FTS5Match/phrases``);
/// when their number does not match the query's, nothing is cached and every phrase is walked,
/// so a wrong list can cost time but never change a score.
enum RankFunction {
    static let name = "newsd_rank"

    /// The SQL call for `weights`, with one `?` per phrase for the phrase keys.
    static func call(weights: ColumnWeights, phraseCount: Int) -> String {
        "\(name)(articles_fts, \(weights.sqlArguments)\(String(repeating: ", ?", count: phraseCount)))"
    }

    /// Registers the function on one connection; every connection of the pool shares `cache`.
    static func register(in db: Database, cache: PhraseFrequencyCache) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else {
            throw DatabaseError(message: "FTS5 has no xCreateFunction")
        }
        let context = Unmanaged.passRetained(cache).toOpaque()
        let code = create(
            UnsafeMutablePointer(mutating: api), name, context, rankEntry,
            { context in context.map { Unmanaged<PhraseFrequencyCache>.fromOpaque($0).release() } })
        guard code == SQLITE_OK else {
            Unmanaged<PhraseFrequencyCache>.fromOpaque(context).release()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)")
        }
    }

    /// Scoring constants, as FTS5's bm25 has them.
    static let k1 = 1.2
    static let b = 0.75
    static let weightCount = Schema.textColumns.count
}

/// The C entry point FTS5 calls once per matching row.
private let rankEntry: fts5_extension_function = { api, fts, context, argumentCount, arguments in
    guard let api, let fts else { return }
    let query: RankedQuery
    do throws(FTS5CallError) {
        query = try RankedQuery.current(api: api, fts: fts, argumentCount: Int(argumentCount), arguments: arguments)
    } catch {
        sqlite3_result_error_code(context, error.code)
        return
    }
    switch query.score(api: api, fts: fts) {
    case .success(let score): sqlite3_result_double(context, -score)
    case .failure(let error): sqlite3_result_error_code(context, error.code)
    }
}

/// An FTS5 API call that did not return SQLITE_OK.
private struct FTS5CallError: Error {
    var code: Int32
}

private func check(_ code: Int32) throws(FTS5CallError) {
    guard code == SQLITE_OK else { throw FTS5CallError(code: code) }
}

/// What one search's rows are scored with: weights, each phrase's IDF and the average length,
/// computed on the first row and kept as FTS5 auxiliary data until the statement ends.
private final class RankedQuery {
    let weights: [Double]
    let inverseFrequencies: [Double]
    let averageLength: Double
    /// Reused for every row: each phrase's weighted count of occurrences.
    var occurrences: [Double]

    private init(weights: [Double], inverseFrequencies: [Double], averageLength: Double) {
        self.weights = weights
        self.inverseFrequencies = inverseFrequencies
        self.averageLength = averageLength
        occurrences = Array(repeating: 0, count: inverseFrequencies.count)
    }

    /// The statement's query, made on its first row.
    static func current(
        api: UnsafePointer<Fts5ExtensionApi>, fts: OpaquePointer, argumentCount: Int,
        arguments: UnsafeMutablePointer<OpaquePointer?>?
    ) throws(FTS5CallError) -> RankedQuery {
        if let stored = api.pointee.xGetAuxdata!(fts, 0) {
            return Unmanaged<RankedQuery>.fromOpaque(stored).takeUnretainedValue()
        }
        let values = (0..<argumentCount).map { arguments?[$0] }
        let weights = (0..<RankFunction.weightCount).map { index in
            index < values.count ? sqlite3_value_double(values[index]) : 1
        }
        let phraseCount = Int(api.pointee.xPhraseCount!(fts))
        let keys = values.dropFirst(RankFunction.weightCount).map { value in
            sqlite3_value_text(value).map { String(cString: $0) }
        }
        let cache = api.pointee.xUserData!(fts).map {
            Unmanaged<PhraseFrequencyCache>.fromOpaque($0).takeUnretainedValue()
        }
        let generation = try PhraseFrequencyCache.Generation.current(api: api, fts: fts)
        var inverseFrequencies: [Double] = []
        for phrase in 0..<phraseCount {
            let key = keys.count == phraseCount ? keys[phrase] : nil
            let frequency: Int64
            if let key, let cached = cache?.frequency(of: key, in: generation) {
                frequency = cached
            } else {
                frequency = try documentFrequency(ofPhrase: phrase, api: api, fts: fts)
                if let key { cache?.record(frequency, of: key, in: generation) }
            }
            let rows = Double(generation.rows)
            let inverse = log((rows - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
            inverseFrequencies.append(inverse > 0 ? inverse : 1e-6)
        }
        let totalTokens = generation.columnTokens.reduce(0, +)
        let query = RankedQuery(
            weights: weights, inverseFrequencies: inverseFrequencies,
            averageLength: generation.rows > 0 ? Double(totalTokens) / Double(generation.rows) : 1)
        let retained = Unmanaged.passRetained(query).toOpaque()
        let code = api.pointee.xSetAuxdata!(fts, retained) { pointer in
            pointer.map { Unmanaged<RankedQuery>.fromOpaque($0).release() }
        }
        // On failure FTS5 has already called the destructor.
        try check(code)
        return query
    }

    /// Rows that contain the phrase, counted by running it alone, as `bm25()` does.
    private static func documentFrequency(
        ofPhrase phrase: Int, api: UnsafePointer<Fts5ExtensionApi>, fts: OpaquePointer
    ) throws(FTS5CallError) -> Int64 {
        var rows: Int64 = 0
        try check(
            api.pointee.xQueryPhrase!(fts, Int32(phrase), &rows) { _, _, counter in
                counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            })
        return rows
    }

    /// The current row's BM25 score (positive: larger is better).
    func score(api: UnsafePointer<Fts5ExtensionApi>, fts: OpaquePointer) -> Result<Double, FTS5CallError> {
        var instanceCount: Int32 = 0
        var code = api.pointee.xInstCount!(fts, &instanceCount)
        guard code == SQLITE_OK else { return .failure(FTS5CallError(code: code)) }
        for index in occurrences.indices { occurrences[index] = 0 }
        for instance in 0..<instanceCount {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            code = api.pointee.xInst!(fts, instance, &phrase, &column, &offset)
            guard code == SQLITE_OK else { return .failure(FTS5CallError(code: code)) }
            occurrences[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1
        }
        var length: Int32 = 0
        code = api.pointee.xColumnSize!(fts, -1, &length)
        guard code == SQLITE_OK else { return .failure(FTS5CallError(code: code)) }
        let k1 = RankFunction.k1
        let b = RankFunction.b
        let lengthFactor = k1 * (1 - b + b * Double(length) / averageLength)
        var score = 0.0
        for (phrase, count) in occurrences.enumerated() {
            score += inverseFrequencies[phrase] * (count * (k1 + 1)) / (count + lengthFactor)
        }
        return .success(score)
    }
}

extension PhraseFrequencyCache.Generation {
    /// The index's generation, read through the extension API.
    fileprivate static func current(
        api: UnsafePointer<Fts5ExtensionApi>, fts: OpaquePointer
    ) throws(FTS5CallError) -> PhraseFrequencyCache.Generation {
        var rows: Int64 = 0
        try check(api.pointee.xRowCount!(fts, &rows))
        var columnTokens: [Int64] = []
        for column in 0..<api.pointee.xColumnCount!(fts) {
            var tokens: Int64 = 0
            try check(api.pointee.xColumnTotalSize!(fts, column, &tokens))
            columnTokens.append(tokens)
        }
        return PhraseFrequencyCache.Generation(rows: rows, columnTokens: columnTokens)
    }
}
