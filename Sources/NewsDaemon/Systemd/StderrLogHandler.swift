// SPDX-License-Identifier: Apache-2.0
public import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// A swift-log handler that writes one plain line per record to stderr, for `newsd` in the foreground.
///
/// The line is `<local time> <level> <label>: <message> key=value …`, for example
/// `2025-01-31T09:12:03.114+0100 info newsd.ingest: indexed file articles=3 path=/var/lib/newsd/inbox/a.html`.
/// Metadata is sorted by key; a value holding spaces, quotes, `=` or control characters is double-quoted with
/// backslash escapes, and control characters in the message are escaped, so one record is always one line and
/// `grep` and `awk` see whole records.
///
/// Each line is written with a single `write(2)`, so lines from concurrent tasks do not interleave (up to
/// `PIPE_BUF` bytes when stderr is a pipe).
public struct StderrLogHandler: LogHandler {
    /// The logger's label, printed after the level.
    public let label: String

    /// The lowest level this handler emits.
    public var logLevel: Logger.Level = .info

    /// Metadata printed with every record of this handler, under per-record metadata of the same key.
    public var metadata: Logger.Metadata = [:]

    /// Supplies contextual metadata at each record.
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler for one logger.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - metadataProvider: Contextual metadata; by default the one given to `LoggingSystem.bootstrap`.
    public init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    /// Reads or sets one item of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    /// Writes one record as one line.
    public func log(event: LogEvent) {
        let metadata = event.effectiveMetadata(base: self.metadata, provider: self.metadataProvider)
        Self.write(Self.line(for: event, metadata: metadata, label: self.label))
    }

    /// The line for one record, newline included, with the time of the call.
    static func line(for event: LogEvent, metadata: Logger.Metadata, label: String) -> String {
        "\(Self.timestamp()) \(Self.body(for: event, metadata: metadata, label: label))"
    }

    /// The line for one record after the timestamp, newline included: the part tests can compare.
    static func body(for event: LogEvent, metadata: Logger.Metadata, label: String) -> String {
        var line = "\(event.level) \(label): \(Self.escaped(event.message.description))"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(Self.escaped(key))=\(Self.quotedIfNeeded(value.description))"
        }
        return line + "\n"
    }

    /// Writes the whole string to stderr, retrying after `EINTR` and short writes; gives up silently on errors,
    /// since there is nowhere left to report them.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Local time as ISO 8601 with milliseconds and UTC offset, e.g. `2025-01-31T09:12:03.114+0100`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        func format(_ pattern: String) -> String {
            var buffer = [CChar](repeating: 0, count: 32)
            let count = strftime(&buffer, buffer.count, pattern, &parts)
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        let millis = Int(now.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(format("%Y-%m-%dT%H:%M:%S")).\(fraction)\(format("%z"))"
    }

    /// Escapes backslashes and control characters (`\n`, `\t`, `\u{…}`) so the text stays on one line, and double
    /// quotes too when `quotes` is set.
    static func escaped(_ text: String, quotes: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"" where quotes: result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A metadata value as is when it is one plain word, else double-quoted with `"` and `\` escaped.
    static func quotedIfNeeded(_ value: String) -> String {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy { scalar in
                scalar != " " && scalar != "\"" && scalar != "=" && scalar != "\\"
                    && scalar.properties.generalCategory != .control
            }
        if plain { return value }
        return "\"" + Self.escaped(value, quotes: true) + "\""
    }
}
