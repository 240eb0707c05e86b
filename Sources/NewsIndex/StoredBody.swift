// SPDX-License-Identifier: Apache-2.0
import CZstd
import Foundation
import GRDB
import Synchronization

/// Article bodies as `articles.body` holds them: Zstandard-compressed (a BLOB) when that saves
/// space, else the text itself.
///
/// The body is most of what the database stores besides the index, and news text compresses
/// two to three times; a body of a few kilobytes also filled a 4 KiB page alone, so the table
/// took half as much again as its text. Compressed, several rows share a page. Zstandard is
/// fast both ways: bodies are compressed on the normalising workers, not by the writer, and a
/// results page inflates ten. `scripts/bench` reports the database's size per MB of text.
///
/// Readers never see the BLOB: SQL reads the body through `newsd_text(body)`, registered on every
/// connection (the `articles_text` view gives it to FTS5 as its content table). Bodies stored
/// before compression came in stay TEXT, which `newsd_text` returns as it is.
enum StoredBody {
    /// Shorter bodies are stored as text: the frame's header would eat most of the saving.
    static let minimumBytes = 200
    /// Level 1 rather than Zstandard's default 3: on bodies of a few kilobytes it saves about as
    /// much in three quarters of the time, and every body of a burst is compressed on the
    /// normalising workers. (python3-zstandard, each of the first 2,000 files of
    /// `../shared/corpus/bbc` compressed alone: 0.518 of their size at level 1, 0.515 at 3.)
    static let level: Int32 = 1

    /// What to store for `body`: compressed when that is at least a tenth smaller.
    static func value(for body: String) -> DatabaseValue {
        var text = body
        return text.withUTF8 { bytes in
            guard bytes.count >= minimumBytes, let base = bytes.baseAddress else { return body.databaseValue }
            return compressionContexts.withContext { context in
                var compressed = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
                let size = compressed.withUnsafeMutableBytes { output in
                    ZSTD_compressCCtx(context, output.baseAddress, output.count, base, bytes.count, level)
                }
                guard ZSTD_isError(size) == 0, size <= bytes.count - bytes.count / 10 else {
                    return body.databaseValue
                }
                return Data(compressed[..<size]).databaseValue
            }
        }
    }

    /// Compression contexts for the normalising workers to share: one per call would allocate
    /// and clear Zstandard's tables for every article.
    private static let compressionContexts = ContextPool()

    private final class ContextPool: Sendable {
        /// Idle contexts; a worker takes one, or makes one when none is idle, and puts it back.
        private let idle = Mutex<[UnsafeSendableContext]>([])

        func withContext<Result>(_ body: (OpaquePointer) -> Result) -> Result {
            let context = idle.withLock { $0.popLast() }?.pointer ?? ZSTD_createCCtx()!
            defer { idle.withLock { $0.append(UnsafeSendableContext(pointer: context)) } }
            return body(context)
        }
    }

    /// A `ZSTD_CCtx` moving between workers: only ever used by the one that took it from the pool.
    private struct UnsafeSendableContext: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    /// Registers `newsd_text(body)` on one connection.
    static func register(in db: Database) {
        let decoder = Decoder()
        db.add(
            function: DatabaseFunction("newsd_text", argumentCount: 1, pure: true) { values in
                switch values[0].storage {
                case .blob(let data): return try decoder.text(of: data)
                case .string(let text): return text
                case .null: return nil
                case .int64, .double: return values[0]
                }
            })
    }

    /// A stored body that does not inflate: the database was damaged or written by something else.
    struct DamagedBody: Error, CustomStringConvertible {
        var description: String { "an article body does not decompress (zstd); run 'newsq check'" }
    }

    /// Inflates bodies with one reusable context (a fresh one per call costs an allocation
    /// larger than most bodies).
    ///
    /// `@unchecked Sendable`: GRDB needs a `Sendable` function, but each connection registers
    /// its own `Decoder`, and SQLite runs one statement of a connection at a time.
    private final class Decoder: @unchecked Sendable {
        private let context: OpaquePointer

        init() {
            // Fails only when a few hundred kilobytes cannot be allocated.
            context = ZSTD_createDCtx()!
        }

        deinit { ZSTD_freeDCtx(context) }

        func text(of data: Data) throws -> String {
            try data.withUnsafeBytes { input in
                let size = ZSTD_getFrameContentSize(input.baseAddress, input.count)
                // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest values; past 1 GiB the
                // header is damaged (newsd reads no file that large by default, 20 MiB).
                guard size < UInt64.max - 1, size <= 1 << 30 else { throw DamagedBody() }
                return try String(unsafeUninitializedCapacity: Int(size)) { output in
                    let written = ZSTD_decompressDCtx(
                        context, output.baseAddress, output.count, input.baseAddress, input.count)
                    guard ZSTD_isError(written) == 0, written == output.count else { throw DamagedBody() }
                    return written
                }
            }
        }
    }
}
