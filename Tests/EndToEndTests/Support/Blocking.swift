// SPDX-License-Identifier: Apache-2.0
import Dispatch

/// Runs blocking work (the real binaries, polling with usleep) on a Dispatch thread, outside Swift's
/// cooperative pool: on a 2-core machine, tests blocked on pool threads would starve every
/// other suite running in parallel.
func blocking<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Swift.Result { try body() }) }
    }
}
