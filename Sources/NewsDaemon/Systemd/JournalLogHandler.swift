// SPDX-License-Identifier: Apache-2.0
public import Logging
import CSystemd

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler that writes each record to the systemd journal as structured fields.
///
/// Under systemd, plain stderr lines already reach the journal, but each one becomes a `MESSAGE=` at the unit's
/// default priority. Sending natively keeps the priority (so `journalctl -p warning` works), the source location and
/// every metadata item as its own field, so `journalctl -u newsd REQUEST_ID=42` finds one request's lines.
///
/// Each record carries `MESSAGE=`, `PRIORITY=` (the syslog level of ``priority(for:)``), `SYSLOG_IDENTIFIER=`,
/// `CODE_FILE=`, `CODE_LINE=`, `CODE_FUNC=`, `LOGGER_LABEL=`, and one field per metadata item, named by
/// ``fieldName(forMetadataKey:)``. An error attached to the record becomes `ERROR_MESSAGE=` and `ERROR_TYPE=`.
///
/// If journald refuses a record (say, it is too large), the record is written to stderr as ``StderrLogHandler`` would.
/// When no journald runs at all, libsystemd drops records silently (`ENOENT` counts as success), so use this
/// handler only where ``journalIsStderr()`` holds; ``DaemonLogging/bootstrap(level:destination:)`` decides so.
public struct JournalLogHandler: LogHandler {
    /// The logger's label (swift-log's, such as `newsd.ingest`), sent as `LOGGER_LABEL=`.
    public let label: String

    /// The `SYSLOG_IDENTIFIER=` of every record: what `journalctl -t` matches and what precedes the message.
    public let identifier: String

    /// The lowest level this handler emits.
    public var logLevel: Logger.Level = .info

    /// Metadata sent with every record of this handler, under per-record metadata of the same key.
    public var metadata: Logger.Metadata = [:]

    /// Supplies contextual metadata (such as a request id from a task local) at each record.
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler for one logger.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - identifier: The `SYSLOG_IDENTIFIER=`; keep the default so every line of the daemon shares it.
    ///   - metadataProvider: Contextual metadata; by default the one given to `LoggingSystem.bootstrap`.
    public init(
        label: String,
        identifier: String = "newsd",
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.identifier = identifier
        self.metadataProvider = metadataProvider
    }

    /// Reads or sets one item of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    /// Sends one record to the journal, or to stderr when the journal refuses it.
    public func log(event: LogEvent) {
        let metadata = event.effectiveMetadata(base: self.metadata, provider: self.metadataProvider)
        let fields = Self.fields(for: event, metadata: metadata, label: self.label, identifier: self.identifier)
        if Self.send(fields) < 0 {
            StderrLogHandler.write(StderrLogHandler.line(for: event, metadata: metadata, label: self.label))
        }
    }

    /// Whether stderr is connected to the journal, i.e. `JOURNAL_STREAM` names stderr's device and inode.
    ///
    /// systemd sets `JOURNAL_STREAM=<device>:<inode>` for a service whose stdout or stderr goes to the journal.
    /// Comparing it with `fstat(2)` of stderr, as `systemd.exec(5)` advises, tells a service apart from a process that
    /// merely inherited the variable but writes to a terminal, a file or a pipe.
    public static func journalIsStderr() -> Bool {
        guard let value = getenv("JOURNAL_STREAM") else { return false }
        return self.journalStream(String(cString: value), matches: STDERR_FILENO)
    }

    /// Whether a `JOURNAL_STREAM` value (`device:inode`, both decimal) names the file open on `fd`.
    static func journalStream(_ value: String, matches fd: Int32) -> Bool {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }

    /// Hands `NAME=value` fields to `sd_journal_sendv(3)`.
    ///
    /// `sd_journal_send` is variadic and cannot be called from Swift; `sendv` takes an array of `iovec`. Values may
    /// hold newlines and any bytes, since each field is passed with its length.
    ///
    /// - Returns: 0 on success, or a negative errno.
    static func send(_ fields: [String]) -> Int32 {
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for field in fields {
            let start = buffer.count
            buffer.append(contentsOf: field.utf8)
            ranges.append(start..<buffer.count)
        }
        return buffer.withUnsafeMutableBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return 0 }
            var vectors = ranges.map { iovec(iov_base: base + $0.lowerBound, iov_len: $0.count) }
            return sd_journal_sendv(&vectors, Int32(vectors.count))
        }
    }
}
