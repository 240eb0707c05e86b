// SPDX-License-Identifier: Apache-2.0
import Foundation
import GRDB
import GRDBSQLite

/// One call of an auxiliary function newsd adds to FTS5 (`RankFunction`, `PhraseRowsFunction`):
/// the extension API and the query it runs in, each fallible API call a throwing method.
/// See https://sqlite.org/fts5.html#custom_auxiliary_functions.
struct FTS5Call {
    let api: UnsafePointer<Fts5ExtensionApi>
    let fts: OpaquePointer

    /// Registers `entry` as `name` on one connection, with `statistics` as its user data.
    static func register(
        _ name: String, entry: fts5_extension_function, statistics: RankingStatistics, in db: Database
    ) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else {
            throw DatabaseError(message: "FTS5 has no xCreateFunction")
        }
        let context = Unmanaged.passRetained(statistics).toOpaque()
        let code = create(
            UnsafeMutablePointer(mutating: api), name, context, entry,
            { context in context.map { Unmanaged<RankingStatistics>.fromOpaque($0).release() } })
        guard code == SQLITE_OK else {
            Unmanaged<RankingStatistics>.fromOpaque(context).release()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)")
        }
    }

    /// The statistics the function was registered with.
    var statistics: RankingStatistics? {
        api.pointee.xUserData!(fts).map { Unmanaged<RankingStatistics>.fromOpaque($0).takeUnretainedValue() }
    }

    var phraseCount: Int { Int(api.pointee.xPhraseCount!(fts)) }

    /// The index's row count and its total of tokens, all columns together.
    func indexSize() throws(FTS5CallError) -> (rows: Int64, tokens: Int64) {
        var rows: Int64 = 0
        try check(api.pointee.xRowCount!(fts, &rows))
        var tokens: Int64 = 0
        try check(api.pointee.xColumnTotalSize!(fts, -1, &tokens))
        return (rows, tokens)
    }

    /// Rows that contain phrase number `phrase`, from the cache under `key` when it has them
    /// for `generation`, else counted by running the phrase alone (as `bm25()` does) and
    /// remembered. Without a key or a generation, counted every time.
    func documentFrequency(
        ofPhrase phrase: Int, key: String?, in generation: IndexGeneration?
    ) throws(FTS5CallError) -> Int64 {
        let cache = key != nil && generation != nil ? statistics?.phraseFrequencies : nil
        if let cache, let key, let generation, let cached = cache.value(for: key, in: generation) { return cached }
        var rows: Int64 = 0
        try check(
            api.pointee.xQueryPhrase!(fts, Int32(phrase), &rows) { _, _, counter in
                counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            })
        if let cache, let key, let generation { cache.record(rows, for: key, in: generation) }
        return rows
    }

    /// The current row's matches: each one's phrase and column.
    func forEachInstance(_ body: (_ phrase: Int, _ column: Int) -> Void) throws(FTS5CallError) {
        var count: Int32 = 0
        try check(api.pointee.xInstCount!(fts, &count))
        for instance in 0..<count {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            try check(api.pointee.xInst!(fts, instance, &phrase, &column, &offset))
            body(Int(phrase), Int(column))
        }
    }

    var rowID: Int64 { api.pointee.xRowid!(fts) }

    /// The current row's length in tokens, all columns together.
    func rowTokenCount() throws(FTS5CallError) -> Int {
        var tokens: Int32 = 0
        try check(api.pointee.xColumnSize!(fts, -1, &tokens))
        return Int(tokens)
    }

    /// The statement's auxiliary data (one object per statement), made by `make` on the first row.
    func statementData<Value: AnyObject>(make: () throws(FTS5CallError) -> Value) throws(FTS5CallError) -> Value {
        if let stored = api.pointee.xGetAuxdata!(fts, 0) {
            return Unmanaged<Value>.fromOpaque(stored).takeUnretainedValue()
        }
        let data = try make()
        let retained = Unmanaged.passRetained(data).toOpaque()
        // On failure FTS5 has already called the destructor.
        try check(
            api.pointee.xSetAuxdata!(fts, retained) { pointer in
                pointer.map { Unmanaged<AnyObject>.fromOpaque($0).release() }
            })
        return data
    }

    /// The text of argument `index`, if it is one.
    static func text(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, at index: Int) -> String? {
        sqlite3_value_text(arguments?[index]).map { String(cString: $0) }
    }

    /// The ``IndexGeneration`` passed as arguments `index` and `index + 1`
    /// (``IndexGeneration/sqlArguments``).
    static func generation(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, at index: Int) -> IndexGeneration? {
        IndexGeneration(averages: blob(arguments, at: index), structure: blob(arguments, at: index + 1))
    }

    private static func blob(_ arguments: UnsafeMutablePointer<OpaquePointer?>?, at index: Int) -> Data? {
        guard let value = arguments?[index], sqlite3_value_type(value) == SQLITE_BLOB else { return nil }
        let count = Int(sqlite3_value_bytes(value))
        guard count > 0, let bytes = sqlite3_value_blob(value) else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

/// An FTS5 API call that did not return SQLITE_OK; its code becomes the SQL function's error.
struct FTS5CallError: Error {
    var code: Int32
}

private func check(_ code: Int32) throws(FTS5CallError) {
    guard code == SQLITE_OK else { throw FTS5CallError(code: code) }
}
