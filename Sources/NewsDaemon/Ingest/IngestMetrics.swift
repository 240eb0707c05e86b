// SPDX-License-Identifier: Apache-2.0

/// How fast ingest goes, for `io.newsd.Status`: files taken per second over the last minute,
/// and the lag from a file's arrival in the inbox to its articles being searchable.
///
/// Fed once per committed batch, so it costs a few array appends per batch, never a lock per
/// file on the watcher's path.
actor IngestMetrics {
    /// How many recent lags the percentile covers.
    static let lagWindow = 1000
    /// How far back the rate looks.
    static let rateWindow: Duration = .seconds(60)

    private var lags: [Duration] = []
    private var nextLag = 0
    private var lastLag: Duration?
    /// (commit instant, files in the batch), oldest first, trimmed to the rate window.
    private var batches: [(at: ContinuousClock.Instant, files: Int)] = []
    private let startedAt: ContinuousClock.Instant
    /// Why commits are waiting for room, while they are.
    private var pausedReason: String?
    /// Batches committed since start: tells idle upkeep whether the index changed since it
    /// last finished merging.
    private(set) var commitCount = 0

    init(startedAt: ContinuousClock.Instant = .now) {
        self.startedAt = startedAt
    }

    /// Records a committed batch of `files` files; `lags` are arrival-to-commit times of the
    /// files that had an arrival time (those found by the start-up scan have one too).
    func recordCommit(files: Int, lags newLags: [Duration], at now: ContinuousClock.Instant = .now) {
        batches.append((now, files))
        commitCount += 1
        trim(now: now)
        for lag in newLags {
            if lags.count < Self.lagWindow {
                lags.append(lag)
            } else {
                lags[nextLag] = lag
            }
            nextLag = (nextLag + 1) % Self.lagWindow
            lastLag = lag
        }
    }

    /// Ingest waits for room in the database; `reason` says what is full.
    func pause(reason: String) { pausedReason = reason }

    /// Ingest runs again.
    func resume() { pausedReason = nil }

    /// What Status reports.
    struct Snapshot: Sendable, Hashable {
        var filesPerSecond: Double
        var lastLag: Duration?
        var p95Lag: Duration?
        var pausedReason: String?
    }

    func snapshot(now: ContinuousClock.Instant = .now) -> Snapshot {
        trim(now: now)
        // Over the time actually covered, so that the first minute after start is not diluted.
        let covered = min(now - startedAt, Self.rateWindow)
        let files = batches.reduce(0) { $0 + $1.files }
        let seconds = max(covered.seconds, 1)
        return Snapshot(
            filesPerSecond: Double(files) / seconds, lastLag: lastLag, p95Lag: Self.percentile(95, of: lags),
            pausedReason: pausedReason)
    }

    /// The nearest-rank percentile: sorting 1000 durations per Status call is cheaper than
    /// keeping a sorted structure up to date on every commit.
    static func percentile(_ percent: Int, of values: [Duration]) -> Duration? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = (percent * sorted.count + 99) / 100
        return sorted[max(rank - 1, 0)]
    }

    private func trim(now: ContinuousClock.Instant) {
        let horizon = now - Self.rateWindow
        if let keep = batches.firstIndex(where: { $0.at >= horizon }) {
            if keep > 0 { batches.removeFirst(keep) }
        } else {
            batches.removeAll()
        }
    }
}
