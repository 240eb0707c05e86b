// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsDaemon

/// The rate and lag figures of io.newsd.Status, on a pinned clock.
struct IngestMetricsTests {
    @Test func percentileIsNearestRank() {
        let values = (1...100).map { Duration.milliseconds($0) }
        #expect(IngestMetrics.percentile(95, of: values) == .milliseconds(95))
        #expect(IngestMetrics.percentile(95, of: [.seconds(3)]) == .seconds(3))
        #expect(IngestMetrics.percentile(95, of: []) == nil)
    }

    @Test func rateCoversTheLastMinuteAndLagKeepsTheLastThousand() async {
        let start = ContinuousClock.now
        let metrics = IngestMetrics(startedAt: start)
        await metrics.recordCommit(files: 30, lags: [.milliseconds(5)], at: start + .seconds(1))
        await metrics.recordCommit(files: 30, lags: [.milliseconds(7)], at: start + .seconds(70))
        let snapshot = await metrics.snapshot(now: start + .seconds(75))
        // The first batch is more than a minute old: only 30 files in the last 60 s.
        #expect(snapshot.filesPerSecond == 0.5)
        #expect(snapshot.lastLag == .milliseconds(7))

        for index in 0..<1500 {
            await metrics.recordCommit(files: 1, lags: [.milliseconds(index)], at: start + .seconds(80))
        }
        let later = await metrics.snapshot(now: start + .seconds(80))
        // Only the last 1000 (500...1499 ms) count: the 95th percentile is 1449 ms.
        #expect(later.p95Lag == .milliseconds(1449))
        #expect(later.lastLag == .milliseconds(1499))
    }
}
