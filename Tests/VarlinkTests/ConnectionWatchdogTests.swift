// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import VarlinkNIO
import Varlink

/// The watchdog's decisions on a pinned clock: idle and stalled writes time out, a call being
/// answered (a Watch stream) never does.
@Suite struct ConnectionWatchdogTests {
    let start = ContinuousClock.now

    @Test func anIdleConnectionTimesOut() {
        let watchdog = ConnectionWatchdog(timeout: .seconds(60), now: start)
        #expect(!watchdog.shouldClose(now: start + .seconds(59)))
        #expect(watchdog.shouldClose(now: start + .seconds(60)))
    }

    @Test func aCallBeingAnsweredNeverTimesOut() {
        var watchdog = ConnectionWatchdog(timeout: .seconds(60), now: start)
        watchdog.callStarted()
        #expect(!watchdog.shouldClose(now: start + .seconds(86_400)))
        watchdog.callFinished(now: start + .seconds(100))
        #expect(!watchdog.shouldClose(now: start + .seconds(159)))
        #expect(watchdog.shouldClose(now: start + .seconds(160)))
    }

    @Test func aReplyThePeerDoesNotReadTimesOut() {
        var watchdog = ConnectionWatchdog(timeout: .seconds(60), now: start)
        watchdog.callStarted()
        watchdog.writeStarted(now: start + .seconds(10))
        #expect(!watchdog.shouldClose(now: start + .seconds(69)))
        #expect(watchdog.shouldClose(now: start + .seconds(70)))
        watchdog.writeFinished()
        #expect(!watchdog.shouldClose(now: start + .seconds(1000)))
    }

    @Test func theCounterTurnsAwayPastItsLimit() {
        let counter = ConnectionCounter(limit: 2)
        #expect(counter.enter())
        #expect(counter.enter())
        #expect(!counter.enter())
        counter.leave()
        #expect(counter.enter())
        #expect(counter.current == 2)
    }
}
