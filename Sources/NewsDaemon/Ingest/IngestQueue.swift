// SPDX-License-Identifier: Apache-2.0

/// The ingest pipeline's to-do list: paths to look at, in arrival order, each at most once.
///
/// A burst of events for one file (create, several writes, close) collapses into one entry,
/// and a consumer asks for up to a batch at a time: one file alone is handed over at once,
/// a thousand arrive in batches.
actor IngestQueue {
    private var order: [String] = []
    private var head = 0
    private var pending: Set<String> = []
    private var rescanRequested = false
    /// When each pending changed path first arrived, for the arrival-to-searchable lag.
    private var arrivals: [String: ContinuousClock.Instant] = [:]
    /// Pending paths that are to be recorded as failures without being read, with the reason.
    private var refusals: [String: String] = [:]
    private var waiter: CheckedContinuation<Void, Never>?

    /// What one call to `next` hands over.
    struct Work: Sendable {
        var paths: [String]
        var rescan: Bool
        /// When each of `paths` arrived (changed paths only).
        var arrivals: [String: ContinuousClock.Instant] = [:]
        /// The paths among `paths` to record as failures, with the reason.
        var refusals: [String: String] = [:]
        var isEmpty: Bool { paths.isEmpty && !rescan }
    }

    func add(_ event: InboxEvent) {
        switch event {
        case .changed(let path), .removed(let path), .refused(let path, _):
            if case .changed = event, arrivals[path] == nil { arrivals[path] = .now }
            if case .refused(_, let reason) = event { refusals[path] = reason } else { refusals[path] = nil }
            guard pending.insert(path).inserted else { return }
            order.append(path)
        case .rescan:
            rescanRequested = true
        }
        waiter?.resume()
        waiter = nil
    }

    var count: Int { order.count - head }

    /// Waits for work, then returns up to `limit` paths (and the rescan flag); an empty
    /// `Work` when the task was cancelled.
    func next(limit: Int) async -> Work {
        while order.count == head && !rescanRequested {
            if Task.isCancelled { return Work(paths: [], rescan: false) }
            await withTaskCancellationHandler {
                await withCheckedContinuation { waiter = $0 }
            } onCancel: {
                Task { await self.wake() }
            }
        }
        let end = min(head + limit, order.count)
        let paths = Array(order[head..<end])
        head = end
        if head == order.count {
            order.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4096 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        var handedOver: [String: ContinuousClock.Instant] = [:]
        var refused: [String: String] = [:]
        for path in paths {
            pending.remove(path)
            handedOver[path] = arrivals.removeValue(forKey: path)
            refused[path] = refusals.removeValue(forKey: path)
        }
        let rescan = rescanRequested
        rescanRequested = false
        return Work(paths: paths, rescan: rescan, arrivals: handedOver, refusals: refused)
    }

    private func wake() {
        waiter?.resume()
        waiter = nil
    }
}
