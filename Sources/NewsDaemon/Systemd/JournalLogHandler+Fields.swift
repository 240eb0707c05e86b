// SPDX-License-Identifier: Apache-2.0
public import Logging

extension JournalLogHandler {
    /// The syslog priority (`PRIORITY=`, 0 emerg … 7 debug) for a swift-log level.
    ///
    /// swift-log's levels are syslog's, less emergency and alert, plus trace below debug; trace shares debug's 7.
    public static func priority(for level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// The journal field name for a metadata key, or `nil` when nothing of the key survives.
    ///
    /// Journal field names are at most 64 characters of `A-Z`, `0-9` and `_`, and must not start with a digit;
    /// names starting with `_` are trusted fields that only journald may set (`systemd.journal-fields(7)`). So
    /// letters are upper-cased, every other character becomes `_`, leading underscores are dropped, and the name is
    /// cut at 64. A name that starts with a digit, or that is one of the fields this handler or journald give a
    /// meaning (``reservedFieldNames``), gets a `NEWSD_` prefix so metadata can neither fake nor repeat them:
    /// `request.id` → `REQUEST_ID`, `_pid` → `PID`, `message` → `NEWSD_MESSAGE`, `2nd` → `NEWSD_2ND`.
    public static func fieldName(forMetadataKey key: String) -> String? {
        var name = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "A"..."Z", "0"..."9", "_": name.unicodeScalars.append(scalar)
            case "a"..."z": name.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x20)!)
            default: name.append("_")
            }
        }
        name = String(name.drop { $0 == "_" })
        guard let first = name.first else { return nil }
        if first.isNumber || Self.reservedFieldNames.contains(name) {
            name = "NEWSD_" + name
        }
        return String(name.prefix(64))
    }

    /// Field names that metadata may not use as they are: those this handler sets, and the journal's own user fields
    /// (`systemd.journal-fields(7)`), whose meaning tools rely on.
    public static let reservedFieldNames: Set<String> = [
        "MESSAGE", "MESSAGE_ID", "PRIORITY", "CODE_FILE", "CODE_LINE", "CODE_FUNC", "ERRNO", "INVOCATION_ID",
        "USER_INVOCATION_ID", "SYSLOG_FACILITY", "SYSLOG_IDENTIFIER", "SYSLOG_PID", "SYSLOG_TIMESTAMP", "SYSLOG_RAW",
        "DOCUMENTATION", "TID", "UNIT", "USER_UNIT", "COREDUMP_UNIT", "COREDUMP_USER_UNIT", "OBJECT_PID",
        "LOGGER_LABEL",
    ]

    /// The `NAME=value` fields for one record, in the order they are sent.
    ///
    /// Metadata is sorted by key so that records are reproducible; when two keys map to the same field name, both
    /// values are sent (the journal keeps repeated fields).
    static func fields(for event: LogEvent, metadata: Logger.Metadata, label: String, identifier: String) -> [String] {
        var fields = [
            "MESSAGE=\(event.message)",
            "PRIORITY=\(Self.priority(for: event.level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "CODE_FILE=\(event.file)",
            "CODE_LINE=\(event.line)",
            "CODE_FUNC=\(event.function)",
            "LOGGER_LABEL=\(label)",
        ]
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            guard let name = Self.fieldName(forMetadataKey: key) else { continue }
            fields.append("\(name)=\(value)")
        }
        return fields
    }
}
