// SPDX-License-Identifier: Apache-2.0

/// Bounds the time one search may take.
///
/// The query limits (`QueryLimits`) bound what a query may say, not what it costs: a one-letter
/// prefix or a common word over a large index still makes FTS5 walk long posting lists. The
/// search runs beside a timer; when the timer wins, the search task is cancelled, which GRDB
/// turns into `sqlite3_interrupt` on that read connection only, so the reader is freed at once
/// and every other connection's searches carry on.
public struct SearchBudget: Sendable, Hashable {
    public var limit: Duration

    public init(limit: Duration) {
        self.limit = limit
    }

    /// Runs `operation`, or throws `SearchError.tooExpensive` once `limit` has passed.
    public func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            let first: Value??
            do {
                first = try await group.next()
            } catch is CancellationError where !Task.isCancelled {
                // The operation saw the cancellation meant for the timer race: over budget.
                throw SearchError.tooExpensive(budgetMilliseconds: budgetMilliseconds)
            }
            guard let first, let value = first else {
                try Task.checkCancellation()
                throw SearchError.tooExpensive(budgetMilliseconds: budgetMilliseconds)
            }
            return value
        }
    }

    private var budgetMilliseconds: Int {
        Int(limit.components.seconds) * 1000 + Int(limit.components.attoseconds / 1_000_000_000_000_000)
    }
}
