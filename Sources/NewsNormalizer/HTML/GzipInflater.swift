// SPDX-License-Identifier: Apache-2.0
import CZlib
import Foundation

/// Inflates gzip data (saved pages arrive as `.html.gz`), refusing to grow past a limit.
///
/// The limit matters: a few kilobytes of gzip can inflate to gigabytes, and the normaliser's
/// file-size cap would otherwise apply only to the compressed bytes.
enum GzipInflater {
    /// Whether `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: Data) -> Bool {
        bytes.starts(with: [0x1F, 0x8B])
    }

    static func inflate(_ bytes: Data, limit: Int) throws(NormalizationError) -> Data {
        var stream = z_stream()
        // 15 + 16: the largest window, gzip wrapper only.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw NormalizationError(.malformed, "zlib could not start inflating the gzip data")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status = Z_OK
        var input = [UInt8](bytes)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while status == Z_OK, output.count <= limit {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(chunkBuffer.baseAddress!, count: chunkBuffer.count - Int(stream.avail_out))
                }
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
            }
        }
        guard output.count <= limit else {
            throw NormalizationError(.tooLarge, "the gzip data inflates to more than \(limit) bytes")
        }
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && !output.isEmpty) else {
            throw NormalizationError(.malformed, "the gzip data is damaged (zlib status \(status))")
        }
        return output
    }
}
