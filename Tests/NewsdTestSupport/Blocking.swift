// SPDX-License-Identifier: Apache-2.0
import Dispatch

/// Runs blocking work (the blocking varlink client, the real binaries) on a Dispatch thread, outside Swift's
/// cooperative pool: on a 2-core machine, two tests blocked in `recv` on pool threads would
/// starve the very server tasks they wait for.
///
/// The work stays in the calling task, moved to `DispatchTaskExecutor` by a task executor
/// preference, so that task-locals come along: above all swift-testing's current test, without
/// which an `#expect` failing inside `body` is reported against no test («unknown») and the
/// test itself is shown as passed.
public func blocking<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withTaskExecutorPreference(DispatchTaskExecutor.shared) { try body() }
}

/// A task executor that runs each job on Dispatch's global queue, never on the cooperative pool.
final class DispatchTaskExecutor: TaskExecutor {
    static let shared = DispatchTaskExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}
