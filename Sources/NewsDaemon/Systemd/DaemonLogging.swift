// SPDX-License-Identifier: Apache-2.0
public import Logging

/// Chooses where the daemon's logs go: the journal under systemd, plain stderr lines in the foreground.
public enum DaemonLogging {
    /// Where log records are written.
    public enum Destination: String, Sendable, CaseIterable {
        /// The journal when ``JournalLogHandler/journalIsStderr()`` says stderr goes there, stderr otherwise.
        case automatic
        /// Always the journal, with ``JournalLogHandler`` (useful to try journal fields from a terminal).
        case journal
        /// Always stderr, with ``StderrLogHandler``.
        case stderr
    }

    /// Installs the process-wide log handler factory; call it once, first thing in `main`.
    ///
    /// swift-log allows one bootstrap per process (a second traps), so tests use
    /// ``makeHandler(label:level:destination:)`` instead.
    ///
    /// - Parameters:
    ///   - level: The lowest level emitted, from the configuration's `log_level`.
    ///   - destination: Where records go; ``Destination/automatic`` unless the user asked.
    /// - Returns: The destination actually chosen, ``Destination/journal`` or ``Destination/stderr``, worth one
    ///   debug line at start-up.
    @discardableResult
    public static func bootstrap(level: Logger.Level, destination: Destination = .automatic) -> Destination {
        let resolved = self.resolve(destination)
        LoggingSystem.bootstrap { label in
            self.makeHandler(label: label, level: level, destination: resolved)
        }
        return resolved
    }

    /// A handler for one logger label, as ``bootstrap(level:destination:)`` would make it.
    public static func makeHandler(
        label: String,
        level: Logger.Level,
        destination: Destination = .automatic
    ) -> any LogHandler {
        switch self.resolve(destination) {
        case .journal:
            var handler = JournalLogHandler(label: label)
            handler.logLevel = level
            return handler
        case .stderr, .automatic:
            var handler = StderrLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// ``Destination/automatic`` made concrete by looking at `JOURNAL_STREAM`; the others as they are.
    public static func resolve(_ destination: Destination) -> Destination {
        guard destination == .automatic else { return destination }
        return JournalLogHandler.journalIsStderr() ? .journal : .stderr
    }
}
