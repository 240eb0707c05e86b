// SPDX-License-Identifier: Apache-2.0
import CCrypto

/// SHA-256, for content hashes of inbox files and article bodies, from the system's libcrypto.
///
/// Every file and every body is hashed once during ingest, on the normalising workers, whose
/// CPU time on a small machine is the writer's too. libcrypto uses the CPU's SHA instructions
/// where it has them, which the portable Swift version newsd had before could not.
public enum SHA256 {
    /// Fetched once: `EVP_sha256()` makes OpenSSL 3 look the implementation up again on every
    /// digest. An `EVP_MD` is read-only once fetched, so workers share it.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    /// The digest of `bytes`, as 64 lowercase hex digits.
    public static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
        let digest =
            bytes.withContiguousStorageIfAvailable(digest(of:))
            ?? Array(bytes).withUnsafeBufferPointer(digest(of:))
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func digest(of bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        // An empty buffer may have no address; libcrypto wants one all the same.
        let empty: UInt8 = 0
        let succeeded = withUnsafePointer(to: empty) { emptyAddress in
            digest.withUnsafeMutableBufferPointer { output in
                EVP_Digest(
                    UnsafeRawPointer(bytes.baseAddress ?? emptyAddress), bytes.count, output.baseAddress, nil,
                    algorithm ?? EVP_sha256(), nil)
            }
        }
        // Fails only when libcrypto cannot allocate a context, as Swift would trap on.
        precondition(succeeded == 1, "libcrypto could not compute a SHA-256 digest")
        return digest
    }
}
