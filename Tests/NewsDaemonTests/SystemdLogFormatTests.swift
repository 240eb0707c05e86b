// SPDX-License-Identifier: Apache-2.0
import Logging
import Testing

@testable import NewsDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// What the journal and stderr handlers make of a record; nothing here touches the environment or the journal.
struct SystemdLogFormatTests {
    @Test(arguments: [
        ("request.id", "REQUEST_ID"),
        ("REQUEST_ID", "REQUEST_ID"),
        ("Content-Type", "CONTENT_TYPE"),
        ("path", "PATH"),
        ("café", "CAF_"),
        ("_pid", "PID"),
        ("__SYSTEMD_UNIT", "SYSTEMD_UNIT"),
        ("message", "NEWSD_MESSAGE"),
        ("priority", "NEWSD_PRIORITY"),
        ("syslog_identifier", "NEWSD_SYSLOG_IDENTIFIER"),
        ("code.file", "NEWSD_CODE_FILE"),
        ("2nd", "NEWSD_2ND"),
        ("error.message", "ERROR_MESSAGE"),
    ])
    func metadataKeysBecomeJournalFieldNames(key: String, field: String) {
        #expect(JournalLogHandler.fieldName(forMetadataKey: key) == field)
    }

    @Test(arguments: ["", "_", "___"])
    func keysWithNothingLeftAreDropped(key: String) {
        #expect(JournalLogHandler.fieldName(forMetadataKey: key) == nil)
    }

    @Test func everyFieldNameIsValid() {
        let keys = [
            String(repeating: "k", count: 200), "_" + String(repeating: "9", count: 70), "ünïcödé", "a b=c\nd",
            "🙂x", "0", "x-", ".hidden", "MESSAGE_ID", "tid",
        ]
        for key in keys {
            let name = JournalLogHandler.fieldName(forMetadataKey: key)
            #expect(name.map(isValidFieldName) ?? true, "\(key) → \(name ?? "nil")")
        }
        #expect(JournalLogHandler.fieldName(forMetadataKey: String(repeating: "k", count: 200))?.count == 64)
    }

    @Test func prioritiesFollowSyslog() {
        let levels: [(Logger.Level, Int)] = [
            (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
        ]
        for (level, priority) in levels {
            #expect(JournalLogHandler.priority(for: level) == priority)
        }
    }

    @Test func journalFieldsOfARecord() {
        let event = LogEvent(
            level: .warning, message: "file failed\nsecond line", metadata: nil, source: "NewsDaemon",
            file: "NewsDaemon/Ingest.swift", function: "ingest(_:)", line: 42
        )
        let metadata: Logger.Metadata = ["path": "/inbox/a.html", "message": "spoof", "": "dropped"]
        let fields = JournalLogHandler.fields(
            for: event, metadata: metadata, label: "newsd.ingest", identifier: "newsd"
        )
        #expect(
            fields == [
                "MESSAGE=file failed\nsecond line",
                "PRIORITY=4",
                "SYSLOG_IDENTIFIER=newsd",
                "CODE_FILE=NewsDaemon/Ingest.swift",
                "CODE_LINE=42",
                "CODE_FUNC=ingest(_:)",
                "LOGGER_LABEL=newsd.ingest",
                "NEWSD_MESSAGE=spoof",
                "PATH=/inbox/a.html",
            ])
    }

    @Test func metadataMergesHandlerProviderRecordAndError() {
        struct Broken: Error, CustomStringConvertible { var description: String { "it broke" } }
        let provider = Logger.MetadataProvider { ["request": "7", "shared": "provider"] }
        let event = LogEvent(
            level: .error, message: "m", error: Broken(), metadata: ["shared": "record"], source: nil,
            file: "f", function: "g", line: 1
        )
        let merged = event.effectiveMetadata(base: ["shared": "handler", "base": "b"], provider: provider)
        #expect(merged["shared"] == "record")
        #expect(merged["request"] == "7")
        #expect(merged["base"] == "b")
        #expect(merged["error.message"] == "it broke")
        #expect(merged["error.type"]?.description.hasSuffix("Broken") == true)
    }

    @Test func stderrLineIsOneEscapedLine() {
        let event = LogEvent(
            level: .info, message: "indexed\tfile\nnext", metadata: nil, source: nil, file: "f", function: "g",
            line: 1
        )
        let metadata: Logger.Metadata = ["path": "/inbox/a b.html", "articles": "3", "title": "say \"hi\"", "e": ""]
        let body = StderrLogHandler.body(for: event, metadata: metadata, label: "newsd.ingest")
        let expected =
            #"info newsd.ingest: indexed\tfile\nnext articles=3 e="" path="/inbox/a b.html" "#
            + #"title="say \"hi\"""# + "\n"
        #expect(body == expected)
    }

    @Test func stderrTimestampIsISO8601WithMilliseconds() {
        let stamp = StderrLogHandler.timestamp()
        // 2025-01-31T09:12:03.114+0100
        #expect(stamp.count == 28, "\(stamp)")
        #expect(Array(stamp)[10] == "T" && Array(stamp)[19] == ".")
    }

    @Test func journalStreamMatchesOnlyItsOwnFile() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        var status = stat()
        try #require(fstat(ends[1], &status) == 0)
        #expect(JournalLogHandler.journalStream("\(status.st_dev):\(status.st_ino)", matches: ends[1]))
        #expect(!JournalLogHandler.journalStream("\(status.st_dev):\(status.st_ino + 1)", matches: ends[1]))
        #expect(!JournalLogHandler.journalStream("\(status.st_dev + 1):\(status.st_ino)", matches: ends[1]))
        for garbage in ["", ":", "12", "a:b", "1:2:3", "-1:5"] {
            #expect(!JournalLogHandler.journalStream(garbage, matches: ends[1]))
        }
    }

    @Test func handlersCarryLevelAndMetadata() {
        var journal = JournalLogHandler(label: "x")
        journal[metadataKey: "a"] = "1"
        journal.logLevel = .debug
        #expect(journal.metadata["a"] == "1")
        #expect(journal.logLevel == .debug)
        let made = DaemonLogging.makeHandler(label: "x", level: .notice, destination: .stderr)
        #expect(made is StderrLogHandler)
        #expect(made.logLevel == .notice)
        #expect(DaemonLogging.makeHandler(label: "x", level: .info, destination: .journal) is JournalLogHandler)
    }
}

/// `systemd.journal-fields(7)`: `A-Z`, `0-9`, `_`; not starting with `_` or a digit; at most 64 characters.
private func isValidFieldName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
    guard ("A"..."Z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
}
