// SPDX-License-Identifier: Apache-2.0
import GRDB
import GRDBSQLite

/// `newsd_phrase_rows(articles_fts, averages, structure, phrase)`: how many rows the query's
/// only phrase matches,
/// through the ``PhraseFrequencyCache`` that ranking fills and reads.
///
/// For a query of one phrase, that number is the count of matches, and ranking needs the same
/// number for the phrase's IDF: counting it once, for both, halves a new one-word search's
/// walks over a common word's doclist. Asked on any matching row (`LIMIT 1`); NULL when the
/// query has more than one phrase.
enum PhraseRowsFunction {
    static let name = "newsd_phrase_rows"

    /// The SQL call, with one `?` for the phrase key.
    static let call = "\(name)(articles_fts, \(IndexGeneration.sqlArguments), ?)"

    static func register(in db: Database, statistics: RankingStatistics) throws {
        try FTS5Call.register(name, entry: entry, statistics: statistics, in: db)
    }

    private static let entry: fts5_extension_function = { api, fts, context, argumentCount, arguments in
        guard let api, let fts else { return }
        let call = FTS5Call(api: api, fts: fts)
        guard call.phraseCount == 1 else {
            sqlite3_result_null(context)
            return
        }
        do throws(FTS5CallError) {
            let rows = try call.documentFrequency(
                ofPhrase: 0, key: argumentCount > 2 ? FTS5Call.text(arguments, at: 2) : nil,
                in: argumentCount > 2 ? FTS5Call.generation(arguments, at: 0) : nil)
            sqlite3_result_int64(context, rows)
        } catch {
            sqlite3_result_error_code(context, error.code)
        }
    }
}
