// SPDX-License-Identifier: Apache-2.0
import Dispatch

/// Runs blocking work (the blocking varlink client, the real binaries) on a Dispatch thread, outside Swift's
/// cooperative pool: on a 2-core machine, two tests blocked in `recv` on pool threads would
/// starve the very server tasks they wait for.
public func blocking<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Swift.Result { try body() }) }
    }
}
