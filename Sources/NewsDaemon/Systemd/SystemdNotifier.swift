// SPDX-License-Identifier: Apache-2.0
import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// Tells the service manager what the daemon is doing, through `sd_notify(3)`.
///
/// `newsd.service` is `Type=notify`: systemd considers the service started only once ``ready()`` arrives, restarts
/// it when ``watchdog()`` pings stop for longer than `WatchdogSec=`, and shows ``status(_:)`` text in
/// `systemctl status`. Outside systemd (`NOTIFY_SOCKET` unset) every call is a cheap no-op that returns `false`, so the
/// daemon calls these unconditionally and never asks whether it runs under systemd.
///
/// The notifier holds no state: the socket address lives in the environment, which `sd_notify` reads on each call.
/// Copies are free, and the type can be handed to any task.
///
/// systemd 252 (Debian 12) has no `Type=notify-reload` (added in 253), so a reload is announced by hand with
/// ``reloading()`` followed by ``ready()`` once the new configuration is in force.
public struct SystemdNotifier: Sendable {
    /// Creates a notifier. It reads `NOTIFY_SOCKET` at each call, so it may be created before the environment is final.
    public init() {}

    /// Whether a service manager listens, i.e. `NOTIFY_SOCKET` is set.
    public var isEnabled: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    /// Says start-up is complete: the socket is served and queries are answered (`READY=1`).
    ///
    /// After a reload, say it again to end the reloading state.
    @discardableResult
    public func ready() -> Bool {
        self.send("READY=1")
    }

    /// Sets the one-line text `systemctl status` shows (`STATUS=`), such as counts and queue length.
    ///
    /// Line breaks would start a new assignment in the protocol, so they are replaced by spaces.
    @discardableResult
    public func status(_ text: String) -> Bool {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        return self.send("STATUS=\(line)")
    }

    /// Pings the watchdog (`WATCHDOG=1`).
    ///
    /// Call it from the loop that does the work, not from a free-running timer: a timer keeps pinging while the
    /// work is stuck, which defeats the point. Ping at least every ``watchdogInterval``.
    @discardableResult
    public func watchdog() -> Bool {
        self.send("WATCHDOG=1")
    }

    /// Says graceful shutdown has begun (`STOPPING=1`).
    @discardableResult
    public func stopping() -> Bool {
        self.send("STOPPING=1")
    }

    /// Says a reload (SIGHUP) has begun: `RELOADING=1` with `MONOTONIC_USEC=` set to now on `CLOCK_MONOTONIC`.
    ///
    /// systemd uses the timestamp to tell this reload from an older one; call ``ready()`` when the reload is done.
    @discardableResult
    public func reloading() -> Bool {
        self.send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// Asks for more time before the start, stop or reload timeout fires (`EXTEND_TIMEOUT_USEC=`).
    ///
    /// The value is counted from now, not added to the configured timeout; send it again before it runs out, for
    /// example once per batch while a long migration runs before ``ready()``.
    @discardableResult
    public func extendTimeout(microseconds: UInt64) -> Bool {
        self.send("EXTEND_TIMEOUT_USEC=\(microseconds)")
    }

    /// How often to call ``watchdog()``: half of `WATCHDOG_USEC`, or `nil` when no watchdog is asked for.
    ///
    /// Half the timeout is what `sd_watchdog_enabled(3)` recommends, leaving room for one late ping.
    /// `WATCHDOG_PID`, when set, must name this process, so a child that inherited the variables does not ping.
    public var watchdogInterval: Duration? {
        var usec: UInt64 = 0
        guard sd_watchdog_enabled(0, &usec) > 0, usec > 0 else { return nil }
        return .microseconds(Int64(clamping: usec / 2))
    }

    /// Sends raw newline-separated assignments, as `sd_notify(3)` documents them.
    ///
    /// - Returns: `true` when the message was sent; `false` when `NOTIFY_SOCKET` is unset or sending failed.
    ///   Failures are not thrown: a daemon must keep working when the manager cannot be told.
    @discardableResult
    public func send(_ assignments: String) -> Bool {
        // `sd_notify` rather than `sd_notifyf`: the latter is variadic, which Swift cannot call.
        sd_notify(0, assignments) > 0
    }

    /// Microseconds on `CLOCK_MONOTONIC`, the clock `MONOTONIC_USEC=` is read against.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
