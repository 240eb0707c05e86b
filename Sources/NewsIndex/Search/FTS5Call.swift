// SPDX-License-Identifier: Apache-2.0
import GRDB
import GRDBSQLite

/// One call of an auxiliary function newsd adds to FTS5 (`RankFunction`, `PhraseRowsFunction`):
/// the extension API and the query it runs in, each fallible API call a throwing method.
/// See https://sqlite.org/fts5.html#custom_auxiliary_functions.
struct FTS5Call {
    let api: UnsafePointer<Fts5ExtensionApi>
    let fts: OpaquePointer

    /// Registers `entry` as `name` on one connection, with `cache` as its user data.
    static func register(
        _ name: String, entry: fts5_extension_function, cache: PhraseFrequencyCache, in db: Database
    ) throws {
        let api = FTS5.api(db)
        guard let create = api.pointee.xCreateFunction else {
            throw DatabaseError(message: "FTS5 has no xCreateFunction")
        }
        let context = Unmanaged.passRetained(cache).toOpaque()
        let code = create(
            UnsafeMutablePointer(mutating: api), name, context, entry,
            { context in context.map { Unmanaged<PhraseFrequencyCache>.fromOpaque($0).release() } })
        guard code == SQLITE_OK else {
            Unmanaged<PhraseFrequencyCache>.fromOpaque(context).release()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(name)")
        }
    }

    /// The cache the function was registered with.
    var cache: PhraseFrequencyCache? {
        api.pointee.xUserData!(fts).map { Unmanaged<PhraseFrequencyCache>.fromOpaque($0).takeUnretainedValue() }
    }

    var phraseCount: Int { Int(api.pointee.xPhraseCount!(fts)) }

    /// The index's row count and each column's token total: what identifies its contents.
    func generation() throws(FTS5CallError) -> PhraseFrequencyCache.Generation {
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

    /// Rows that contain phrase number `phrase`, from the cache under `key` when it has them,
    /// else counted by running the phrase alone (as `bm25()` does) and remembered.
    func documentFrequency(
        ofPhrase phrase: Int, key: String?, in generation: PhraseFrequencyCache.Generation
    ) throws(FTS5CallError) -> Int64 {
        let cache = self.cache
        if let key, let cached = cache?.frequency(of: key, in: generation) { return cached }
        var rows: Int64 = 0
        try check(
            api.pointee.xQueryPhrase!(fts, Int32(phrase), &rows) { _, _, counter in
                counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            })
        if let key { cache?.record(rows, of: key, in: generation) }
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

    /// The current row's length in tokens, all columns together.
    func rowTokenCount() throws(FTS5CallError) -> Int {
        var tokens: Int32 = 0
        try check(api.pointee.xColumnSize!(fts, -1, &tokens))
        return Int(tokens)
    }

    /// The statement's auxiliary data (one object per statement), made by `make` on the first row.
    func statementData<Data: AnyObject>(make: () throws(FTS5CallError) -> Data) throws(FTS5CallError) -> Data {
        if let stored = api.pointee.xGetAuxdata!(fts, 0) {
            return Unmanaged<Data>.fromOpaque(stored).takeUnretainedValue()
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
}

/// An FTS5 API call that did not return SQLITE_OK; its code becomes the SQL function's error.
struct FTS5CallError: Error {
    var code: Int32
}

private func check(_ code: Int32) throws(FTS5CallError) {
    guard code == SQLITE_OK else { throw FTS5CallError(code: code) }
}
