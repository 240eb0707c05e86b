// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// What one connection is doing, so that a peer that stalls can be told from one that waits.
///
/// A connection is *idle* between calls and *handling* while a call runs, however long (a
/// Watch stream may run for days); within a call it is *writing* while a reply waits for the
/// peer to read. Idle too long (a peer that connected and sent nothing, or half a message) or
/// writing too long (a peer that never reads its replies) closes the connection: each holds one
/// of the server's limited connection slots, and would otherwise hold it forever.
///
/// A pure state value: the server's timer task asks `shouldClose(now:)` and carries it out.
struct ConnectionWatchdog: Sendable {
    enum State: Sendable, Equatable {
        case idle(since: ContinuousClock.Instant)
        case handling
        case writing(since: ContinuousClock.Instant)
    }

    let timeout: Duration
    private(set) var state: State

    init(timeout: Duration, now: ContinuousClock.Instant) {
        self.timeout = timeout
        state = .idle(since: now)
    }

    mutating func callStarted() { state = .handling }
    mutating func callFinished(now: ContinuousClock.Instant) { state = .idle(since: now) }
    mutating func writeStarted(now: ContinuousClock.Instant) { state = .writing(since: now) }
    mutating func writeFinished() { state = .handling }

    /// Whether the peer has stalled past the timeout.
    func shouldClose(now: ContinuousClock.Instant) -> Bool {
        switch state {
        case .idle(let since), .writing(let since): now - since >= timeout
        case .handling: false
        }
    }
}

/// The connections being served, so that one more than the limit can be turned away at once.
final class ConnectionCounter: Sendable {
    private let count = Mutex(0)
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot; `false` when all are taken.
    func enter() -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        count.withLock { $0 -= 1 }
    }

    var current: Int { count.withLock { $0 } }
}

/// One connection's watchdog, shared by the task reading calls, the reply writer and the timer.
final class ConnectionActivity: Sendable {
    private let watchdog: Mutex<ConnectionWatchdog>
    let timeout: Duration

    init(timeout: Duration) {
        self.timeout = timeout
        watchdog = Mutex(ConnectionWatchdog(timeout: timeout, now: .now))
    }

    func update(_ change: (inout ConnectionWatchdog) -> Void) {
        watchdog.withLock { change(&$0) }
    }

    var hasStalled: Bool { watchdog.withLock { $0.shouldClose(now: .now) } }
}
