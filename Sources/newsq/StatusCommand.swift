// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import FoundationEssentials
import NewsAPI
import Varlink

/// `newsq status`: what the daemon holds and how ingest is keeping up.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the daemon's counts, queue, ingest rate and lag."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Print JSON (the Status reply's fields, see docs/PROTOCOL.md).")
    var json = false

    func run() throws {
        let client = try connection.connect()
        let status: StatusReply
        do {
            status = try client.call("io.newsd.Status", parameters: NoParameters(), returning: StatusReply.self)
        } catch {
            throw ClientError.from(error)
        }
        var output = StandardOutput()
        if json {
            output.write(try JSONText.line(status))
        } else {
            let lag = [("last", status.lagLastSeconds), ("p95", status.lagP95Seconds)]
                .compactMap { name, seconds in seconds.map { "\(name) \(DurationText.format($0))" } }
            output.write(
                """
                newsd \(status.version), up \(DurationText.format(status.uptimeSeconds))
                articles  \(status.articles)
                files     \(status.files): \(status.indexedFiles) indexed, \(status.duplicateFiles) duplicate, \
                \(status.failedFiles) failed
                queue     \(status.queueLength)
                ingest    \(NumberText.fixed(status.ingestRate, digits: 2)) files/s over the last minute
                lag       \(lag.isEmpty ? "none yet" : lag.joined(separator: ", ")) (arrival to searchable)
                watchers  \(status.watchers)
                database  \(ByteCountText.format(status.databaseBytes))

                """)
            if let paused = status.ingestPaused {
                output.write("paused    \(paused)\n")
            }
        }
        output.flush()
    }
}

/// Sizes as people read them.
enum ByteCountText {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : NumberText.fixed(value, digits: 1) + " " + units[unit]
    }
}

/// Durations as people read them: milliseconds for lags, hours and days for uptime.
enum DurationText {
    static func format(_ seconds: Double) -> String {
        switch seconds {
        case ..<1: return NumberText.fixed(seconds * 1000, digits: 0) + " ms"
        case ..<60: return NumberText.fixed(seconds, digits: 1) + " s"
        case ..<3600: return "\(Int(seconds) / 60) min \(Int(seconds) % 60) s"
        case ..<86400: return "\(Int(seconds) / 3600) h \(Int(seconds) % 3600 / 60) min"
        default: return "\(Int(seconds) / 86400) d \(Int(seconds) % 86400 / 3600) h"
        }
    }
}
